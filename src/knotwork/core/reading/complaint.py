"""The complaint as read: one immutable result that the finder, the screen and the cautions
all consume."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from knotwork.core.reading.context import Clauses, Word, clauses
from knotwork.core.reading.facts import Person, person
from knotwork.core.reading.index import PhraseIndex, Span, near

NEAR = 4  # words between a sign and what explains it away ("numb after sitting on a chair")
NO_HITS: Mapping[tuple[str, ...], list[Span]] = MappingProxyType({})


class Complaint(NamedTuple):
    """The words as read: their clauses (each word with its ConText marks), the person's
    facts, and every phrase of the index said (with where), found in one pass."""

    text: str
    clauses: Clauses
    person: Person
    hits: Mapping[tuple[str, ...], list[Span]] = NO_HITS

    def __bool__(self) -> bool:
        return bool(self.clauses)

    def said(self, phrase: tuple[str, ...], unless: Iterable[tuple[str, ...]] = ()) -> bool:
        """Is the phrase said by the person (with ``unless``: at least once without one of
        those right next to it)?"""
        unless = tuple(unless)
        if not unless:
            return phrase in self.hits
        return near(self.hits, phrase, unless, NEAR)

    def only(self, keep: Callable[[list[Word]], bool]) -> Complaint:
        """The same complaint with only the clauses ``keep`` holds for (a recent event's
        statement is matched in the clauses that do not date it long ago)."""
        kept = {i for i, c in enumerate(self.clauses) if keep(c)}
        if len(kept) == len(self.clauses):
            return self
        hits = {
            words: inside
            for words, spans in self.hits.items()
            if (inside := [s for s in spans if s[0] in kept])
        }
        return self._replace(hits=hits)

    def as_dict(self) -> dict[str, Any]:
        """What was understood of the person (shown back)."""
        return self.person.as_dict()


def read(text: str, index: PhraseIndex | None = None) -> Complaint:
    """Read the words once: clauses, facts, and (with an index) every phrase said."""
    said = clauses(text)
    hits = index.find(said) if index is not None else NO_HITS
    return Complaint(text, said, person(said), hits)
