"""The smallest set of candidates that together explain the whole drawing.

Pain often has more than one source. Among the best-ranked candidates, try sets of one, two,
then three muscles and keep the smallest that explains every mark; among sets of that size, the
one with the most evidence. If none explains everything, keep the set that explains the most.
"""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from knotwork.core.finder.engine import Evidence, Scored

POOL = 8  # candidates considered
MAX_SET = 3


class Cover(NamedTuple):
    members: tuple[Scored, ...]
    adds: tuple[tuple[str, ...], ...]  # marks each member adds, in order
    uncovered: tuple[str, ...]


def smallest_cover(ranked: list[Scored], ev: Evidence) -> Cover:
    from knotwork.core.finder.engine import covered_keys

    pool = ranked[:POOL]
    wanted = set(ev.marks)
    cover = {id(s): covered_keys(s) for s in pool}
    if pool and cover[id(pool[0])] >= wanted:
        return _describe((pool[0],), cover, wanted)  # the best candidate explains it all
    # Marks as bits, so a set's coverage is an OR and its weight a table lookup.
    bit = {key: 1 << i for i, key in enumerate(ev.marks)}
    masks = [sum(bit[k] for k in cover[id(s)]) for s in pool]
    full = (1 << len(bit)) - 1
    weight_of: dict[int, float] = {}
    best: tuple[float, int, float] | None = None
    members: tuple[Scored, ...] = ()
    for size in range(1, min(MAX_SET, len(pool)) + 1):
        for combo in combinations(range(len(pool)), size):
            mask = 0
            for i in combo:
                mask |= masks[i]
            if mask not in weight_of:
                weight_of[mask] = round(sum(w for k, w in ev.marks.items() if mask & bit[k]), 9)
            # More explained first, then fewer muscles, then more evidence.
            key = (weight_of[mask], -size, sum(pool[i].log_odds for i in combo))
            if best is None or key > best:
                best, members = key, tuple(pool[i] for i in combo)
        if best is not None and best[0] >= weight_of.get(full, float("inf")):
            break  # everything explained at this size: no larger set needed
    return _describe(members, cover, wanted)


def _describe(members: tuple[Scored, ...], cover: dict[int, set[str]], wanted: set[str]) -> Cover:
    seen: set[str] = set()
    adds = []
    for member in members:
        new = sorted(cover[id(member)] - seen)
        adds.append(tuple(new))
        seen |= cover[id(member)]
    return Cover(members, tuple(adds), tuple(sorted(wanted - seen)))
