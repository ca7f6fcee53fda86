"""Finder accuracy on the blind pain-guide set (tests/finder/guides/): for each half, the share
of queries whose guide-first muscle (any member of a first group) the finder ranks first
(top-1) and among the first five (top-5), single-place and two-place queries apart, and the
lenient figure that also accepts a disagreeing source's first muscle (single-place only, beside
the strict one). Targets on the test half, single-place: top-5 >= 90%, top-1 >= 50%.

Tune on the development half only. The test half prints aggregates and nothing per query.

    python bench/eval_guides.py [--half dev|test|both] [--misses]   (--misses: dev only)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from knotwork.core.finder import load_index
from knotwork.core.finder.guides import KINDS, GuideResult, evaluate_guides, guide_misses
from knotwork.core.finder.guides import load_guide_queries as load

GUIDES = Path(__file__).resolve().parent.parent / "tests" / "finder" / "guides"
TOP5, TOP1 = 0.90, 0.50


def report(half: str, result: GuideResult) -> None:
    print(f"{half} half")
    print(f"  {'queries':24} {'n':>3} {'top-1':>7} {'top-5':>7} {'MRR':>6}")
    rows = [(kind, result.strict[kind]) for kind in KINDS]
    rows += [("single-place, lenient", result.lenient["single-place"]), ("all", result.all())]
    for name, tally in rows:
        print(
            f"  {name:24} {len(tally.ranks):3} {tally.top(1):7.1%} {tally.top(5):7.1%} "
            f"{tally.mrr():6.3f}"
        )
    single = result.strict["single-place"]
    met = single.top(5) >= TOP5 and single.top(1) >= TOP1
    print(
        f"  target (single-place): top-5 >= {TOP5:.0%} and top-1 >= {TOP1:.0%}: "
        f"{'met' if met else 'NOT met'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--half", choices=("dev", "test", "both"), default="both")
    parser.add_argument(
        "--misses", action="store_true", help="dev half: list queries not ranked first"
    )
    args = parser.parse_args()
    index = load_index()
    halves = ("dev", "test") if args.half == "both" else (args.half,)
    print(f"{len(index.kb)} muscles")
    for half in halves:
        report(half, evaluate_guides(index, load(GUIDES / f"{half}.yaml")))
    if args.misses:
        # Per-query results of the development half only: the test half is never listed.
        for q, rank, top in guide_misses(index, load(GUIDES / "dev.yaml")):
            print(f"[dev] {q.id} {list(q.regions)}: {list(q.first)} at {rank}; got {top}")


if __name__ == "__main__":
    main()
