"""A fair test: two options, a start day and a schedule drawn from a stored seed.

The schedule (the order of A and B in each block) is stored beside its seed and must be the
one the seed draws, so it can be shown in advance and checked afterwards (``core/stats``'s
``block_order``). A test may start today or up to four weeks ahead (a run-in: PEG-3 answers
before the start give the analysis the person's own day-to-day variation); never in the past,
because days already lived were not assigned at random.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from knotwork.core.diary import rules
from knotwork.core.diary.model import check_id
from knotwork.core.diary.vocab import TREATMENT_KINDS, TREATMENT_LABELS
from knotwork.core.diary.when import When
from knotwork.core.errors import InvalidInput
from knotwork.core.stats.schedule import MIN_BLOCKS, Option, Period, Schedule, block_order

NOTHING_NEW = "nothing-new"
ARM_KINDS: tuple[str, ...] = (*TREATMENT_KINDS, NOTHING_NEW)
ARM_KIND_LABELS = {**TREATMENT_LABELS, NOTHING_NEW: "Nothing new (carry on as usual)"}
Outcome = Literal["peg", "pain"]
OUTCOMES: tuple[Outcome, ...] = ("peg", "pain")
OUTCOME_LABELS: dict[str, str] = {
    "peg": "the PEG-3 score (the mean of its three answers)",
    "pain": "the PEG-3 pain answer",
}
MAX_NAME = 80
MAX_START_AHEAD = 28  # days: a run-in of up to four weeks
MAX_STOP_REASON = 500
Status = Literal["planned", "running", "finished", "stopped"]


@dataclass(frozen=True, slots=True)
class Arm:
    """One option: what the person does during its periods, in their own words, and what
    kind of treatment it is (so the diary's treatments can be matched to it)."""

    name: str
    kind: str | None = None  # a treatment kind, or "nothing-new"
    muscle: str | None = None  # a knowledge-base muscle id, when it targets one

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise InvalidInput("Each option needs a name, e.g. 'ball release daily'.")
        rules.text(self.name, "An option's name", MAX_NAME)
        if self.kind is not None:
            rules.choice(self.kind, ARM_KINDS, "An option's kind")


@dataclass(frozen=True, slots=True)
class FairTest:
    id: str
    created: When
    start: date
    a: Arm
    b: Arm
    schedule: Schedule
    first_blocks: int  # as planned; the schedule has two more once extended
    outcome: Outcome = "peg"
    stopped_on: date | None = None  # the person stopped it (a red flag stops it by itself)
    stop_reason: str = ""

    def __post_init__(self) -> None:
        check_id(self.id)
        rules.choice(self.outcome, OUTCOMES, "The outcome")
        if self.a.name.strip().casefold() == self.b.name.strip().casefold():
            raise InvalidInput("The two options must differ.")
        if not MIN_BLOCKS <= self.first_blocks <= self.schedule.blocks:
            raise InvalidInput(f"A fair test has at least {MIN_BLOCKS} blocks.")
        drawn = tuple(block_order(self.schedule.seed, b) for b in range(self.schedule.blocks))
        if drawn != self.schedule.orders:
            raise InvalidInput("The stored schedule is not the one its seed draws.")
        rules.text(self.stop_reason, "The reason for stopping", MAX_STOP_REASON)

    @property
    def extended(self) -> bool:
        return self.schedule.blocks > self.first_blocks

    @property
    def end(self) -> date:
        """The first day after the test."""
        return self.start + timedelta(days=self.schedule.total_days)

    def index(self, day: date) -> int:
        """Days from the start (0 on the first day, negative before it)."""
        return (day - self.start).days

    def on(self, day: int) -> date:
        return self.start + timedelta(days=day)

    def arm(self, option: Option) -> Arm:
        return self.a if option == "A" else self.b

    def dates(self, period: Period) -> tuple[date, date, date]:
        """A period's first day, first counted day (after the days set aside) and last day."""
        return self.on(period.first_day), self.on(period.washout_until), self.on(period.last_day)

    def status(self, today: date, red_flag: date | None = None) -> Status:
        if self.stop_day(red_flag) is not None:
            return "stopped"
        if today < self.start:
            return "planned"
        return "finished" if today >= self.end else "running"

    def stop_day(self, red_flag: date | None = None) -> date | None:
        """The day the test stopped (the person's stop or a red flag, whichever came first),
        if it stopped before its end."""
        days = [d for d in (self.stopped_on, red_flag) if d is not None and d < self.end]
        return min(days) if days else None


def check_start(start: date, today: date) -> date:
    if start < today:
        raise InvalidInput(
            "A fair test starts today or later: days already lived were not assigned at random."
        )
    if start > today + timedelta(days=MAX_START_AHEAD):
        raise InvalidInput(f"A fair test starts within {MAX_START_AHEAD} days.")
    return start
