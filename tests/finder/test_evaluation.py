"""The finder's measured accuracy on the evaluation cases (the figures bench/eval_finder.py
prints): top-3 at least 85% on text and on drawings, well above the overlap-count baseline."""

from __future__ import annotations

from pathlib import Path

import pytest

from knotwork.core.finder import FinderIndex, load_index
from knotwork.core.finder.evaluate import Case, Tally, evaluate, load_cases
from knotwork.core.kb import load_kb
from knotwork.core.kb.model import AREAS

CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return load_cases(sorted(CASES.glob("*.yaml")))


@pytest.fixture(scope="module")
def results(
    cases: list[Case], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, Tally]]:
    index: FinderIndex = load_index(cache_dir=tmp_path_factory.mktemp("cache"))
    return evaluate(index, cases)


def test_the_set_is_large_sourced_and_covers_every_area(cases: list[Case]) -> None:
    assert len(cases) >= 80
    assert {c.area for c in cases} == set(AREAS)
    assert all(c.source.strip() for c in cases)
    assert len({c.id for c in cases}) == len(cases)
    kb = load_kb()
    for case in cases:
        assert set(case.expect) <= set(kb.muscles), case.id
        for region in case.drawing:
            kb.atlas.get(region.split(":")[0])


@pytest.mark.parametrize("mode", ["text", "drawing"])
def test_top3_reaches_85_percent_and_beats_the_baseline(
    results: dict[str, dict[str, Tally]], mode: str
) -> None:
    finder, baseline = results[mode]["finder"], results[mode]["baseline"]
    assert finder.top(3) >= 0.85
    assert finder.top(3) >= baseline.top(3) + 0.10
    assert finder.mrr() > baseline.mrr()
