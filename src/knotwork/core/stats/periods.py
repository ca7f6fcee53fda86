"""From daily values to period means and block differences.

A period counts only if enough of its days outside the carry-over days were recorded (by default
4 of 5); an incomplete period leaves its whole block out rather than comparing unequal things.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from statistics import fmean

from knotwork.core.stats.schedule import Option, Period, Schedule

MIN_SHARE = 0.8  # of a period's days after the carry-over days


@dataclass(frozen=True)
class PeriodMean:
    period: Period
    days_used: int
    days_needed: int
    mean: float | None  # None when too few days were recorded

    @property
    def complete(self) -> bool:
        return self.mean is not None


@dataclass(frozen=True)
class BlockResult:
    block: int
    a: PeriodMean
    b: PeriodMean

    @property
    def difference(self) -> float | None:
        """Mean pain under B minus under A: positive means less pain with A."""
        if self.a.mean is None or self.b.mean is None:
            return None
        return self.b.mean - self.a.mean


def days_needed(schedule: Schedule, share: float = MIN_SHARE) -> int:
    counted = schedule.period_days - schedule.washout_days
    return max(1, math.ceil(counted * share - 1e-9))


def period_mean(period: Period, daily: Mapping[int, float], needed: int) -> PeriodMean:
    values = [daily[d] for d in range(period.washout_until, period.last_day + 1) if d in daily]
    mean = fmean(values) if len(values) >= needed else None
    return PeriodMean(period, len(values), needed, mean)


def blocks_of(
    schedule: Schedule, daily: Mapping[int, float], share: float = MIN_SHARE
) -> tuple[BlockResult, ...]:
    """Every block's two period means, in order (days are counted from the test's start)."""
    needed = days_needed(schedule, share)
    by_block: dict[int, dict[Option, PeriodMean]] = {}
    for period in schedule.periods():
        by_block.setdefault(period.block, {})[period.option] = period_mean(period, daily, needed)
    return tuple(BlockResult(b, means["A"], means["B"]) for b, means in sorted(by_block.items()))


def differences(results: tuple[BlockResult, ...]) -> tuple[float, ...]:
    return tuple(r.difference for r in results if r.difference is not None)
