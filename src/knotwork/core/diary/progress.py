"""Progress: pain over time, its 7-day average, pain by region then and now, and whether the
change since the start is large enough to matter.

A change counts as meaningful at 2 points or 30 % of the starting level on the 0-10 scale:
the thresholds that matched people's own sense of "much improved" (Farrar et al. 2001) and that
IMMPACT recommends for chronic pain trials (Dworkin et al. 2008). They were set for
improvement; Knotwork applies the same size to a worsening. A change says nothing about its
cause: pain drifts on its own and comes back towards its usual level after a flare.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from statistics import fmean
from typing import Literal
from zoneinfo import ZoneInfo

from knotwork.core.diary.records import Impression
from knotwork.core.diary.repository import DayPain, DiaryRepository, RegionSum, TreatmentMark
from knotwork.core.diary.when import zone_info

MEANINGFUL_POINTS = 2.0
MEANINGFUL_SHARE = 0.30
WINDOW_DAYS = 7  # the start and now windows, and the moving average
NOON = time(12)
PER_ENTRY_DAYS = 92  # longer periods are drawn as daily means, not every entry
MAX_TREATMENTS = 1000
CAVEAT = (
    "A change in the diary shows how pain went, not why: pain also drifts and settles "
    "back after a flare on its own."
)

Direction = Literal["better", "worse", "same"]


@dataclass(frozen=True, slots=True)
class Window:
    first: date
    last: date

    def __str__(self) -> str:
        return f"{self.first.isoformat()} to {self.last.isoformat()}"


@dataclass(frozen=True, slots=True)
class Change:
    """Average pain in the first week with entries against the last (means of daily means)."""

    start: Window
    now: Window
    baseline: float
    current: float

    @property
    def points(self) -> float:
        return round(self.current - self.baseline, 1)

    @property
    def percent(self) -> float | None:
        if self.baseline == 0:
            return None
        return round(100 * (self.current - self.baseline) / self.baseline)

    @property
    def meaningful(self) -> bool:
        size = abs(self.current - self.baseline)
        share = size / self.baseline if self.baseline else 0.0
        return size >= MEANINGFUL_POINTS - 1e-9 or share >= MEANINGFUL_SHARE - 1e-9

    @property
    def direction(self) -> Direction:
        if self.points < 0:
            return "better"
        return "worse" if self.points > 0 else "same"

    def sentence(self) -> str:
        start = f"{self.baseline:.1f}"
        now = f"{self.current:.1f}"
        if self.direction == "same":
            return f"Average pain is the same as at the start ({start} out of 10)."
        share = f", {abs(self.percent)} %" if self.percent is not None else ""
        amount = f"{abs(self.points):.1f} points{share}"
        way = "lower" if self.direction == "better" else "higher"
        verdict = (
            f"a meaningful {'improvement' if self.direction == 'better' else 'worsening'}"
            if self.meaningful
            else "smaller than a change that matters (2 points or 30 %)"
        )
        return f"Average pain went from {start} to {now}, {amount} {way}: {verdict}."


@dataclass(frozen=True, slots=True)
class Point:
    at: datetime  # naive local time (each entry), or local noon (a daily mean)
    pain: float


@dataclass(frozen=True, slots=True)
class Average:
    day: date
    value: float | None  # None: no entry in the 7 days ending here


@dataclass(frozen=True, slots=True)
class Progress:
    since: date
    until: date
    per_entry: bool  # points are single entries (else daily means)
    points: tuple[Point, ...]
    averages: tuple[Average, ...]
    treatments: tuple[TreatmentMark, ...]
    impressions: tuple[Impression, ...]
    start: Window | None
    now: Window | None
    start_regions: dict[str, float]
    now_regions: dict[str, float]
    change: Change | None
    entries: int

    @property
    def empty(self) -> bool:
        return self.entries == 0


def moving_average(days: Sequence[DayPain], since: date, until: date) -> list[Average]:
    """For each day, the mean of the daily means of the 7 days ending that day (days
    without entries are left out; every day weighs the same, however many entries)."""
    means = {d.day: d.mean for d in days}
    out = []
    total, count = 0.0, 0
    day = since - timedelta(days=WINDOW_DAYS - 1)
    while day <= until:  # a sliding window: add the day coming in, drop the one leaving
        if day in means:
            total, count = total + means[day], count + 1
        leaving = day - timedelta(days=WINDOW_DAYS)
        if leaving in means:
            total, count = total - means[leaving], count - 1
        if day >= since:
            out.append(Average(day, round(total / count, 2) if count else None))
        day += timedelta(days=1)
    return out


def window_mean(days: Sequence[DayPain], window: Window) -> float:
    inside = [d.mean for d in days if window.first <= d.day <= window.last]
    return round(fmean(inside), 2)


def region_means(sums: Sequence[RegionSum]) -> dict[str, float]:
    return {s.region: round(s.mean, 1) for s in sums if s.count}


def windows(days: Sequence[DayPain]) -> tuple[Window, Window] | None:
    """The first and the last 7 days with entries, if they do not overlap (two weeks)."""
    if not days:
        return None
    first, last = days[0].day, days[-1].day
    if (last - first).days < 2 * WINDOW_DAYS - 1:
        return None
    span = timedelta(days=WINDOW_DAYS - 1)
    return Window(first, first + span), Window(last - span, last)


def progress(repo: DiaryRepository, today: date, days: int | None) -> Progress:
    """The person's progress over the ``days`` up to ``today`` (all of it when None)."""
    since, until = today - timedelta(days=(days or 1) - 1), today
    if days is None:  # the whole diary (its last entry may be "after today" in another zone)
        span = repo.span()
        if span:
            since, until = span[0], max(today, span[1])
    daily = repo.day_pain(since - timedelta(days=WINDOW_DAYS - 1), until)
    inside = [d for d in daily if d.day >= since]
    per_entry = (until - since).days < PER_ENTRY_DAYS
    pair = windows(inside)
    start_regions: dict[str, float] = {}
    now_regions: dict[str, float] = {}
    change = None
    if pair:
        start, now = pair
        start_regions = region_means(repo.region_sums(start.first, start.last))
        now_regions = region_means(repo.region_sums(now.first, now.last))
        change = Change(start, now, window_mean(inside, start), window_mean(inside, now))
    return Progress(
        since=since,
        until=until,
        per_entry=per_entry,
        points=tuple(_points(repo, inside, since, until, per_entry)),
        averages=tuple(moving_average(daily, since, until)),
        treatments=tuple(repo.treatment_marks(since, until, MAX_TREATMENTS)),
        impressions=tuple(reversed(repo.impressions(since, until))),
        start=pair[0] if pair else None,
        now=pair[1] if pair else None,
        start_regions=start_regions,
        now_regions=now_regions,
        change=change,
        entries=sum(d.count for d in inside),
    )


def _points(
    repo: DiaryRepository, inside: Sequence[DayPain], since: date, until: date, per_entry: bool
) -> list[Point]:
    if per_entry:
        zones: dict[str, ZoneInfo] = {}
        return [
            Point(
                p.utc.astimezone(
                    zones.get(p.zone) or zones.setdefault(p.zone, zone_info(p.zone))
                ).replace(tzinfo=None),
                p.pain,
            )
            for p in repo.pain_points(since, until)
        ]
    return [
        Point(datetime(d.day.year, d.day.month, d.day.day, 12), round(d.mean, 2)) for d in inside
    ]
