"""Red-flag screen accuracy on the presentations in tests/safety/cases: recall on red-flag
cases (each must reach at least its expected urgency; target 100%) and the share of benign
muscle-pain cases flagged (target at most 10%).

    python bench/eval_safety.py [--misses]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from knotwork.core.kb import load_kb
from knotwork.core.safety.evaluate import load_safety_cases, run_cases, summary

CASES = Path(__file__).resolve().parent.parent / "tests" / "safety" / "cases"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list every failing case")
    args = parser.parse_args()
    kb = load_kb()
    outcomes = run_cases(kb, load_safety_cases(sorted(CASES.glob("*.yaml"))))
    s = summary(outcomes)
    by_level: dict[str, int] = {}
    for o in outcomes:
        by_level[o.case.expect] = by_level.get(o.case.expect, 0) + 1
    print(
        f"{len(kb.safety.flags)} red flags; cases by expected level: "
        + ", ".join(f"{k} {v}" for k, v in sorted(by_level.items()))
    )
    print(
        f"red-flag recall: {s['recall']:.1%} of {s['red_flag_cases']} "
        f"(target 100%: {'met' if s['recall'] == 1 else 'NOT met'})"
    )
    print(
        f"benign flagged:  {s['benign_flagged']:.1%} of {s['benign_cases']} "
        f"(target <= 10%: {'met' if s['benign_flagged'] <= 0.10 else 'NOT met'})"
    )
    if args.misses:
        for o in outcomes:
            if not o.passed:
                print(
                    f"  {o.case.id}: expected {o.case.expect}, got {o.level} {o.raised}"
                    f"\n    {o.case.text}"
                )


if __name__ == "__main__":
    main()
