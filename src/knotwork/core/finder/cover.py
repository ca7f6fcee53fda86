"""The smallest set of candidates that together explain the whole drawing.

Pain often has more than one source. Among the best-ranked candidates, try sets of one, two,
then three muscles and keep the smallest that explains every mark; among sets of that size, the
one with the most evidence. If none explains everything, keep the set that explains the most.
"""

from __future__ import annotations

from operator import itemgetter
from typing import NamedTuple

from knotwork.core.finder.evidence import Evidence, Scored, covered_keys

POOL = 8  # candidates considered
MAX_SET = 3


class Cover(NamedTuple):
    members: tuple[Scored, ...]
    adds: tuple[tuple[str, ...], ...]  # marks each member adds, in order
    uncovered: tuple[str, ...]


NO_COVER = Cover((), (), ())


def smallest_cover(ranked: list[Scored], ev: Evidence) -> Cover:
    pool = ranked[:POOL]
    wanted = set(ev.marks)
    if not pool:
        return _describe((), {}, wanted)
    first = covered_keys(pool[0])
    if first >= wanted:  # the best candidate explains it all (most queries): look no further
        return _describe((pool[0],), {id(pool[0]): first}, wanted)
    cover = {id(s): covered_keys(s) for s in pool}
    # Marks as bits, so a set's coverage is an OR and its weight a table lookup.
    bit = {key: 1 << i for i, key in enumerate(ev.marks)}
    masks = [sum(bit[k] for k in cover[id(s)]) for s in pool]
    logs = [s.log_odds for s in pool]
    full_weight = _weight(ev.marks, bit, (1 << len(bit)) - 1)
    # Each set as (mask, summed log odds, member indices), grown one member at a time.
    sets: list[tuple[int, float, tuple[int, ...]]] = [
        (masks[i], logs[i], (i,)) for i in range(len(pool))
    ]
    best: tuple[float, float, tuple[int, ...]] | None = None
    weights: dict[int, float] = {}  # mask -> weight of the marks it explains
    for size in range(1, min(MAX_SET, len(pool)) + 1):
        if size > 1:
            sets = [
                (mask | masks[j], log + logs[j], (*members, j))
                for mask, log, members in sets
                for j in range(members[-1] + 1, len(pool))
            ]
        for mask in {mask for mask, _, _ in sets} - weights.keys():
            weights[mask] = _weight(ev.marks, bit, mask)
        # More explained first, then more evidence; the first such set on a tie. A larger
        # set replaces a smaller one only if it explains strictly more.
        top = max(((weights[m], log, members) for m, log, members in sets), key=_BY_WEIGHT)
        if best is None or top[0] > best[0]:
            best = top
        if best[0] >= full_weight:
            break  # everything explained at this size: no larger set needed
    members = tuple(pool[i] for i in best[2]) if best else ()
    return _describe(members, cover, wanted)


_BY_WEIGHT = itemgetter(0, 1)


def _weight(marks: dict[str, float], bit: dict[str, int], mask: int) -> float:
    return round(sum(w for k, w in marks.items() if mask & bit[k]), 9)


def _describe(members: tuple[Scored, ...], cover: dict[int, set[str]], wanted: set[str]) -> Cover:
    seen: set[str] = set()
    adds = []
    for member in members:
        new = sorted(cover[id(member)] - seen)
        adds.append(tuple(new))
        seen |= cover[id(member)]
    return Cover(members, tuple(adds), tuple(sorted(wanted - seen)))
