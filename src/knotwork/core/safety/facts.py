"""What the words say about the person that decides whether a question is worth asking: the
age the person gives for themself, and saying one is a man.

These come from the one reading of the complaint (core/reading: ``Person``), which reads
them only when said of oneself: a relative's age ("my mum is 72") or a guess could drop a
question that matters, so anything less plain reads as nothing.
"""

from __future__ import annotations

from typing import NamedTuple

from knotwork.core.reading.facts import Person


class Facts(NamedTuple):
    # The oldest the person can be by their words (34 for "I'm 34"): a question that only
    # counts from an older age is not asked.
    age_at_most: int | None = None
    male: bool = False


NOTHING = Facts()


def facts_of(person: Person) -> Facts:
    return Facts(person.age, person.sex == "male")
