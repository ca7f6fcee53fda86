"""What sessions and routines need from a store, beside the diary it writes into.

The store's repository is bound to one person (as the diary's is). ``add_session`` saves the
session and its treatment events in one transaction: the diary never has half a session.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from knotwork.core.diary.repository import DiaryRepository
from knotwork.core.diary.treatment import Treatment
from knotwork.core.release.record import Routine, Session


class SessionRepository(DiaryRepository, Protocol):
    def add_session(self, session: Session, treatments: Sequence[Treatment]) -> None:
        """Save the session and its treatment events together, or nothing."""

    def sessions(
        self, since: date | None = None, until: date | None = None, limit: int | None = None
    ) -> list[Session]:
        """Sessions started on those local days, newest first."""

    def get_session(self, session_id: str) -> Session:
        """One session by full id (``NotFound`` if there is none)."""

    def add_routine(self, routine: Routine) -> None: ...

    def routines(self) -> list[Routine]:
        """Every routine, oldest first."""

    def get_routine(self, routine_id: str) -> Routine:
        """One routine by full id (``NotFound`` if there is none)."""

    def remove_routine(self, routine_id: str) -> Routine: ...

    def set_soreness(self, treatment_ids: Sequence[str], soreness: str) -> int:
        """Set the next-day soreness of these treatment events; how many were changed."""
