"""The fair test's schedule and period means."""

from __future__ import annotations

import pytest

from knotwork.core.errors import InvalidInput
from knotwork.core.stats.periods import blocks_of, days_needed, differences
from knotwork.core.stats.schedule import Schedule, make_schedule


def test_the_schedule_is_reproducible_from_its_seed() -> None:
    assert make_schedule(4, 1234) == make_schedule(4, 1234)
    orders = {make_schedule(6, seed).orders for seed in range(40)}
    assert len(orders) > 20  # the orders really are drawn


def test_extending_keeps_the_blocks_already_run() -> None:
    first = make_schedule(4, 99)
    longer = first.extended(2)
    assert longer.orders[:4] == first.orders and longer.blocks == 6


def test_no_option_runs_longer_than_two_periods() -> None:
    for seed in range(200):
        days = "".join(make_schedule(6, seed).orders)
        assert "AAA" not in days and "BBB" not in days


def test_days_map_to_their_option() -> None:
    s = Schedule(seed=1, orders=("AB", "BA", "AB"))
    assert [s.option_on(d) for d in (0, 6, 7, 13, 14, 21, 41)] == [
        "A",
        "A",
        "B",
        "B",
        "B",
        "A",
        "B",
    ]
    assert s.option_on(-1) is None and s.option_on(42) is None


@pytest.mark.parametrize(
    ("blocks", "period", "washout", "message"),
    [
        (2, 7, 2, "3 to 12 blocks"),
        (13, 7, 2, "3 to 12 blocks"),
        (3, 0, 0, "1 to 28 days"),
        (3, 7, 6, "at least two days"),
    ],
)
def test_bad_designs_are_refused(blocks: int, period: int, washout: int, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        make_schedule(blocks, 1, period, washout)


def test_period_means_set_carry_over_days_aside() -> None:
    s = Schedule(seed=1, orders=("AB", "AB", "AB"))
    # Pain 9 on the two carry-over days of every period, 4 under A and 6 under B otherwise.
    daily = {d: 9.0 if d % 7 < 2 else (4.0 if s.option_on(d) == "A" else 6.0) for d in range(42)}
    results = blocks_of(s, daily)
    assert [r.a.mean for r in results] == [4.0, 4.0, 4.0]
    assert differences(results) == (2.0, 2.0, 2.0)


def test_a_period_with_too_few_days_leaves_its_block_out() -> None:
    s = Schedule(seed=1, orders=("AB", "AB", "AB"))
    assert days_needed(s) == 4  # 4 of the 5 days after the carry-over days
    daily = {d: 5.0 for d in range(42) if not (9 <= d <= 10)}  # block 0's B period misses 2
    results = blocks_of(s, daily)
    assert results[0].b.days_used == 3 and not results[0].b.complete
    assert len(differences(results)) == 2
