""" "What seemed to help": relief and next-day soreness per treatment, as associations."""

from __future__ import annotations

import pytest

from knotwork.core.diary.treatment import Medication, Treatment
from knotwork.core.fairtest.helped import REASONS, interval, what_helped
from tests import personas
from tests.fairtest.helpers import START, at, new_id


def _t(kind: str, relief: int | None, soreness: str | None = None, **kw: object) -> Treatment:
    return Treatment(new_id(), at(START), kind, relief=relief, soreness=soreness, **kw)  # type: ignore[arg-type]


def test_rows_by_treatment_with_counts_means_intervals_and_soreness() -> None:
    found = [
        *(_t("self-treatment", r, "mild" if r > 5 else "none", muscle="upper-trapezius")
          for r in (6, 7, 5, 6)),
        _t("heat", 2, region="low-back-left"),
        _t("heat", 3, "moderate", region="low-back-left"),
        _t("medication", None, medication=Medication("Ibuprofen", "400 mg")),
        _t("medication", 4, medication=Medication("ibuprofen ", "200 mg")),
    ]  # fmt: skip
    rows = what_helped(found, {"upper-trapezius": "Upper trapezius"}.get)  # type: ignore[arg-type]
    first = rows[0]
    assert (first.name, first.count, first.reliefs, first.relief_mean) == (
        "Self-treatment (trigger point release): Upper trapezius", 4, 4, 6.0,
    )  # fmt: skip
    assert first.relief_interval is not None
    low, high = first.relief_interval
    assert low < 6.0 < high and high - low < 2.5
    assert first.soreness == {"none": 1, "mild": 3, "moderate": 0, "severe": 0}
    assert first.arm.kind == "self-treatment" and first.arm.muscle == "upper-trapezius"
    heat = next(r for r in rows if r.kind == "heat")
    assert heat.relief_interval is None and heat.sore_share == 1.0  # too few for an interval
    ibuprofen = next(r for r in rows if r.kind == "medication")
    assert (ibuprofen.count, ibuprofen.reliefs) == (2, 1)  # the same medicine, however typed


def test_the_interval_is_a_t_interval_within_the_scale() -> None:
    assert interval([5.0, 5.0]) is None
    low, high = interval([9.0, 10.0, 10.0]) or (0, 0)
    assert high == 10.0 and low == pytest.approx(9.667 - 2.920 * 0.5774 / 1.732, abs=0.01)


def test_alices_year_and_the_reasons_it_misleads() -> None:
    rows = what_helped(personas.alice().treatments)
    assert len(rows) == 1 and rows[0].count > 200 and rows[0].relief_mean is not None
    assert 2 <= rows[0].relief_mean <= 5
    assert [name for name, _ in REASONS] == [
        "Regression to the mean", "Other changes", "Expectation",
    ]  # fmt: skip
