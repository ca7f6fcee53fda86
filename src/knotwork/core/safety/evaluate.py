"""Measure the red-flag screen on presentations with a known answer: recall on red-flag cases
(each must reach at least its expected urgency) and the share of benign cases flagged."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.safety.model import URGENCY_ORDER
from knotwork.core.safety.screen import screen


@dataclass(frozen=True, slots=True)
class SafetyCase:
    id: str
    text: str
    regions: tuple[str, ...]
    answers: dict[str, bool]
    expect: str
    flags: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class Outcome:
    case: SafetyCase
    level: str
    raised: tuple[str, ...]
    # Would the surfaces show self-treatment with everything asked answered "no"? A raised
    # flag must never allow it (a gate leak).
    self_treatment: bool = False

    @property
    def passed(self) -> bool:
        if self.case.expect == "none":
            return self.level == "none"
        return URGENCY_ORDER[self.level] >= URGENCY_ORDER[self.case.expect]


def load_safety_cases(paths: Iterable[Path]) -> list[SafetyCase]:
    import yaml

    cases = []
    for path in paths:
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            answers = {k: (v in (True, "yes")) for k, v in (item.get("answers") or {}).items()}
            cases.append(
                SafetyCase(
                    id=item["id"],
                    text=item.get("text") or "",
                    regions=tuple(item.get("regions") or ()),
                    answers=answers,
                    expect=item["expect"],
                    flags=tuple(item.get("flags") or ()),
                    source=item.get("source", ""),
                )
            )
    return cases


def run_cases(kb: KnowledgeBase, cases: Sequence[SafetyCase]) -> list[Outcome]:
    outcomes = []
    for case in cases:
        result = screen(kb.safety, kb.atlas, case.regions, case.text, case.answers)
        answered = {f.id: False for f in result.unanswered()}
        full = screen(kb.safety, kb.atlas, case.regions, case.text, {**answered, **case.answers})
        outcomes.append(
            Outcome(
                case, result.level, tuple(r.flag.id for r in result.raised), full.self_treatment
            )
        )
    return outcomes


def summary(outcomes: Sequence[Outcome]) -> dict[str, float | int]:
    flagged = [o for o in outcomes if o.case.expect != "none"]
    benign = [o for o in outcomes if o.case.expect == "none"]
    return {
        "red_flag_cases": len(flagged),
        "recall": sum(o.passed for o in flagged) / max(len(flagged), 1),
        "benign_cases": len(benign),
        "benign_flagged": sum(not o.passed for o in benign) / max(len(benign), 1),
    }
