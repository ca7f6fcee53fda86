"""Sessions and routines on a real store (SQLite and PostgreSQL): a session and its holds
are saved together as diary treatment events, the guard reads the diary, and every
statement names the person."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from knotwork.adapters.store.store import Store
from knotwork.core.diary.when import fixed_clock
from knotwork.core.errors import InvalidInput
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.release.record import Hold
from knotwork.core.release.service import Ask, Release
from tests.release.helpers import all_no
from tests.store.test_person_filter import problems
from tests.stores import new_person

MORNING = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
TRAPS = ("upper-trapezius",)


def release(store: Store, kb: KnowledgeBase, person: int, at: datetime = MORNING) -> Release:
    return Release(store.sessions(person), kb, fixed_clock(at), "Europe/London")


def ask(kb: KnowledgeBase, **more: Any) -> Ask:
    return Ask(TRAPS, answers=all_no(kb, TRAPS), **more)


def holds_of(r: Release, kb: KnowledgeBase) -> list[Hold]:
    plan = r.plan(ask(kb))
    return [
        Hold(s.muscle, s.point, s.side, s.technique, s.hold_seconds, s.strokes, s.repetitions, 5)
        for s in plan.steps
    ]


def test_a_session_is_saved_with_its_holds_as_treatment_events(
    store: Store, kb: KnowledgeBase
) -> None:
    person = new_person(store)
    r = release(store, kb, person)
    plan = r.plan(ask(kb))
    assert plan.ready and len(plan.steps) == 4
    s = r.record(plan, holds_of(r, kb), pain_before=6, pain_after=3, rom_before=5, rom_after=7)
    repo = store.sessions(person)
    assert repo.get_session(s.id) == s
    events = repo.treatments()
    assert {t.id for t in events} == set(s.treatments)
    one = next(t for t in events if t.side == "left" and "point 1" in t.notes)
    assert one.kind == "self-treatment" and one.muscle == "upper-trapezius"
    assert one.technique == "pinch-grip-squeeze" and one.tool == "pinch-grip"
    assert one.dose.seconds == 30 and one.dose.repetitions == 2 and one.dose.pressure == 5
    assert repo.sessions() == [s]


def test_nothing_is_half_saved(store: Store, kb: KnowledgeBase) -> None:
    person = new_person(store)
    same = itertools.chain(["a" * 32], itertools.repeat("b" * 32))  # two holds, one id
    r = Release(
        store.sessions(person), kb, fixed_clock(MORNING), "Europe/London", lambda: next(same)
    )
    with pytest.raises(InvalidInput):
        r.record(r.plan(ask(kb)), holds_of(r, kb))
    repo = store.sessions(person)
    assert repo.treatments() == [] and repo.sessions() == []


def test_the_guard_reads_the_diary_per_muscle_per_day(store: Store, kb: KnowledgeBase) -> None:
    person = new_person(store)
    for hour in (0, 2, 4):  # three sessions this morning, two hours apart
        r = release(store, kb, person, MORNING + timedelta(hours=hour))
        r.record(r.plan(ask(kb)), holds_of(r, kb))
    r = release(store, kb, person, MORNING + timedelta(hours=6))
    plan = r.plan(ask(kb))
    assert not plan.ready and plan.steps == ()
    assert [x.code for x in plan.refusals] == ["per-day"]
    assert "At most 3 sessions a day" in plan.refusals[0].cap
    with pytest.raises(InvalidInput, match="At most 3 sessions a day"):
        r.record(plan, holds_of(release(store, kb, new_person(store)), kb))
    tomorrow = release(store, kb, person, MORNING + timedelta(days=1))
    assert tomorrow.plan(ask(kb)).ready


def test_recorded_holds_are_capped_server_side(store: Store, kb: KnowledgeBase) -> None:
    person = new_person(store)
    r = release(store, kb, person)
    plan = r.plan(ask(kb))
    s = plan.steps[0]
    hold = Hold(s.muscle, s.point, s.side, s.technique, 120, None, 1, 5)
    with pytest.raises(InvalidInput, match="at most 90 seconds"):
        r.record(plan, [hold])
    with pytest.raises(InvalidInput, match="Pressure at most 7"):
        r.record(plan, [hold.__class__(s.muscle, s.point, s.side, s.technique, 30, None, 1, 9)])
    with pytest.raises(InvalidInput, match="not in this session's plan"):
        r.record(plan, [Hold(s.muscle, 9, s.side, s.technique, 30)])
    with pytest.raises(InvalidInput, match="Tick each point you did"):
        r.record(plan, [])
    assert store.sessions(person).sessions() == []


def test_the_morning_check_sets_soreness_and_red_rests_the_muscle(
    store: Store, kb: KnowledgeBase
) -> None:
    person = new_person(store)
    r = release(store, kb, person)
    r.record(r.plan(ask(kb)), holds_of(r, kb), ended="stopped", stop_reason="bruising")
    assert r.checks() == []  # not until the next morning
    morning = release(store, kb, person, MORNING + timedelta(days=1))
    (check,) = morning.checks()
    assert check.muscle == "upper-trapezius" and check.day == MORNING.date()
    assert morning.check_soreness("traps", 7) == "red"
    assert morning.checks() == []
    assert {t.soreness for t in store.sessions(person).treatments()} == {"severe"}
    plan = morning.plan(ask(kb))
    assert [x.code for x in plan.refusals] == ["rest"] and not plan.ready
    assert release(store, kb, person, MORNING + timedelta(days=3)).plan(ask(kb)).ready


def test_routines_and_what_is_due(store: Store, kb: KnowledgeBase) -> None:
    person = new_person(store)
    r = release(store, kb, person)
    routine = r.save_routine("Neck, evenings", ["traps"], ["right"], 2, "19:30")
    assert store.sessions(person).routines() == [routine]
    assert [d.due for d in r.due()] == [True]
    plan = r.plan(ask(kb, routine=routine.id, sides=("right",)))
    r.record(plan, [h for h in holds_of(r, kb) if h.side == "right"])
    assert [(d.due, d.last) for d in r.due()] == [(False, MORNING.date())]
    later = release(store, kb, person, MORNING + timedelta(days=2))
    assert [d.due for d in later.due()] == [True]
    assert store.sessions(person).remove_routine(routine.id) == routine
    assert r.due() == []


def test_every_statement_filters_by_person(store: Store, kb: KnowledgeBase) -> None:
    seen: list[str] = []

    def hook(_c: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    person = new_person(store)
    event.listen(store.engine, "before_cursor_execute", hook)
    try:
        r = release(store, kb, person)
        routine = r.save_routine("Neck", ["traps"], ["left", "right"], 1, "08:00")
        s = r.record(r.plan(ask(kb, routine=routine.id)), holds_of(r, kb))
        morning = release(store, kb, person, MORNING + timedelta(days=1))
        morning.check_soreness("traps", 2)
        morning.due()
        repo = store.sessions(person)
        repo.get_session(s.id)
        repo.get_routine(routine.id)
        repo.remove_routine(routine.id)
    finally:
        event.remove(store.engine, "before_cursor_execute", hook)
    assert any("release_session" in x for x in seen) and any("routine" in x for x in seen)
    assert {x: p for x in seen if (p := problems(x))} == {}


def test_a_backup_carries_sessions_and_routines(
    store: Store, kb: KnowledgeBase, tmp_path: Any
) -> None:
    from knotwork.adapters.store import backup
    from knotwork.core.diary.service import Diary

    person = new_person(store)
    r = release(store, kb, person)
    routine = r.save_routine("Neck", ["traps"], ["right"], 2, "19:30")
    plan = r.plan(ask(kb, routine=routine.id, sides=("right",)))
    s = r.record(plan, [h for h in holds_of(r, kb) if h.side == "right"], pain_before=5)
    repo = store.sessions(person)
    doc = backup.document(repo.contents(), MORNING, "0004", repo.sessions(), repo.routines())
    file = tmp_path / "b.json"
    backup.write(file, doc)
    found = backup.read_all(file)
    assert found.sessions == [s] and found.routines == [routine]
    other = store.sessions(new_person(store))
    other.carry(found.sessions, found.routines)
    Diary(other, kb, fixed_clock(MORNING), "Europe/London").restore(found.contents)
    assert other.sessions() == [s] and other.routines() == [routine]
    assert {t.id for t in other.treatments()} == set(s.treatments)
    with pytest.raises(InvalidInput, match="already has"):
        other.restore(found.contents, replace=False)
    other.restore(found.contents, replace=True)  # replaced: no sessions carried this time
    assert other.sessions() == [] and other.routines() == []
