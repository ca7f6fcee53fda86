"""The overtreatment guard against persona diaries, at a frozen "now": each refusal states
its cap and why, from the knowledge base's doses."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from datetime import date, datetime, timedelta

from knotwork.core.diary.repository import DayPain
from knotwork.core.diary.treatment import Dose, Treatment
from knotwork.core.diary.when import When, fixed_clock
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.release import guard
from knotwork.core.release.plan import Choice, build_steps
from knotwork.core.release.soreness import light, soreness_word
from knotwork.core.safety.cautions import Personal
from tests.personas import ALICE_NOW, ALICE_ZONE, alice

NOW = fixed_clock(ALICE_NOW)
TODAY = When.of(NOW(), ALICE_ZONE).day


def traps_steps(kb: KnowledgeBase, **choice: object) -> list:  # type: ignore[type-arg]
    steps, _ = build_steps(kb, [kb.muscle("upper-trapezius")], Personal(), Choice(**choice))  # type: ignore[arg-type]
    return steps


def session(at: datetime, soreness: str | None = None) -> Treatment:
    return Treatment(
        f"{abs(hash((at, soreness))):032x}"[:32],
        When.of(at, ALICE_ZONE),
        "self-treatment",
        muscle="upper-trapezius",
        technique="pinch-grip-squeeze",
        side="right",
        dose=Dose(seconds=30, repetitions=2, pressure=5),
        soreness=soreness,
    )


def today_at(hour: int, minute: int = 0) -> datetime:
    return datetime(TODAY.year, TODAY.month, TODAY.day, hour, minute)


def test_alices_evening_releases_stay_inside_the_daily_cap(kb: KnowledgeBase) -> None:
    treatments = list(alice().treatments)
    done = guard.sessions_today(treatments, "upper-trapezius", TODAY)
    assert done <= 1
    assert guard.check_day(traps_steps(kb), treatments, TODAY) == []


def test_a_fourth_session_today_is_refused_with_the_cap(kb: KnowledgeBase) -> None:
    treatments = [*alice().treatments]
    treatments = [t for t in treatments if t.when.day != TODAY]
    treatments += [session(today_at(h)) for h in (8, 12, 16)]
    refused = guard.check_day(traps_steps(kb), treatments, TODAY)
    assert len(refused) == 1
    r = refused[0]
    assert r.code == "per-day" and r.muscle == "upper-trapezius"
    assert "At most 3 sessions a day" in r.cap and "your diary has 3 today" in r.cap
    assert "1-3 times a day" in r.why


def test_holds_minutes_apart_are_one_session(kb: KnowledgeBase) -> None:
    treatments = [session(today_at(8, m)) for m in (0, 5, 10, 20, 40)] + [session(today_at(9, 30))]
    # 08:00-08:40 gaps are under 30 minutes (one session); 09:30 is 50 minutes on: two.
    assert guard.sessions_today(treatments, "upper-trapezius", TODAY) == 2
    assert guard.check_day(traps_steps(kb), treatments, TODAY) == []


def test_per_point_and_hold_caps(kb: KnowledgeBase) -> None:
    assert guard.check_steps(traps_steps(kb)) == []
    too_many = guard.check_steps(traps_steps(kb, repetitions=4))
    assert {r.code for r in too_many} == {"per-point"}
    assert "At most 3 holds on each point" in too_many[0].cap
    too_long = guard.check_steps(traps_steps(kb, hold_seconds=120))
    assert "hold-length" in {r.code for r in too_long}
    assert any("at most 90 seconds" in r.cap for r in too_long)


def test_a_session_is_at_most_fifteen_minutes(kb: KnowledgeBase) -> None:
    names = ["upper-trapezius", "levator-scapulae", "infraspinatus", "gluteus-medius"]
    steps, _ = build_steps(
        kb, [kb.muscle(n) for n in names], Personal(), Choice(repetitions=3, hold_seconds=90)
    )
    steps = [s for s in steps if s.hold_range and s.hold_range.max >= 90]
    refused = [r for r in guard.check_steps(steps) if r.code == "session-length"]
    assert refused and "at most 15 min of pressure" in refused[0].cap
    assert refused[0].muscle is None


def test_a_red_morning_rests_the_muscle_two_days(kb: KnowledgeBase) -> None:
    yesterday = today_at(20) - timedelta(days=1)
    treatments = [session(yesterday, soreness_word(7))]
    assert light("severe") == "red"
    refused = guard.check_soreness(kb, traps_steps(kb), treatments, TODAY)
    assert [r.code for r in refused] == ["rest"]
    assert "Rest the upper trapezius for two days" in refused[0].cap
    later = guard.check_soreness(kb, traps_steps(kb), treatments, TODAY + timedelta(days=2))
    assert later == []
    yellow = [session(yesterday, soreness_word(4))]
    assert guard.check_soreness(kb, traps_steps(kb), yellow, TODAY) == []


def test_red_twice_in_two_weeks_is_the_no_improvement_advice(kb: KnowledgeBase) -> None:
    treatments = [session(today_at(20) - timedelta(days=d), "severe") for d in (3, 9)]
    refused = guard.check_soreness(kb, traps_steps(kb), treatments, TODAY)
    assert [r.code for r in refused] == ["no-improvement"]
    assert refused[0].why == kb.safety.flags["no-improvement"].instruction


def daily(contents_entries: list) -> list[DayPain]:  # type: ignore[type-arg]
    sums: dict[date, list[int]] = defaultdict(list)
    for e in contents_entries:
        sums[e.when.day].append(e.pain)
    return [DayPain(d, len(v), sum(v)) for d, v in sorted(sums.items())]


def test_alices_improving_year_is_not_worsening(kb: KnowledgeBase) -> None:
    assert guard.check_trend(kb, daily(list(alice().entries)), TODAY) == []


def test_pain_worse_over_weeks_is_the_no_improvement_advice(kb: KnowledgeBase) -> None:
    """Alice's December, turned around: the last week 2 points above three weeks before."""
    entries = list(alice().entries)
    worse = [
        dataclasses.replace(e, pain=min(10, e.pain + 3)) if (TODAY - e.when.day).days < 7 else e
        for e in entries
    ]
    refused = guard.check_trend(kb, daily(worse), TODAY)
    assert [r.code for r in refused] == ["no-improvement"] and refused[0].muscle is None
    assert "worse than three weeks ago" in refused[0].cap
    assert refused[0].why == kb.safety.flags["no-improvement"].instruction
