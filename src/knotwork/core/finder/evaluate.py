"""Measure the finder on cases with a known answer: top-1, top-3, top-5 and mean reciprocal rank,
for text and for drawings, next to the overlap-count baseline run on the same cases."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from knotwork.core.finder.baseline import overlap_ranking
from knotwork.core.finder.engine import gather, score_all
from knotwork.core.finder.index import FinderIndex
from knotwork.core.finder.query import Query, parse_region_arg


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    text: str
    drawing: tuple[str, ...]
    expect: tuple[str, ...]
    source: str
    area: str = ""


@dataclass(slots=True)
class Tally:
    ranks: list[int | None] = field(default_factory=list)

    def top(self, k: int) -> float:
        return sum(1 for r in self.ranks if r is not None and r <= k) / max(len(self.ranks), 1)

    def mrr(self) -> float:
        return sum(1 / r for r in self.ranks if r) / max(len(self.ranks), 1)

    def row(self) -> dict[str, float]:
        return {"top1": self.top(1), "top3": self.top(3), "top5": self.top(5), "mrr": self.mrr()}


def rank_of(ranking: Sequence[str], expect: Iterable[str]) -> int | None:
    wanted = set(expect)
    return next((i for i, m in enumerate(ranking, 1) if m in wanted), None)


def rank_case(index: FinderIndex, query: Query) -> tuple[list[str], list[str]]:
    """(finder ranking, baseline ranking) of muscle ids for one query."""
    ev = gather(index, query)
    finder = [s.muscle.id for s in score_all(index, ev, query)]
    return finder, overlap_ranking(index, ev)


def evaluate(index: FinderIndex, cases: Sequence[Case]) -> dict[str, dict[str, Tally]]:
    """mode (text, drawing) -> method (finder, baseline) -> tally."""
    result = {mode: {"finder": Tally(), "baseline": Tally()} for mode in ("text", "drawing")}
    for case in cases:
        queries = {
            "text": Query(text=case.text),
            "drawing": Query(marks=tuple(parse_region_arg(r) for r in case.drawing)),
        }
        for mode, query in queries.items():
            finder, baseline = rank_case(index, query)
            result[mode]["finder"].ranks.append(rank_of(finder, case.expect))
            result[mode]["baseline"].ranks.append(rank_of(baseline, case.expect))
    return result


def misses(
    index: FinderIndex, cases: Sequence[Case], mode: str, k: int = 3
) -> list[tuple[Case, int | None, list[str]]]:
    """Cases whose expected muscle is not in the finder's top k (for tuning and review)."""
    found = []
    for case in cases:
        query = (
            Query(text=case.text)
            if mode == "text"
            else Query(marks=tuple(parse_region_arg(r) for r in case.drawing))
        )
        ranking, _ = rank_case(index, query)
        rank = rank_of(ranking, case.expect)
        if rank is None or rank > k:
            found.append((case, rank, ranking[:5]))
    return found


def load_cases(paths: Iterable[object]) -> list[Case]:
    """Cases from YAML files (``cases:`` lists), each file named after its body area."""
    from pathlib import Path

    import yaml

    cases = []
    for path in paths:
        file = Path(str(path))
        for item in yaml.safe_load(file.read_text(encoding="utf-8"))["cases"]:
            cases.append(
                Case(
                    id=item["id"],
                    text=item["text"],
                    drawing=tuple(item["drawing"]),
                    expect=tuple(item["expect"]),
                    source=item["source"],
                    area=file.stem,
                )
            )
    return cases
