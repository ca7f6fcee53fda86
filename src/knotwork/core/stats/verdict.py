"""Plain verdicts from the posterior, in a few bins, never before three complete blocks.

"Clearly" needs a 97.5% chance in one direction, so a test where the two options do the same
names either one clearly better in at most about 5% of cases (both directions counted; see
bench/fair_test.py). Firm wording waits for four blocks, as the method's sources advise; with
three, the most it says is "probably".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from knotwork.core.stats.posterior import Posterior
from knotwork.core.stats.schedule import MAX_BLOCKS, MIN_BLOCKS

Kind = Literal[
    "not-yet", "clearly-a", "probably-a", "no-clear-difference", "probably-b", "clearly-b"
]
CLEAR = 0.975
# After the two extra blocks offered at an unclear end, a second look must not add much to the
# 5%: a stricter bar keeps a null test's overall false claims near 5% (bench/fair_test.py).
CLEAR_AFTER_EXTENSION = 0.99
PROBABLE = 0.80
FIRM_FROM = 4  # complete blocks before "clearly"
MEANINGFUL = 1.0  # points: "better by at least 1 point"
EXTEND_BY = 2

LABELS: dict[Kind, str] = {
    "not-yet": "too early to say",
    "clearly-a": "clearly better",
    "probably-a": "probably better",
    "no-clear-difference": "no clear difference",
    "probably-b": "probably better",
    "clearly-b": "clearly better",
}


@dataclass(frozen=True)
class Verdict:
    kind: Kind
    complete_blocks: int
    planned_blocks: int
    mean_difference: float | None  # posterior location: points less pain with A
    p_a_better: float | None
    p_a_better_by_1: float | None
    p_b_better: float | None
    p_b_better_by_1: float | None
    interval_90: tuple[float, float] | None
    can_extend: bool

    @property
    def label(self) -> str:
        return LABELS[self.kind]


def _kind(posterior: Posterior, clear: float) -> Kind:
    p_a = posterior.prob_above(0.0)
    firm = posterior.blocks >= FIRM_FROM
    if p_a >= clear and firm:
        return "clearly-a"
    if 1.0 - p_a >= clear and firm:
        return "clearly-b"
    if p_a >= PROBABLE:
        return "probably-a"
    if 1.0 - p_a >= PROBABLE:
        return "probably-b"
    return "no-clear-difference"


def judge(posterior: Posterior | None, planned_blocks: int, extended: bool = False) -> Verdict:
    """The verdict for the complete blocks so far (a posterior over them, or None); a test
    extended after an unclear end is held to a stricter bar."""
    complete = posterior.blocks if posterior else 0
    if posterior is None or complete < MIN_BLOCKS:
        return Verdict(
            "not-yet", complete, planned_blocks, None, None, None, None, None, None, False
        )
    kind = _kind(posterior, CLEAR_AFTER_EXTENSION if extended else CLEAR)
    finished = complete >= planned_blocks
    return Verdict(
        kind=kind,
        complete_blocks=complete,
        planned_blocks=planned_blocks,
        mean_difference=posterior.location,
        p_a_better=posterior.prob_above(0.0),
        p_a_better_by_1=posterior.prob_above(MEANINGFUL),
        p_b_better=posterior.prob_below(0.0),
        p_b_better_by_1=posterior.prob_below(-MEANINGFUL),
        interval_90=posterior.interval(0.9),
        can_extend=finished
        and not kind.startswith("clearly")
        and not extended
        and planned_blocks + EXTEND_BY <= MAX_BLOCKS,
    )


def sentence(verdict: Verdict, a: str, b: str) -> str:
    """The verdict in one plain sentence, with the option names."""
    if verdict.kind == "not-yet":
        return (
            f"{verdict.complete_blocks} of {verdict.planned_blocks} blocks done: no verdict "
            f"before {MIN_BLOCKS} complete blocks."
        )
    better, worse = (a, b) if verdict.kind.endswith("-a") else (b, a)
    if verdict.kind.startswith("clearly"):
        return f"{better} clearly helped you more than {worse}."
    if verdict.kind.startswith("probably"):
        return f"{better} probably helped you more than {worse}, but it is not certain yet."
    return f"No clear difference between {a} and {b} so far; an ordinary outcome."
