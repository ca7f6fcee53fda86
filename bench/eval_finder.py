"""Finder accuracy on the evaluation cases (tests/finder/cases/*.yaml): top-1, top-3, top-5
and mean reciprocal rank, for text and for drawings, next to the overlap-count baseline run on
the same cases in the same run. Target: top-3 >= 85% on both, well above the baseline.

    python bench/eval_finder.py [--misses] [--area AREA]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from knotwork.core.finder import load_index
from knotwork.core.finder.evaluate import evaluate, load_cases, misses

CASES = Path(__file__).resolve().parent.parent / "tests" / "finder" / "cases"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list cases outside the top 3")
    parser.add_argument("--area", help="only the cases of one area file")
    args = parser.parse_args()
    files = sorted(CASES.glob(f"{args.area or '*'}.yaml"))
    cases = load_cases(files)
    index = load_index()
    result = evaluate(index, cases)
    kinds = {}
    for case in cases:
        kinds[case.area] = kinds.get(case.area, 0) + 1
    print(
        f"{len(cases)} cases over {len(index.kb)} muscles: "
        + ", ".join(f"{a} {n}" for a, n in sorted(kinds.items()))
    )
    print(f"{'input':8} {'method':9} {'top-1':>7} {'top-3':>7} {'top-5':>7} {'MRR':>6}")
    for mode, methods in result.items():
        for method, tally in methods.items():
            row = tally.row()
            print(
                f"{mode:8} {method:9} {row['top1']:7.1%} {row['top3']:7.1%} "
                f"{row['top5']:7.1%} {row['mrr']:6.3f}"
            )
    for mode in ("text", "drawing"):
        f, b = result[mode]["finder"].row(), result[mode]["baseline"].row()
        verdict = "met" if f["top3"] >= 0.85 and f["top3"] > b["top3"] else "NOT met"
        print(
            f"{mode}: top-3 {f['top3']:.1%} vs baseline {b['top3']:.1%} "
            f"(+{(f['top3'] - b['top3']) * 100:.1f} points); target {verdict}"
        )
    if args.misses:
        for mode in ("text", "drawing"):
            for case, rank, top in misses(index, cases, mode):
                print(
                    f"[{mode}] {case.area}/{case.id}: expected {case.expect} at {rank}; got {top}"
                )


if __name__ == "__main__":
    main()
