"""Scoring by postings: each sided region lists the patterns that predict it.

A drawing marks three or four of about two hundred sided regions, and most muscles' patterns
miss most of them. Rather than walk every mark for every component of every candidate (and
find ``z = 0`` for most), the index lists, per region, the (muscle, side, component, z) that
predict it; a query then adds only the terms its marks actually touch.

The evidence of one component (see model.py) splits as

    start(component, mode, a)                    the log weight and a x the "not marked" sum
    + sum over marks of  w * marked(0)           the same for every hypothesis of the query
    + sum over marks in the component of  w * (marked(z) - marked(0)) - a * unmarked(z)

where ``a`` is how much unmarked zones count for a picture of that many places
(``model.absence_weight``). The first part depends on the query only through ``a``, which takes
a handful of values: it is computed for every hypothesis the first time a value is needed and
kept. The second is one number per query, and only the third touches the postings.
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


class Starts(NamedTuple):
    """Every hypothesis' evidence before any mark, for one input mode and absence weight."""

    each: dict[Hypothesis, tuple[float, ...]]  # per component
    # the mixture's log-sum-exp: the whole evidence of a hypothesis no mark touches
    total: dict[Hypothesis, float]


class Postings(NamedTuple):
    # (sided region id, side) -> each hypothesis on that side whose pattern predicts the region
    # (small ints, not floats per mode: the index is unpickled by every cold command)
    by_region: dict[tuple[str, str], tuple[tuple[Hypothesis, Terms], ...]]
    # (muscle id, side) -> each component's log weight in the trigger-point mixture
    log_weights: dict[Hypothesis, tuple[float, ...]]
    # (muscle id, side) -> input mode -> each component's sum of "not marked" terms
    absent: dict[Hypothesis, dict[str, tuple[float, ...]]]
    # (input mode, absence weight) -> Starts, filled on first use (empty when cached)
    levels: dict[tuple[str, float], Starts]


def build_postings(patterns: dict[str, dict[str, Pattern]]) -> Postings:
    log_weights: dict[Hypothesis, tuple[float, ...]] = {}
    absent: dict[Hypothesis, dict[str, tuple[float, ...]]] = {}
    found: dict[tuple[str, str], dict[Hypothesis, list[tuple[int, int]]]] = {}
    for muscle_id, by_side in patterns.items():
        for side, pattern in by_side.items():
            log_weights[muscle_id, side] = tuple(c.log_weight for c in pattern.components)
            absent[muscle_id, side] = {
                mode: tuple(c.baseline[mode] for c in pattern.components)
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
    return Postings(by_region, log_weights, absent, {})


def starts(postings: Postings, mode: str, absence: float) -> Starts:
    """Every hypothesis' evidence before any mark, for pictures whose unmarked zones count
    ``absence`` (computed once per mode and weight, then kept)."""
    level = postings.levels.get((mode, absence))
    if level is None:
        absent = postings.absent
        each = {
            key: tuple(w + absence * a for w, a in zip(weights, absent[key][mode], strict=True))
            for key, weights in postings.log_weights.items()
        }
        level = Starts(each, {key: log_sum_exp(terms) for key, terms in each.items()})
        postings.levels[mode, absence] = level
    return level


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
) -> tuple[dict[Hypothesis, list[float]], float, dict[Hypothesis, float]]:
    """The third part per touched (muscle, side) and component, added to its start; the
    second part, shared by every hypothesis; and the whole evidence of each hypothesis no mark
    touches (those not in the first dict)."""
    absence = model.absence_weight(len(marks))
    level = starts(postings, mode, absence)
    by_region, each = postings.by_region, level.each
    gain = _GAIN[mode]
    unmarked = tuple(absence * u for u in _UNMARKED[mode])
    found: dict[Hypothesis, list[float]] = {}
    for region, weight in marks.items():
        for side in sides:
            for key, terms in by_region.get((region, side), ()):
                evidence = found.get(key)
                if evidence is None:
                    evidence = found[key] = list(each[key])
                for number, zone in terms:
                    evidence[number] += weight * gain[zone] - unmarked[zone]
    return found, _FLOOR[mode] * sum(marks.values()), level.total
