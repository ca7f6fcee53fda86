"""The complaint as read: one immutable result that the finder, the screen and the cautions
all consume."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, NamedTuple

from knotwork.core.reading.context import Clauses, clauses
from knotwork.core.reading.facts import Person, person
from knotwork.core.reading.index import PhraseIndex, Span, near
from knotwork.core.reading.when import DATE_HINTS, YEAR, Dated, dating, is_past

NEAR = 4  # words between a sign and what explains it away ("numb after sitting on a chair")
NO_HITS: Mapping[tuple[str, ...], list[Span]] = MappingProxyType({})


class Complaint(NamedTuple):
    """The words as read: their clauses (each word with its ConText marks), the person's
    facts, and every phrase of the index said (with where), found in one pass."""

    text: str
    clauses: Clauses
    person: Person
    hits: Mapping[tuple[str, ...], list[Span]] = NO_HITS
    dated: tuple[Dated, ...] = ()  # per clause: the days ago it gives, "long ago" said

    def __bool__(self) -> bool:
        return bool(self.clauses)

    def said(self, phrase: tuple[str, ...], unless: Iterable[tuple[str, ...]] = ()) -> bool:
        """Is the phrase said by the person (with ``unless``: at least once without one of
        those right next to it)?"""
        unless = tuple(unless)
        if not unless:
            return phrase in self.hits
        return near(self.hits, phrase, unless, NEAR)

    def keeping(self, kept: set[int]) -> Complaint:
        """The same complaint with only the phrases said in these clauses (a recent event's
        statement is matched in the clauses that do not date it long ago)."""
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
    return Complaint(text, said, person(said), hits, _dates(said))


def _dates(said: Clauses) -> tuple[Dated, ...]:
    """Each clause's date; most texts give none, which one look at all the words shows."""
    words = {w.text for clause in said for w in clause}
    if words.isdisjoint(DATE_HINTS) and not YEAR.search(" ".join(words)):
        return ((None, False),) * len(said)
    return tuple(map(dating, said))


def recent_only(
    complaint: Complaint, within_days: int | None = None, today: date | None = None
) -> Complaint:
    """The complaint with only the clauses that do not date what they say past the
    horizon (``within_days``, else about a year): a recent event's statement is matched in
    these alone ("a car crash years ago, and I fell down the stairs today" still says a
    fall). The dates were read with the words; ``today`` reads them against another day."""
    dates = complaint.dated if today is None else [dating(c, today) for c in complaint.clauses]
    return complaint.keeping({i for i, d in enumerate(dates) if not is_past(d, within_days)})
