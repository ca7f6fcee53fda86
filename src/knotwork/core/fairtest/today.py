"""What to do today in a running test, and the daily PEG-3 prompt.

PEG-3 (Krebs et al. 2009) asks for average pain and how much pain got in the way of enjoying
life and of general activity, each 0-10; Knotwork asks it about today, once a day, in its own
words. The first days of each period are set aside for carry-over: the person does the
period's option on those days too, but their answers are not compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from knotwork.core.fairtest.plan import Arm, FairTest, Status
from knotwork.core.stats.schedule import Option

PEG_SOURCE = "krebs-2009"
PEG_CITED = "Krebs et al. 2009"


@dataclass(frozen=True, slots=True)
class Question:
    field: str  # the Peg field it fills: pain, enjoyment, activity
    text: str
    low: str  # what 0 means
    high: str  # what 10 means


PEG_QUESTIONS = (
    Question(
        "pain",
        "Today, what number best describes your pain on average?",
        "no pain",
        "pain as bad as you can imagine",
    ),
    Question(
        "enjoyment",
        "Today, how much did pain get in the way of enjoying life?",
        "not at all",
        "completely",
    ),
    Question(
        "activity",
        "Today, how much did pain get in the way of your general activity?",
        "not at all",
        "completely",
    ),
)


@dataclass(frozen=True, slots=True)
class Today:
    """The test on one day: its status and, while it runs, the option planned."""

    test: FairTest
    day: date
    status: Status
    option: Option | None = None
    block: int | None = None  # 1-based
    day_in_period: int | None = None  # 1-based
    set_aside: bool = False  # one of the first days of a period (carry-over)
    period_last: date | None = None
    logged: bool = False  # a PEG-3 answer was recorded today

    @property
    def arm(self) -> Arm | None:
        return self.test.arm(self.option) if self.option else None

    def message(self) -> str:
        t = self.test
        if self.status == "planned":
            days = (t.start - self.day).days
            return (
                f"The test starts on {t.start:%A %d %B} (in {days} day{'s' if days != 1 else ''}). "
                "Answering the three questions every day until then lets the analysis learn "
                "how much your pain moves from day to day."
            )
        if self.status == "stopped":
            return "The test has stopped. Its results so far are below."
        if self.status == "finished":
            return f"The test ended on {t.end - timedelta(days=1):%A %d %B}. See the results."
        arm = self.arm
        assert arm is not None and self.period_last is not None
        line = f"Today: {arm.name} (block {self.block} of {t.schedule.blocks}, "
        line += f"day {self.day_in_period} of {t.schedule.period_days}, "
        line += f"until {self.period_last:%A %d %B})."
        if self.set_aside:
            line += (
                " Today's answers are set aside for carry-over from the week before; "
                "keep to today's option all the same."
            )
        return line


def today(test: FairTest, day: date, red_flag: date | None = None, logged: bool = False) -> Today:
    status = test.status(day, red_flag)
    if status != "running":
        return Today(test, day, status, logged=logged)
    index = test.index(day)
    option = test.schedule.option_on(index)
    assert option is not None
    block, offset = divmod(index, 2 * test.schedule.period_days)
    in_period = offset % test.schedule.period_days
    return Today(
        test,
        day,
        status,
        option=option,
        block=block + 1,
        day_in_period=in_period + 1,
        set_aside=in_period < test.schedule.washout_days,
        period_last=day + timedelta(days=test.schedule.period_days - 1 - in_period),
        logged=logged,
    )
