"""Scoring by postings gives the same evidence as walking every mark for every component."""

from __future__ import annotations

import math
import random

import pytest

from knotwork.core.finder import FinderIndex, load_index
from knotwork.core.finder.engine import _fixed_readings, _hypothesis, _sides_worth_scoring, gather
from knotwork.core.finder.query import Mark, Query


@pytest.fixture(scope="module")
def index() -> FinderIndex:
    return load_index()


def _random_query(index: FinderIndex, rng: random.Random) -> Query:
    sided = [r.id for r in index.kb.atlas]
    marks = {
        region: Mark(region, rng.choice([None, *range(11)]))
        for region in rng.sample(sided, rng.randint(1, 6))
    }
    return Query(marks=tuple(marks.values()))


@pytest.mark.parametrize("seed", range(40))
def test_postings_match_the_direct_sum_for_every_touched_muscle(
    index: FinderIndex, seed: int
) -> None:
    rng = random.Random(seed)
    query = _random_query(index, rng)
    ev = gather(index, query)
    sides = _sides_worth_scoring(index, ev)
    muscles = sorted({m for r in ev.marks for m in index.by_region.get(r, ())})
    assert muscles, "every sampled region is predicted by some muscle"
    fast = _fixed_readings(index, ev, muscles, sides)
    for muscle_id, (log_odds, side, resolved, _) in zip(muscles, fast, strict=True):
        direct = max((_hypothesis(index, muscle_id, s, ev) for s in sides), key=lambda h: h[0])
        assert side == direct[1], muscle_id
        assert math.isclose(log_odds, direct[0], rel_tol=1e-9, abs_tol=1e-9), muscle_id
        assert resolved == direct[2]


def test_a_muscle_no_mark_touches_on_one_side_keeps_its_unmarked_evidence(
    index: FinderIndex,
) -> None:
    # Marks on both sides: every muscle is scored left, right and both, and a side with no
    # marked region in its pattern still pays for its unmarked zones.
    query = Query(marks=(Mark("temple-left"), Mark("buttock-upper-right")))
    ev = gather(index, query)
    sides = _sides_worth_scoring(index, ev)
    assert sides == ("left", "right", "both")
    muscles = sorted(index.by_region["temple-left"] | index.by_region["buttock-upper-right"])
    for muscle_id, reading in zip(muscles, _fixed_readings(index, ev, muscles, sides), strict=True):
        direct = max((_hypothesis(index, muscle_id, s, ev) for s in sides), key=lambda h: h[0])
        assert (reading[1], round(reading[0], 9)) == (direct[1], round(direct[0], 9))
