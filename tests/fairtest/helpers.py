"""Building blocks for the fair-test tests: a test planned with a fixed seed, and diary
entries made from daily values (PEG-3 answers all equal to the day's value)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta

from knotwork.core.diary.model import Entry, Peg
from knotwork.core.diary.records import Finding, Mark
from knotwork.core.diary.treatment import Treatment
from knotwork.core.diary.when import When
from knotwork.core.fairtest.plan import Arm, FairTest
from knotwork.core.stats.schedule import make_schedule

START = date(2027, 1, 4)  # a Monday
ZONE = "Europe/London"
_ids = itertools.count(1)


def new_id() -> str:
    return f"{next(_ids):032x}"


def at(day: date, hour: int = 20) -> When:
    return When(datetime.combine(day, time(hour), tzinfo=UTC), ZONE)


def planned(blocks: int = 4, seed: int = 11, start: date = START, **kw: object) -> FairTest:
    return FairTest(
        new_id(),
        at(start - timedelta(days=1)),
        start,
        Arm("ball release daily", "self-treatment", "upper-trapezius"),
        Arm("stretching daily", "stretching"),
        make_schedule(blocks, seed),
        first_blocks=blocks,
        **kw,  # type: ignore[arg-type]
    )


def peg_entry(day: date, value: int, hour: int = 20) -> Entry:
    return Entry(new_id(), at(day, hour), value, peg=Peg(value, value, value))


def entries(test: FairTest, values: Mapping[int, float]) -> list[Entry]:
    """One PEG-3 entry per day (counted from the test's start), the value rounded and kept
    within 0-10."""
    return [peg_entry(test.on(day), max(0, min(10, round(v)))) for day, v in sorted(values.items())]


def by_option(test: FairTest, a: float, b: float, days: Iterable[int]) -> dict[int, float]:
    return {d: a if test.schedule.option_on(d) == "A" else b for d in days}


def red_flag(day: date, level: str = "urgent") -> Finding:
    return Finding(new_id(), at(day, 12), (Mark("low-back-left", 8),), level=level)


def heat(day: date) -> Treatment:
    return Treatment(new_id(), at(day, 9), "heat", region="low-back-left")
