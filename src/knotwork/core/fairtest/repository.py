"""What a store must offer to keep one person's fair tests (the store implements it).

Like the diary's repository it is bound to one person, and each method is one transaction.
The diary's own records (the daily PEG-3 answers, treatments, red flags) stay in the diary:
a test holds only its plan and how it ended.
"""

from __future__ import annotations

from typing import Protocol

from knotwork.core.fairtest.plan import FairTest


class FairTestRepository(Protocol):
    def add_test(self, test: FairTest) -> None:
        """Save a new test; an id already used is ``InvalidInput``."""

    def replace_test(self, test: FairTest) -> None:
        """Save a changed test (extended, stopped) over the one with its id (``NotFound``)."""

    def get_test(self, test_id: str) -> FairTest:
        """One test by its full id (``NotFound`` if there is none)."""

    def tests(self) -> list[FairTest]:
        """Every test of the person, newest first."""
