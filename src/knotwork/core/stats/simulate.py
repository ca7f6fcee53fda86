"""Simulated diaries for checking the method: day-to-day correlated pain, flares, drift.

Used by the tests (few runs, fixed seeds) and by bench/fair_test.py (many runs). Pain follows
an AR(1) process around a level, as daily pain ratings do; a test can start on a flare (the
first day far above the level), which a before-and-after reading mistakes for improvement.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from knotwork.core.stats.periods import blocks_of, differences
from knotwork.core.stats.posterior import default_prior, prior_from_baseline, update
from knotwork.core.stats.schedule import Schedule, make_schedule
from knotwork.core.stats.verdict import EXTEND_BY, Verdict, judge


@dataclass(frozen=True)
class Scenario:
    effect: float = 0.0  # points less pain on A days
    sd: float = 1.5  # day-to-day SD
    rho: float = 0.6  # lag-1 correlation between days
    flare: float = 0.0  # how far above the level the first test day starts, in points
    drift: float = 0.0  # points per day the level falls (natural course)
    level: float = 5.0
    blocks: int = 4
    baseline_days: int = 28  # diary days before the test (0: none)
    missing: float = 0.0  # chance a day is not recorded


def ar1(rng: random.Random, days: int, sd: float, rho: float, start: float | None) -> list[float]:
    innovation = sd * math.sqrt(1.0 - rho * rho)
    value = rng.gauss(0.0, sd) if start is None else start
    out = [value]
    for _ in range(days - 1):
        value = rho * value + rng.gauss(0.0, innovation)
        out.append(value)
    return out


def simulate(s: Scenario, rng: random.Random, extend: bool = False) -> Verdict:
    """One simulated test's verdict; with ``extend``, an unclear end adds two blocks, as the
    app offers, and the verdict is the one after them (optional stopping, measured)."""
    planned = make_schedule(s.blocks, rng.randrange(1, 2**31))
    schedule = planned.extended(EXTEND_BY) if extend else planned
    noise = ar1(rng, s.baseline_days + schedule.total_days, s.sd, s.rho, None)
    if s.flare:
        noise[s.baseline_days :] = ar1(rng, schedule.total_days, s.sd, s.rho, s.flare)
    daily, baseline = _split(s, schedule, noise, rng)
    prior = prior_from_baseline(baseline, schedule) or default_prior(schedule)
    diffs = differences(blocks_of(schedule, daily))
    verdict = judge(update(prior, diffs[: s.blocks]), s.blocks)
    if extend and verdict.can_extend:
        verdict = judge(update(prior, diffs), schedule.blocks, extended=True)
    return verdict


def _split(
    s: Scenario, schedule: Schedule, noise: list[float], rng: random.Random
) -> tuple[dict[int, float], dict[int, float]]:
    daily: dict[int, float] = {}
    baseline: dict[int, float] = {}
    for i, e in enumerate(noise):
        if rng.random() < s.missing:
            continue
        day = i - s.baseline_days
        value = s.level + e - s.drift * day
        if day < 0:
            baseline[day] = value
        else:
            daily[day] = value - (s.effect if schedule.option_on(day) == "A" else 0.0)
    return daily, baseline
