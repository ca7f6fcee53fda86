"""The fair test as the app runs it, in simulation: the same checks as bench/fair_test.py,
but through ``core/fairtest`` (diary entries with whole-number PEG-3 answers, one a day, the
run-in before the start as the noise prior, the analysis the pages and the API show).

Rounding the answers to whole numbers and reading them from entries must not change what the
method promises: with no true difference "clearly better" in at most 5% of tests; a true
2-point difference over 4 blocks found in at least 80% at the reference diary.

    python bench/fair_test_app.py [--runs N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time

from knotwork.core.diary.model import Entry, Peg
from knotwork.core.diary.when import When
from knotwork.core.fairtest.analysis import analyse
from knotwork.core.fairtest.plan import Arm, FairTest
from knotwork.core.stats.schedule import make_schedule
from knotwork.core.stats.simulate import ar1

START = date(2027, 1, 4)
RUN_IN = 28


def one_test(
    rng: random.Random, effect: float, sd: float, rho: float, flare: float, run_in: int
) -> tuple[FairTest, list[Entry]]:
    test = FairTest(
        f"{rng.getrandbits(128):032x}",
        When(datetime(2027, 1, 3, 20, tzinfo=UTC), "UTC"),
        START,
        Arm("option A"),
        Arm("option B"),
        make_schedule(4, rng.randrange(1, 2**31)),
        first_blocks=4,
    )
    days = test.schedule.total_days
    noise = ar1(rng, run_in, sd, rho, None) if run_in else []
    noise += ar1(rng, days, sd, rho, flare or None)
    entries = []
    for i, e in enumerate(noise):
        day = i - run_in
        value = 5.0 + e - (effect if day >= 0 and test.schedule.option_on(day) == "A" else 0.0)
        answer = max(0, min(10, round(value)))
        moment = datetime.combine(START + timedelta(days=day), clock_time(20), tzinfo=UTC)
        entries.append(
            Entry(f"{i:032x}", When(moment, "UTC"), answer, peg=Peg(answer, answer, answer))
        )
    return test, entries


def share(runs: int, seed: int, kinds: tuple[str, ...], **scenario: float) -> float:
    rng = random.Random(seed)
    hits = 0
    for _ in range(runs):
        test, entries = one_test(rng, **scenario)  # type: ignore[arg-type]
        hits += analyse(test, entries, [], test.end).verdict.kind in kinds
    return hits / runs


def analysis_cpu_ms(samples: int) -> float:
    test, entries = one_test(random.Random(1), 0.0, 1.5, 0.6, 0.0, RUN_IN)
    times = []
    for _ in range(samples):
        start = time.process_time()
        for _ in range(20):
            analyse(test, entries, [], test.end)
        times.append((time.process_time() - start) / 20)
    return statistics.median(times) * 1e3


NULLS = (
    {"sd": 1.5, "rho": 0.8, "flare": 3.0, "run_in": RUN_IN},
    {"sd": 2.0, "rho": 0.8, "flare": 4.0, "run_in": RUN_IN},
    {"sd": 1.5, "rho": 0.8, "flare": 3.0, "run_in": 0},
    {"sd": 1.0, "rho": 0.5, "flare": 0.0, "run_in": RUN_IN},
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20261207)
    args = parser.parse_args()
    clear = ("clearly-a", "clearly-b")
    print(f"{args.runs} simulated tests per scenario, through core/fairtest (whole-number answers)")
    print("\nNo true difference: 'clearly better' either way (target: at most 5%)")
    for i, s in enumerate(NULLS):
        rate = share(args.runs, args.seed + i, clear, effect=0.0, **s)
        base = f"{RUN_IN}-day run-in" if s["run_in"] else "no run-in"
        print(f"  {rate:6.1%}  SD {s['sd']}, rho {s['rho']}, flare +{s['flare']}, {base}")
    found = share(args.runs, args.seed + 50, ("clearly-a",), effect=2.0, sd=1.2, rho=0.5,
                  flare=0.0, run_in=RUN_IN)  # fmt: skip
    print("\nA true 2-point difference over 4 blocks, SD 1.2, rho 0.5 (target: at least 80%)")
    print(f"  {found:6.1%}  found ('clearly better' for the right option)")
    print(f"\nOne analysis from 84 entries: {analysis_cpu_ms(15):.2f} ms CPU (median of 15 x 20)")


if __name__ == "__main__":
    main()
