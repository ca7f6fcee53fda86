"""Measure the finder against the trigger point pain guides (tests/finder/guides/README.md).

Each query marks one or two places, as a person would on the body map, and names the muscle the
guide lists first for them. The finder gets them as a drawing: sided regions at a moderate
intensity, a single place as the person's main place (two places are marked alike: the guides
give no main one). A query counts when its first muscle, or any member of its first group, is
ranked first (top-1) or among the first five (top-5). The lenient figure also accepts the first
muscle of a disagreeing secondary source (``also_first``); it is reported beside the strict one,
never instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from knotwork.core.finder.engine import gather, score_all
from knotwork.core.finder.evaluate import Tally, rank_of
from knotwork.core.finder.index import FinderIndex
from knotwork.core.finder.query import Mark, Query

DEFAULT_INTENSITY = 6  # "moderate": the guides give no intensity
KINDS = ("single-place", "two-place")


@dataclass(frozen=True, slots=True)
class GuideQuery:
    id: str
    kind: str  # single-place or two-place
    regions: tuple[str, ...]  # sided atlas ids (midline ids have no side)
    first: tuple[str, ...]  # the guide's first muscle, or every member of its first group
    also_first: tuple[str, ...]  # a disagreeing source's first muscle (lenient figure only)

    def query(self) -> Query:
        main = len(self.regions) == 1
        return Query(marks=tuple(Mark(r, DEFAULT_INTENSITY, main) for r in self.regions))


def load_guide_queries(path: Path) -> list[GuideQuery]:
    import yaml

    queries = []
    for item in yaml.safe_load(path.read_text(encoding="utf-8")):
        queries.append(
            GuideQuery(
                id=item["id"],
                kind=item["kind"],
                regions=tuple(item["regions"]),
                first=tuple(item.get("first_group") or (item["first"],)),
                also_first=tuple(item.get("also_first") or ()),
            )
        )
    return queries


def ranking(index: FinderIndex, query: Query) -> list[str]:
    return [s.muscle.id for s in score_all(index, gather(index, query), query)]


@dataclass(frozen=True, slots=True)
class GuideResult:
    """Per kind of query: the strict tally, and the lenient one (``also_first`` counts)."""

    strict: dict[str, Tally]
    lenient: dict[str, Tally]

    def all(self) -> Tally:
        return Tally([r for kind in KINDS for r in self.strict[kind].ranks])


def evaluate_guides(index: FinderIndex, queries: Iterable[GuideQuery]) -> GuideResult:
    result = GuideResult({k: Tally() for k in KINDS}, {k: Tally() for k in KINDS})
    for q in queries:
        ranked = ranking(index, q.query())
        result.strict[q.kind].ranks.append(rank_of(ranked, q.first))
        result.lenient[q.kind].ranks.append(rank_of(ranked, (*q.first, *q.also_first)))
    return result


def guide_misses(
    index: FinderIndex, queries: Sequence[GuideQuery], k: int = 1
) -> list[tuple[GuideQuery, int | None, list[str]]]:
    """Queries whose first muscle is not in the top k, with the finder's top 5 (for tuning on
    the development half only: never call it on the test half)."""
    found = []
    for q in queries:
        ranked = ranking(index, q.query())
        rank = rank_of(ranked, q.first)
        if rank is None or rank > k:
            found.append((q, rank, ranked[:5]))
    return found
