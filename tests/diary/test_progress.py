"""Progress read from the two personas' diaries (real stores, frozen time): the figures are
worked out independently here from the raw records and compared."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from statistics import fmean

import pytest

from knotwork.adapters.store.store import Store
from knotwork.core.diary.progress import Change, Window, moving_average
from knotwork.core.diary.repository import Contents, DayPain
from knotwork.core.diary.service import Diary
from knotwork.core.diary.when import fixed_clock
from knotwork.core.kb.base import KnowledgeBase
from tests import personas
from tests.stores import new_person


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    from knotwork.core.kb import load_kb

    return load_kb()


def load(store: Store, kb: KnowledgeBase, contents: Contents, now: object, zone: str) -> Diary:
    diary = Diary(store.repository(new_person(store)), kb, fixed_clock(now), zone)  # type: ignore[arg-type]
    diary.restore(contents)
    return diary


def daily_means(contents: Contents) -> dict[date, float]:
    days: dict[date, list[int]] = defaultdict(list)
    for e in contents.entries:
        days[e.when.day].append(e.pain)
    return {d: fmean(v) for d, v in days.items()}


def test_alices_year_shows_a_meaningful_improvement(shared_store: Store, kb: KnowledgeBase) -> None:
    contents = personas.alice()
    diary = load(shared_store, kb, contents, personas.ALICE_NOW, personas.ALICE_ZONE)
    p = diary.progress(None)
    means = daily_means(contents)
    assert (p.since, p.until) == (date(2026, 1, 1), date(2026, 12, 31))
    assert p.entries == len(contents.entries) == 730
    assert not p.per_entry and len(p.points) == 365  # a year is drawn as daily means
    first = [means[date(2026, 1, 1) + timedelta(days=i)] for i in range(7)]
    last = [means[date(2026, 12, 25) + timedelta(days=i)] for i in range(7)]
    assert p.change == Change(
        Window(date(2026, 1, 1), date(2026, 1, 7)),
        Window(date(2026, 12, 25), date(2026, 12, 31)),
        round(fmean(first), 2),
        round(fmean(last), 2),
    )
    assert p.change is not None and p.change.meaningful and p.change.direction == "better"
    assert "a meaningful improvement" in p.change.sentence()
    assert set(p.start_regions) >= {"back-of-neck-right", "top-of-shoulder-right"}
    assert p.now_regions["back-of-neck-right"] < p.start_regions["back-of-neck-right"]
    assert len(p.impressions) == 43 and p.impressions[-1].label == "much improved"


def test_alices_last_twelve_weeks_list_each_entry(shared_store: Store, kb: KnowledgeBase) -> None:
    contents = personas.alice()
    diary = load(shared_store, kb, contents, personas.ALICE_NOW, personas.ALICE_ZONE)
    p = diary.progress(84)
    assert p.per_entry and len(p.points) == 168
    assert p.points[0].at.date() == date(2026, 10, 9)
    expected = {e.when.utc for e in contents.entries if e.when.day >= date(2026, 10, 9)}
    assert len(expected) == 168
    treated = [t for t in contents.treatments if t.when.day >= date(2026, 10, 9)]
    assert [m.id for m in p.treatments] == [t.id for t in treated]  # oldest first
    assert {(m.kind, m.name) for m in p.treatments} == {("self-treatment", "upper-trapezius")}


def test_ravis_knee_recovery(shared_store: Store, kb: KnowledgeBase) -> None:
    contents = personas.ravi()
    diary = load(shared_store, kb, contents, personas.RAVI_NOW, personas.RAVI_ZONE)
    p = diary.progress(90)
    assert p.until == date(2026, 11, 23) and p.entries == 252
    assert p.change is not None and p.change.direction == "better" and p.change.meaningful
    assert p.change.baseline > 6 and p.change.current < 3.5
    kinds = {(t.kind, t.name) for t in p.treatments}
    assert kinds == {
        ("exercise", "vastus-medialis"),
        ("professional", "physiotherapy"),
        ("medication", "ibuprofen"),
        ("cold", "front-of-knee-right"),
    }
    assert p.start_regions["front-of-knee-right"] > p.now_regions["front-of-knee-right"]


def test_the_moving_average_weighs_days_not_entries() -> None:
    days = [DayPain(date(2026, 1, 1), 4, 40), DayPain(date(2026, 1, 3), 1, 2)]
    averages = moving_average(days, date(2026, 1, 1), date(2026, 1, 9))
    values = [a.value for a in averages]
    assert values[:3] == [10.0, 10.0, 6.0]  # (10 + 2) / 2, not (40 + 2) / 5
    assert values[3:] == [6.0, 6.0, 6.0, 6.0, 2.0, 2.0]  # Jan 1 leaves the window on Jan 8


@pytest.mark.parametrize(
    ("baseline", "current", "meaningful", "direction"),
    [
        (6.0, 4.0, True, "better"),  # 2 points
        (6.0, 4.3, False, "better"),  # 1.7 points, 28 %
        (3.0, 2.1, True, "better"),  # 0.9 points but 30 %
        (4.0, 6.0, True, "worse"),
        (5.0, 5.0, False, "same"),
        (0.0, 1.0, False, "worse"),
    ],
)
def test_a_meaningful_change_is_2_points_or_30_percent(
    baseline: float, current: float, meaningful: bool, direction: str
) -> None:
    w = Window(date(2026, 1, 1), date(2026, 1, 7))
    change = Change(w, w, baseline, current)
    assert (change.meaningful, change.direction) == (meaningful, direction)


def test_an_empty_diary_has_no_change(shared_store: Store, kb: KnowledgeBase) -> None:
    diary = load(shared_store, kb, Contents(), personas.ALICE_NOW, "UTC")
    p = diary.progress(30)
    assert p.empty and p.change is None and p.points == () and len(p.averages) == 30
