"""What the finder scores and ranks: the evidence gathered from a query, one scored
candidate, and the small helpers the engine, the cover and the report all use. Kept apart
from the engine so that the cover and the report need not import it (no import cycle)."""

from __future__ import annotations

from typing import NamedTuple

from knotwork.core.atlas.model import Atlas
from knotwork.core.finder.patterns import Pattern
from knotwork.core.finder.understood import Mention, Understood
from knotwork.core.kb.model import Muscle


class Evidence(NamedTuple):
    """The resolved picture the model scores."""

    marks: dict[str, float]  # sided region id (or base id when unspecified) -> weight
    unspecified: set[str]
    mode: str
    symptoms: list[str]
    contexts: list[str]
    conditions: dict[str, list[str]]  # words -> muscle ids
    understood: Understood
    # mark key -> (intensity 0-10 or None, main area?, "drawing" or "text"), for reporting
    detail: dict[str, tuple[int | None, bool, str]]


class Scored:
    """One muscle at its best side, with the evidence for it."""

    __slots__ = ("extras", "keys", "log_odds", "muscle", "pattern", "resolved", "score", "side")

    def __init__(
        self,
        muscle: Muscle,
        side: str,
        log_odds: float,
        pattern: Pattern,
        resolved: dict[str, float],
        keys: dict[str, str],
    ) -> None:
        self.muscle = muscle
        self.side = side
        self.log_odds = log_odds
        self.pattern = pattern
        self.resolved = resolved  # sided marks as this hypothesis reads them
        self.keys = keys  # mark key (as given) -> the sided region it was read as
        self.extras: list[tuple[str, float]] = []
        self.score = 0.0


def covered_keys(scored: Scored) -> set[str]:
    """The marks (as given) this candidate's pattern explains."""
    return {key for key, region in scored.keys.items() if region in scored.pattern.cells}


def mention_ids(atlas: Atlas, mention: Mention) -> list[str]:
    """The region ids a place said in words stands for: sided when a side was given (both
    sides for "both"), the base id when it was not, the midline id when it has no sides."""
    if not atlas.is_paired(mention.base):
        return [atlas.sided(mention.base, "midline")]
    if mention.side == "unspecified":
        return [mention.base]
    if mention.side == "both":
        return [atlas.sided(mention.base, "left"), atlas.sided(mention.base, "right")]
    return [atlas.sided(mention.base, mention.side)]  # type: ignore[arg-type]
