"""Red-flag screen accuracy.

Without ``--blind``: the presentations in tests/safety/cases: recall on red-flag cases (each
must reach at least its expected urgency; target 100%) and the share of benign muscle-pain
cases flagged (target at most 10%).

With ``--blind dev|test``: one half of the blind set in tests/safety/blind (see its README:
tune on ``dev`` only; report ``test`` only as these aggregate figures). Prints recall per
framework item and per level, overall recall, emergencies under-triaged, false alarms and gate
leaks (a case with a red flag raised that still allows self-treatment), with the issue's
targets. ``--misses`` lists the failing cases, and is refused for the test half.

    python bench/eval_safety.py [--misses]
    python bench/eval_safety.py --blind dev [--misses]
    python bench/eval_safety.py --blind test
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import yaml

from knotwork.core.kb import load_kb
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.safety.evaluate import (
    Outcome,
    load_safety_cases,
    run_cases,
    summary,
)
from knotwork.core.safety.model import URGENCY_ORDER

TESTS = Path(__file__).resolve().parent.parent / "tests" / "safety"
CASES = TESTS / "cases"
BLIND = TESTS / "blind"
LEVELS = ("emergency", "urgent", "soon")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list every failing case")
    parser.add_argument("--blind", choices=("dev", "test"), help="one half of the blind set")
    args = parser.parse_args()
    kb = load_kb()
    if args.blind:
        if args.misses and args.blind == "test":
            sys.exit("the test half is reported as aggregate figures only (README rule 2)")
        blind(kb, args.blind, args.misses)
    else:
        cases(kb, args.misses)


def cases(kb: KnowledgeBase, misses: bool) -> None:
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
    if misses:
        _misses(outcomes)


def blind(kb: KnowledgeBase, half: str, misses: bool) -> None:
    items = {i["id"]: i for i in yaml.safe_load((BLIND / "items.yaml").read_text())["items"]}
    data = yaml.safe_load((BLIND / f"{half}.yaml").read_text())["cases"]
    item_of = {c["id"]: c["item"] for c in data}
    outcomes = run_cases(kb, load_safety_cases([BLIND / f"{half}.yaml"]))
    flagged = [o for o in outcomes if o.case.expect != "none"]
    benign = [o for o in outcomes if o.case.expect == "none"]
    print(f"blind set, {half} half: {len(flagged)} red-flag cases, {len(benign)} benign")
    print(f"{'item':32} {'level':9} caught")
    for item_id, item in items.items():
        mine = [o for o in flagged if item_of[o.case.id] == item_id]
        print(f"{item_id:32} {item['level']:9} {_ratio(mine)}")
    print("per level (of the case's expected level):")
    for level in LEVELS:
        print(f"  {level:9} {_ratio([o for o in flagged if o.case.expect == level])}")
    caught = sum(o.passed for o in flagged)
    overall = caught / max(len(flagged), 1)
    under = [o for o in flagged if o.case.expect == "emergency" and o.level != "emergency"]
    false = [o for o in benign if not o.passed]
    leaks = [o for o in outcomes if o.raised and o.self_treatment]
    high = [o for o in flagged if o.case.expect in ("emergency", "urgent")]
    print(
        f"recall overall: {overall:.1%} ({caught}/{len(flagged)}; target >= 95%: "
        f"{_met(overall >= 0.95)})"
    )
    print(
        f"recall emergency+urgent: {_ratio(high)} (target 100%: "
        f"{_met(all(o.passed for o in high))})"
    )
    print(f"emergencies under-triaged: {len(under)} (target 0: {_met(not under)})")
    share = len(false) / max(len(benign), 1)
    print(
        f"false alarms: {share:.1%} ({len(false)}/{len(benign)}; target <= 5%: "
        f"{_met(share <= 0.05)})"
    )
    print(f"gate leaks: {len(leaks)} (target 0: {_met(not leaks)})")
    if misses:
        _misses(outcomes)


def _ratio(outcomes: Sequence[Outcome]) -> str:
    if not outcomes:
        return "-"
    n = sum(o.passed for o in outcomes)
    return f"{n}/{len(outcomes)} ({n / len(outcomes):.0%})"


def _met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def _misses(outcomes: Sequence[Outcome]) -> None:
    for o in outcomes:
        if not o.passed:
            below = URGENCY_ORDER[o.level] < URGENCY_ORDER[o.case.expect]
            print(
                f"  {o.case.id}: expected {o.case.expect}, got {o.level} "
                f"{'(under)' if below else ''} {o.raised}\n    {o.case.text}"
            )


if __name__ == "__main__":
    main()
