"""Scoring by postings: each sided region lists the patterns that predict it.

A drawing marks three or four of about two hundred sided regions, and most muscles' patterns
miss most of them. Rather than walk every mark for every component of every candidate (and
find ``z = 0`` for most), the index lists, per region, the (muscle, side, component, z) that
predict it; a query then adds only the terms its marks actually touch.

The evidence of one component (see model.py) splits as

    start(component, mode)                       the log weight and the "not marked" sum
    + sum over marks of  w * marked(0)           the same for every hypothesis of the query
    + sum over marks in the component of  w * (marked(z) - marked(0)) - unmarked(z)

so the first part is precomputed, the second is one number per query, and only the third
touches the postings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from knotwork.core.finder import model
from knotwork.core.finder.patterns import Pattern

Hypothesis = tuple[str, str]  # (muscle id, side)
# For one hypothesis: (component number, zone strength as an index into ZONES) per component
Terms = tuple[tuple[int, int], ...]
ZONES = (model.Z_LOCAL, model.Z_SPILLOVER, model.Z_ESSENTIAL)


class Postings(NamedTuple):
    # (sided region id, side) -> each hypothesis on that side whose pattern predicts the region
    # (small ints, not floats per mode: the index is unpickled by every cold command)
    by_region: dict[tuple[str, str], tuple[tuple[Hypothesis, Terms], ...]]
    # (muscle id, side) -> input mode -> each component's evidence before any mark
    starts: dict[Hypothesis, dict[str, tuple[float, ...]]]
    # the same, as the mixture's log-sum-exp: the whole evidence of a hypothesis no mark touches
    start_totals: dict[Hypothesis, dict[str, float]]


def build_postings(patterns: dict[str, dict[str, Pattern]]) -> Postings:
    starts: dict[Hypothesis, dict[str, tuple[float, ...]]] = {}
    found: dict[tuple[str, str], dict[Hypothesis, list[tuple[int, int]]]] = {}
    for muscle_id, by_side in patterns.items():
        for side, pattern in by_side.items():
            starts[muscle_id, side] = {
                mode: tuple(c.log_weight + c.baseline[mode] for c in pattern.components)
                for mode in model.COMPLETENESS
            }
            for number, component in enumerate(pattern.components):
                for region, z in component.z.items():
                    at = found.setdefault((region, side), {})
                    at.setdefault((muscle_id, side), []).append((number, ZONES.index(z)))
    by_region = {
        at: tuple((key, tuple(terms)) for key, terms in hypotheses.items())
        for at, hypotheses in found.items()
    }
    totals = {
        key: {m: log_sum_exp(t) for m, t in by_mode.items()} for key, by_mode in starts.items()
    }
    return Postings(by_region, starts, totals)


def log_sum_exp(terms: Sequence[float]) -> float:
    """The mixture over which trigger points are active (one of them, or all)."""
    if len(terms) == 1:
        return terms[0]  # (the sum below would add log(1) = 0 to it)
    top = max(terms)
    # A list, not a generator: this runs for every hypothesis a query touches.
    return top + math.log(sum([math.exp(t - top) for t in terms]))


# Per mode and zone strength (in ZONES order): what a marked region adds beyond the "outside the
# pattern" term, and the "not marked" term it no longer pays.
_FLOOR = {m: model.marked_term(0.0, m) for m in model.COMPLETENESS}
_GAIN = {m: tuple(model.marked_term(z, m) - _FLOOR[m] for z in ZONES) for m in model.COMPLETENESS}
_UNMARKED = {m: tuple(model.unmarked_term(z, m) for z in ZONES) for m in model.COMPLETENESS}


def component_evidence(
    postings: Postings, marks: dict[str, float], mode: str, sides: tuple[str, ...]
) -> tuple[dict[Hypothesis, list[float]], float]:
    """The third part per touched (muscle, side) and component, added to its start; and the
    second part, shared by every hypothesis (hypotheses not in the dict have only their start).
    """
    by_region, starts = postings.by_region, postings.starts
    gain, unmarked = _GAIN[mode], _UNMARKED[mode]
    found: dict[Hypothesis, list[float]] = {}
    for region, weight in marks.items():
        for side in sides:
            for key, terms in by_region.get((region, side), ()):
                evidence = found.get(key)
                if evidence is None:
                    evidence = found[key] = list(starts[key][mode])
                for number, zone in terms:
                    evidence[number] += weight * gain[zone] - unmarked[zone]
    return found, _FLOOR[mode] * sum(marks.values())
