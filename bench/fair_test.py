"""Validation of the fair-test method by simulation (issue 17's targets), and its speed.

Each scenario simulates many fair tests of two options on diaries whose pain is correlated
from day to day (AR(1)), and prints how often the verdict says "clearly better":
- with no true difference (both directions counted, any day-to-day SD and correlation, with and
  without starting on a flare, with a natural drift, with missing days): target at most 5%;
- with a true 2-point difference over 4 blocks: target at least 80% at the reference diary
  (day-to-day SD 1.2 points, correlation 0.5, the tracking note's power scenario); other noise
  levels are printed beside it, because the chance of finding a real difference falls as the
  diary gets noisier, whatever the method.

    python bench/fair_test.py [--runs N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from dataclasses import replace

from knotwork.core.stats.periods import blocks_of, differences
from knotwork.core.stats.posterior import default_prior, update
from knotwork.core.stats.schedule import make_schedule
from knotwork.core.stats.simulate import Scenario, simulate
from knotwork.core.stats.verdict import judge

CLEAR = ("clearly-a", "clearly-b")
NULLS = [
    Scenario(sd=sd, rho=rho, flare=flare * sd, baseline_days=base)
    for sd in (1.0, 1.5, 2.0)
    for rho in (0.5, 0.8)
    for flare in (0.0, 2.0)
    for base in (28, 0)
] + [
    Scenario(drift=0.05),
    Scenario(drift=0.05, flare=3.0),
    Scenario(missing=0.2),
    Scenario(blocks=3, flare=3.0),
    Scenario(blocks=6, flare=3.0),
]
REFERENCE = Scenario(effect=2.0, sd=1.2, rho=0.5)
POWERS = [replace(REFERENCE, sd=sd, rho=rho) for sd in (1.0, 1.2, 1.5, 2.0) for rho in (0.5, 0.8)]


def share(s: Scenario, kinds: tuple[str, ...], runs: int, seed: int, extend: bool = False) -> float:
    rng = random.Random(seed)
    return sum(simulate(s, rng, extend).kind in kinds for _ in range(runs)) / runs


def describe(s: Scenario) -> str:
    parts = [f"SD {s.sd}", f"rho {s.rho}", f"{s.blocks} blocks"]
    parts += [f"flare +{s.flare:.1f}"] if s.flare else []
    parts += [f"drift {s.drift}/day"] if s.drift else []
    parts += [f"{s.missing:.0%} days missing"] if s.missing else []
    parts += ["no baseline" if not s.baseline_days else f"{s.baseline_days}-day baseline"]
    return ", ".join(parts)


def analysis_cpu_us(runs: int) -> float:
    """CPU time of one analysis (period means, posterior, verdict) on a 4-block diary."""
    schedule = make_schedule(4, 7)
    rng = random.Random(1)
    daily = {d: 5 + rng.gauss(0, 1.5) for d in range(schedule.total_days)}
    prior = default_prior(schedule)
    times = []
    for _ in range(runs):
        start = time.process_time()
        for _ in range(100):
            judge(update(prior, differences(blocks_of(schedule, daily))), 4)
        times.append((time.process_time() - start) / 100)
    return statistics.median(times) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=4000, help="simulated tests per scenario")
    parser.add_argument("--seed", type=int, default=20261207)
    args = parser.parse_args()
    print(f"{args.runs} simulated tests per scenario; 'clearly better' in either direction")
    print("\nNo true difference (target: at most 5%)")
    worst = 0.0
    for i, s in enumerate(NULLS):
        rate = share(s, CLEAR, args.runs, args.seed + i)
        worst = max(worst, rate)
        print(f"  {rate:6.1%}  {describe(s)}")
    extended = share(Scenario(flare=3.0), CLEAR, args.runs, args.seed + 99, extend=True)
    print(f"  {extended:6.1%}  4 blocks, +2 when unclear (optional stopping), flare +3.0")
    worst = max(worst, extended)
    print(f"  worst: {worst:.1%} -> {'met' if worst <= 0.05 else 'NOT met'}")
    print("\nA true 2-point difference over 4 blocks ('clearly better' for the right option)")
    for i, s in enumerate(POWERS):
        rate = share(s, ("clearly-a",), args.runs, args.seed + 200 + i)
        mark = "  <- reference (target: at least 80%)" if s == REFERENCE else ""
        print(f"  {rate:6.1%}  {describe(s)}{mark}")
    found = share(REFERENCE, ("clearly-a",), args.runs, args.seed + 200 + POWERS.index(REFERENCE))
    print(f"  reference: {found:.1%} -> {'met' if found >= 0.80 else 'NOT met'}")
    wrong = share(REFERENCE, ("clearly-b", "probably-b"), args.runs, args.seed + 300)
    print(f"  the wrong option called better: {wrong:.2%}")
    print(f"\nOne analysis: {analysis_cpu_us(15):.0f} us CPU (median of 15 x 100)")


if __name__ == "__main__":
    main()
