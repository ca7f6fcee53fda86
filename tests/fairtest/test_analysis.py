"""A fair test's plan, today's option and its analysis from diary entries (pure core, no
store): period means after the days set aside, block differences, the posterior, verdicts."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from knotwork.core.errors import InvalidInput
from knotwork.core.fairtest.analysis import analyse
from knotwork.core.fairtest.plan import Arm, FairTest, check_start
from knotwork.core.fairtest.present import period_chart, result_dict
from knotwork.core.fairtest.today import today
from knotwork.core.stats.schedule import Schedule, block_order
from knotwork.core.stats.simulate import ar1
from tests.fairtest.helpers import (
    START,
    at,
    by_option,
    entries,
    heat,
    new_id,
    peg_entry,
    planned,
    red_flag,
)


def test_the_schedule_is_the_one_its_seed_draws() -> None:
    test = planned(blocks=4, seed=11)
    assert test.schedule.orders == tuple(block_order(11, b) for b in range(4))
    assert test.end == START + timedelta(days=56)
    forged = Schedule(11, tuple("AB" if o == "BA" else "BA" for o in test.schedule.orders))
    with pytest.raises(InvalidInput, match="not the one its seed draws"):
        FairTest(new_id(), test.created, START, test.a, test.b, forged, first_blocks=4)


def test_a_plan_needs_two_different_options_and_three_blocks() -> None:
    with pytest.raises(InvalidInput, match="must differ"):
        FairTest(new_id(), at(START), START, Arm("Heat"), Arm(" heat "), planned().schedule, 4)
    with pytest.raises(InvalidInput, match="at least 3 blocks"):
        FairTest(new_id(), at(START), START, Arm("Heat"), Arm("Cold"), planned().schedule, 2)
    with pytest.raises(InvalidInput, match="needs a name"):
        Arm("  ")
    with pytest.raises(InvalidInput, match="kind"):
        Arm("Yoga", "yoga")


def test_a_test_starts_today_or_within_four_weeks_never_in_the_past() -> None:
    day = date(2027, 1, 1)
    assert check_start(day, day) == day
    with pytest.raises(InvalidInput, match="not assigned at random"):
        check_start(day - timedelta(days=1), day)
    with pytest.raises(InvalidInput, match="within 28 days"):
        check_start(day + timedelta(days=29), day)


def test_today_follows_the_schedule_and_marks_the_days_set_aside() -> None:
    test = planned()
    first = test.schedule.orders[0][0]
    t = today(test, START)
    assert (t.status, t.option, t.block, t.day_in_period, t.set_aside) == (
        "running", first, 1, 1, True,
    )  # fmt: skip
    assert t.arm == test.arm(first) and t.arm is not None and t.arm.name in t.message()
    third = today(test, START + timedelta(days=2))
    assert not third.set_aside and third.period_last == START + timedelta(days=6)
    second_period = today(test, START + timedelta(days=7))
    assert second_period.option != first and second_period.set_aside
    assert today(test, START - timedelta(days=3)).status == "planned"
    assert today(test, test.end).status == "finished"
    assert today(test, START + timedelta(days=9), red_flag=START + timedelta(days=8)).status == (
        "stopped"
    )


def test_a_clear_two_point_difference_over_four_blocks() -> None:
    test = planned(blocks=4)
    values = by_option(test, a=3, b=5, days=range(56))
    result = analyse(test, entries(test, values), [], test.end)
    assert result.status == "finished"
    assert [b.difference for b in result.blocks] == [2.0, 2.0, 2.0, 2.0]
    assert result.verdict.kind == "clearly-a"
    assert result.verdict.p_a_better is not None and result.verdict.p_a_better > 0.99
    assert result.sentence == "ball release daily clearly helped you more than stretching daily."
    data = result_dict(result)
    assert data["verdict"]["better"] == "A" and data["verdict"]["interval_90"][0] > 0
    assert "2.0 points lower in the weeks of ball release daily" in data["headline"]
    svg = period_chart(result)
    assert svg.count('class="mean-a"') == 4 and svg.count('class="mean-b"') == 4
    assert "<title" in svg and "block 4 B 5.0" in svg


def test_the_days_set_aside_are_not_compared() -> None:
    """Carry-over: the first two days of each period could be anything."""
    test = planned(blocks=3)
    values = by_option(test, a=4, b=4, days=range(42))
    for period in test.schedule.periods():
        values[period.first_day] = values[period.first_day + 1] = 10
    result = analyse(test, entries(test, values), [], test.end)
    assert all(p.mean == 4.0 for p in result.periods)
    assert result.verdict.kind == "no-clear-difference"


def test_no_verdict_before_three_complete_blocks_and_only_blocks_that_are_over() -> None:
    test = planned(blocks=4)
    values = by_option(test, a=2, b=6, days=range(56))
    # On the last day of block 3 its B period already has 4 counted days, but the block is
    # not over: still no verdict.
    day = START + timedelta(days=41)
    result = analyse(test, entries(test, {d: v for d, v in values.items() if d <= 41}), [], day)
    assert result.verdict.kind == "not-yet" and result.verdict.complete_blocks == 2
    assert "2 of 4 blocks done" in result.sentence
    assert [b.counted for b in result.blocks] == [True, True, False, False]
    after = analyse(test, entries(test, {d: v for d, v in values.items() if d <= 41}), [],
                    day + timedelta(days=1))  # fmt: skip
    assert after.verdict.kind == "probably-a" and after.verdict.complete_blocks == 3


def test_a_period_with_too_few_answers_leaves_its_block_out() -> None:
    test = planned(blocks=3)
    values = by_option(test, a=3, b=5, days=range(42))
    b_period = next(p for p in test.schedule.periods() if p.block == 1 and p.option == "B")
    for d in range(b_period.washout_until, b_period.washout_until + 2):
        del values[d]  # 3 of 5 counted days: not enough
    result = analyse(test, entries(test, values), [], test.end)
    assert [b.counted for b in result.blocks] == [True, False, True]
    assert result.verdict.kind == "not-yet" and result.can_extend
    row = next(p for p in result.periods if p.block == 2 and p.option == "B")
    assert (row.days_recorded, row.days_needed, row.mean) == (3, 4, None)


def test_entries_without_peg_do_not_count_and_several_a_day_are_averaged() -> None:
    from knotwork.core.diary.model import Entry

    test = planned(blocks=3)
    found = entries(test, by_option(test, a=3, b=5, days=range(42)))
    found += [Entry(new_id(), at(test.on(d), 9), 10) for d in range(42)]  # no PEG
    found.append(peg_entry(test.on(3), 9, hour=7))  # a second answer on day 3
    result = analyse(test, found, [], test.end)
    day3 = test.schedule.option_on(3)
    row = next(p for p in result.periods if p.block == 1 and p.option == day3)
    usual = 3 if day3 == "A" else 5
    assert row.mean == pytest.approx((usual * 4 + (usual + 9) / 2) / 5)


def test_a_red_flag_in_the_diary_stops_the_test() -> None:
    test = planned(blocks=4)
    values = by_option(test, a=3, b=5, days=range(56))
    flag_day = START + timedelta(days=30)
    result = analyse(test, entries(test, values), [red_flag(flag_day)], test.end)
    assert result.status == "stopped" and result.stop is not None
    assert result.stop.by == "red-flag" and "clinician" in result.stop.reason
    assert result.verdict.complete_blocks == 2 and result.verdict.kind == "not-yet"
    assert not result.can_extend
    assert [p.state for p in result.periods] == ["over"] * 4 + ["stopped"] * 4
    # A finder result that needed no one (level none) does not stop it; nor one from before.
    ignored = [red_flag(flag_day, "none"), red_flag(START - timedelta(days=2))]
    calm = analyse(test, entries(test, values), ignored, test.end)
    assert calm.status == "finished" and calm.stop is None


def test_the_person_can_stop_it() -> None:
    test = planned(blocks=3, stopped_on=START + timedelta(days=3), stop_reason="Flu")
    result = analyse(test, [], [], START + timedelta(days=10))
    assert result.status == "stopped" and result.stop is not None
    assert (result.stop.by, result.stop.reason) == ("person", "Flu")


def test_an_unclear_end_offers_two_more_blocks_for_two_days() -> None:
    test = planned(blocks=4)
    rng = random.Random(5)
    values = {d: 5 + rng.choice((-1, 0, 1)) for d in range(56)}
    result = analyse(test, entries(test, values), [], test.end)
    assert result.verdict.kind in ("no-clear-difference", "probably-a", "probably-b")
    assert result.can_extend and result.extend_by == test.end + timedelta(days=1)
    late = analyse(test, entries(test, values), [], test.end + timedelta(days=2))
    assert not late.can_extend
    longer = FairTest(test.id, test.created, test.start, test.a, test.b,
                      test.schedule.extended(2), test.first_blocks)  # fmt: skip
    assert longer.extended and longer.schedule.orders[:4] == test.schedule.orders
    again = analyse(longer, entries(longer, values), [], longer.end)
    assert not again.can_extend  # once only
    assert result_dict(again)["verdict"]["clear_bar"] == 0.99


def test_the_baseline_prior_comes_from_answers_before_the_start() -> None:
    test = planned(blocks=3)
    before = {d: 5 + (d % 2) for d in range(-20, 0)}
    result = analyse(test, entries(test, before), [], START)
    assert result.prior_basis == "your diary's 20 days before the test"
    assert analyse(test, [], [], START).prior_basis == "a typical pain diary"


def test_other_treatments_are_counted_by_option() -> None:
    test = planned(blocks=3)
    a_day = next(d for d in range(14) if test.schedule.option_on(d) == "A")
    result = analyse(test, [], [], test.end, [heat(test.on(a_day)), heat(test.on(a_day))])
    assert result.treatments == {"A": {"heat": 2}, "B": {}}


def _fair_test_share(
    effect: float, flare: float, runs: int, seed: int, sd: float = 1.5, rho: float = 0.8
) -> dict[str, float]:
    """Simulated diaries (AR(1) days, 4 weeks of answers before the start) through the whole
    pipeline: PEG-3 entries rounded to whole numbers, analysed as the app does."""
    rng = random.Random(seed)
    kinds: dict[str, int] = {}
    for _ in range(runs):
        test = planned(blocks=4, seed=rng.randrange(1, 2**31))
        noise = ar1(rng, 28, sd, rho, None) + ar1(rng, 56, sd, rho, flare or None)
        values = {d - 28: 5 + e for d, e in enumerate(noise)}
        for d in range(56):
            if test.schedule.option_on(d) == "A":
                values[d] -= effect
        kind = analyse(test, entries(test, values), [], test.end).verdict.kind
        kinds[kind] = kinds.get(kind, 0) + 1
    return {k: v / runs for k, v in kinds.items()}


def test_simulation_no_true_difference_starting_on_a_flare_rarely_claims_one() -> None:
    shares = _fair_test_share(effect=0.0, flare=3.0, runs=250, seed=17)
    assert shares.get("clearly-a", 0) + shares.get("clearly-b", 0) <= 0.08


def test_simulation_a_true_two_point_difference_is_usually_found() -> None:
    """The reference scenario (day-to-day SD 1.2, correlation 0.5): 84% in bench/fair_test.py."""
    shares = _fair_test_share(effect=2.0, flare=0.0, runs=150, seed=18, sd=1.2, rho=0.5)
    assert shares.get("clearly-a", 0) >= 0.7
    assert shares.get("clearly-b", 0) == 0
