"""A test's result from the diary: daily PEG-3 values, period means, block differences, the
posterior and a verdict (the statistics are ``core/stats``'s; this module chooses the data).

- The daily value is the mean of that day's PEG-3 answers (the score, or its pain item, as
  planned); entries without PEG-3 do not count: the outcome stays one measure throughout.
- Only blocks that are over count towards the verdict, and only days before today (a day is
  over when it has passed), so a verdict never changes during a day or mid-block.
- The noise prior comes from the 28 days before the start when at least 14 have PEG-3
  answers (``stats.posterior.prior_from_baseline``); otherwise a typical diary's.
- A red flag recorded in the diary (a saved finder result whose screen said to see someone)
  stops the test: days from then on are not used.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from knotwork.core.diary.model import Entry
from knotwork.core.diary.records import Finding
from knotwork.core.diary.treatment import Treatment
from knotwork.core.fairtest.plan import FairTest, Status
from knotwork.core.stats.periods import (
    BlockResult,
    blocks_of,
    days_needed,
    differences,
    period_mean,
)
from knotwork.core.stats.posterior import default_prior, prior_from_baseline, update
from knotwork.core.stats.schedule import MAX_BLOCKS, Option
from knotwork.core.stats.verdict import EXTEND_BY, Verdict, judge, sentence

BASELINE_DAYS = 28
RED_FLAG_LEVELS = ("soon", "urgent", "emergency")  # the screen said to see someone


@dataclass(frozen=True, slots=True)
class Stop:
    day: date
    by: str  # "red-flag" or "person"
    reason: str


@dataclass(frozen=True, slots=True)
class PeriodRow:
    block: int  # 1-based
    option: Option
    first: date
    counted_from: date
    last: date
    days_recorded: int  # counted days with an answer
    days_needed: int
    mean: float | None  # the counted days' mean, once enough are recorded
    state: str  # "over", "now" or "to come"


@dataclass(frozen=True, slots=True)
class BlockRow:
    block: int  # 1-based
    a: float | None
    b: float | None
    difference: float | None  # B minus A: positive means less pain with A
    counted: bool  # over, and both periods had enough days


@dataclass(frozen=True, slots=True)
class Result:
    test: FairTest
    today: date
    status: Status
    periods: tuple[PeriodRow, ...]
    blocks: tuple[BlockRow, ...]
    verdict: Verdict
    prior_basis: str
    stop: Stop | None
    can_extend: bool
    extend_by: date | None  # the last day an extension can be added
    treatments: dict[str, dict[str, int]]  # option -> treatment kind -> count (co-treatments)

    @property
    def sentence(self) -> str:
        return sentence(self.verdict, self.test.a.name, self.test.b.name)


def daily_values(test: FairTest, entries: Iterable[Entry]) -> dict[int, float]:
    """Day (counted from the start) -> the mean of that day's PEG-3 values."""
    by_day: dict[int, list[float]] = {}
    for e in entries:
        if e.peg is None:
            continue
        value = e.peg.score if test.outcome == "peg" else float(e.peg.pain)
        by_day.setdefault(test.index(e.when.day), []).append(value)
    return {d: fmean(v) for d, v in by_day.items()}


def red_flag_day(test: FairTest, findings: Iterable[Finding]) -> date | None:
    """The first day from the start on which a red flag was recorded."""
    days = [f.when.day for f in findings if f.level in RED_FLAG_LEVELS and f.when.day >= test.start]
    return min(days) if days else None


def stop_of(test: FairTest, red_flag: date | None) -> Stop | None:
    day = test.stop_day(red_flag)
    if day is None:
        return None
    if red_flag is not None and day == red_flag:
        return Stop(
            day,
            "red-flag",
            f"A warning sign was recorded in the diary on {day:%d %B %Y}: the test stopped. "
            "See a clinician before starting another.",
        )
    return Stop(day, "person", test.stop_reason or "You stopped the test.")


def analyse(
    test: FairTest,
    entries: Sequence[Entry],
    findings: Sequence[Finding],
    today: date,
    treatments: Sequence[Treatment] = (),
) -> Result:
    """``entries`` from 28 days before the start; ``findings`` and ``treatments`` from the
    start (others are ignored)."""
    red_flag = red_flag_day(test, findings)
    stop = stop_of(test, red_flag)
    schedule = test.schedule
    daily = daily_values(test, entries)
    closed = min(test.index(today), schedule.total_days)
    if stop is not None:
        closed = min(closed, test.index(stop.day))
    closed = max(closed, 0)
    over_blocks = closed // (2 * schedule.period_days)
    used = {d: v for d, v in daily.items() if 0 <= d < closed}
    baseline = {d: v for d, v in daily.items() if -BASELINE_DAYS <= d < 0}
    prior = prior_from_baseline(baseline, schedule) or default_prior(schedule)
    counted = blocks_of(schedule, used)[:over_blocks]
    status = test.status(today, red_flag)
    verdict = judge(update(prior, differences(counted)), schedule.blocks, test.extended)
    can_extend, extend_by = _extension(test, status, verdict, today)
    return Result(
        test=test,
        today=today,
        status=status,
        periods=_periods(test, daily, closed, today, stop is not None),
        blocks=_blocks(
            blocks_of(schedule, {d: v for d, v in daily.items() if d < closed}), over_blocks
        ),
        verdict=verdict,
        prior_basis=prior.basis,
        stop=stop,
        can_extend=can_extend,
        extend_by=extend_by,
        treatments=_treatments_by_option(test, treatments, closed),
    )


def _extension(
    test: FairTest, status: Status, verdict: Verdict, today: date
) -> tuple[bool, date | None]:
    """Two more blocks can be added to a finished test without a clear answer, once, until
    the days set aside at the start of the next period have passed (the extension's first
    period starts the day after the end, so those days absorb a short delay in deciding)."""
    unclear = not verdict.kind.startswith("clearly")
    room = test.schedule.blocks + EXTEND_BY <= MAX_BLOCKS
    if status != "finished" or test.extended or not unclear or not room:
        return False, None
    last = test.end + timedelta(days=test.schedule.washout_days - 1)
    return today <= last, last


def _periods(
    test: FairTest, daily: dict[int, float], closed: int, today: date, stopped: bool
) -> tuple[PeriodRow, ...]:
    """Every period's mean so far, and its state: over, now, to come, or stopped (a period
    not over when the test stopped)."""

    needed = days_needed(test.schedule)
    visible = {d: v for d, v in daily.items() if d < closed or test.on(d) == today}
    rows = []
    for p in test.schedule.periods():
        first, counted_from, last = test.dates(p)
        m = period_mean(p, visible, needed)
        state = (
            "over"
            if p.last_day < closed
            else "stopped"
            if stopped
            else ("now" if p.first_day <= test.index(today) else "to come")
        )
        rows.append(
            PeriodRow(
                p.block + 1, p.option, first, counted_from, last, m.days_used, needed, m.mean, state
            )
        )
    return tuple(rows)


def _blocks(results: tuple[BlockResult, ...], over: int) -> tuple[BlockRow, ...]:
    return tuple(
        BlockRow(
            r.block + 1,
            r.a.mean,
            r.b.mean,
            r.difference,
            r.block < over and r.difference is not None,
        )
        for r in results
    )


def _treatments_by_option(
    test: FairTest, treatments: Sequence[Treatment], closed: int
) -> dict[str, dict[str, int]]:
    """Other treatments logged during each option's periods, by kind: a fair test assumes
    they stayed about the same, and this shows whether they did."""
    counts: dict[str, Counter[str]] = {"A": Counter(), "B": Counter()}
    for t in treatments:
        day = test.index(t.when.day)
        option = test.schedule.option_on(day) if 0 <= day < closed else None
        if option is not None:
            counts[option][t.kind] += 1
    return {k: dict(sorted(v.items())) for k, v in counts.items()}
