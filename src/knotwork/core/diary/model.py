"""A diary entry: how much it hurts, where, how, and what was going on.

Each record checks its own invariants when it is made (ranges, vocabularies it owns, no
duplicates); ``checks`` adds what needs the atlas and the knowledge base (region ids and
sides, context ids). A record that exists is valid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import fmean

from knotwork.core.diary import rules
from knotwork.core.diary.vocab import QUALITIES
from knotwork.core.diary.when import When
from knotwork.core.errors import InvalidInput

MAX_REGIONS = 60
MAX_CONTEXTS = 20


@dataclass(frozen=True, slots=True)
class RegionRating:
    """Pain in one sided atlas region, 0-10, with what it feels like."""

    region: str
    pain: int
    qualities: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        rules.score(self.pain, f"Pain in {self.region}")
        for quality in self.qualities:
            rules.choice(quality, QUALITIES, "A pain quality")
        rules.unique(self.qualities, f"The qualities of {self.region}")


@dataclass(frozen=True, slots=True)
class Peg:
    """PEG-3 (Krebs et al. 2009): pain on average, and how much pain got in the way of
    enjoying life and of general activity, each 0-10; the score is their mean."""

    pain: int
    enjoyment: int
    activity: int

    def __post_init__(self) -> None:
        rules.score(self.pain, "PEG pain")
        rules.score(self.enjoyment, "PEG enjoyment of life")
        rules.score(self.activity, "PEG general activity")

    @property
    def score(self) -> float:
        return round(fmean((self.pain, self.enjoyment, self.activity)), 1)


@dataclass(frozen=True, slots=True)
class Sleep:
    """Last night's sleep: hours and/or quality 0 (very poor) to 10 (very good)."""

    hours: float | None = None
    quality: int | None = None

    def __post_init__(self) -> None:
        if self.hours is None and self.quality is None:
            raise InvalidInput("Sleep needs hours or a quality.")
        if self.hours is not None and (
            isinstance(self.hours, bool)
            or not isinstance(self.hours, int | float)
            or not 0 <= self.hours <= 24
        ):
            raise InvalidInput(f"Sleep hours must be 0 to 24, not {self.hours!r}.")
        rules.optional_score(self.quality, "Sleep quality")


@dataclass(frozen=True, slots=True)
class Entry:
    """One moment of the diary; a person may write several a day."""

    id: str
    when: When
    pain: int  # overall, 0-10
    regions: tuple[RegionRating, ...] = ()
    peg: Peg | None = None
    sleep: Sleep | None = None
    contexts: tuple[str, ...] = ()
    notes: str = field(default="")

    def __post_init__(self) -> None:
        check_id(self.id)
        rules.score(self.pain, "Overall pain")
        if len(self.regions) > MAX_REGIONS:
            raise InvalidInput(f"At most {MAX_REGIONS} places in one entry.")
        rules.unique((r.region for r in self.regions), "The entry")
        if len(self.contexts) > MAX_CONTEXTS:
            raise InvalidInput(f"At most {MAX_CONTEXTS} contexts in one entry.")
        rules.unique(self.contexts, "The context")
        rules.text(self.notes, "The note")


def check_id(value: str) -> None:
    """Record ids are 32 lower-case hex digits (a UUID without dashes)."""
    if len(value) != 32 or any(c not in "0123456789abcdef" for c in value):
        raise InvalidInput(f"'{value}' is not a diary record id.")
