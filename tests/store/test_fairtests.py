"""Fair tests on a real store (SQLite and PostgreSQL): planned, logged day by day on a
moving frozen clock over a persona's diary, extended, stopped; every statement names the
person; ``results_for`` reads them back for other parts of Knotwork."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from knotwork.adapters.store.store import Store
from knotwork.core.diary.model import Peg
from knotwork.core.diary.records import Mark
from knotwork.core.diary.service import Diary
from knotwork.core.errors import InvalidInput, NotFound
from knotwork.core.fairtest.plan import Arm
from knotwork.core.fairtest.present import result_dict
from knotwork.core.fairtest.service import FairTests, results_for
from knotwork.core.kb.base import KnowledgeBase
from tests import personas
from tests.stores import new_person


class Clock:
    """A frozen clock the test moves on by hand."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def next_day(self) -> None:
        self.moment += timedelta(days=1)


@pytest.fixture
def alice(store: Store, kb: KnowledgeBase) -> tuple[FairTests, Clock, int]:
    """Alice's year of neck pain in a person of her own, on a clock at the end of it."""
    person = new_person(store)
    clock = Clock(personas.ALICE_NOW)
    diary = Diary(store.repository(person), kb, clock, personas.ALICE_ZONE)
    diary.restore(personas.alice())
    return FairTests(store.fair_tests(person), diary), clock, person


def _release() -> Arm:
    return Arm("ball release daily", "self-treatment", "upper-trapezius")


def test_a_whole_test_over_alices_diary(store: Store, alice: tuple[FairTests, Clock, int]) -> None:
    tests, clock, person = alice
    test = tests.plan(_release(), Arm("nothing new", "nothing-new"), blocks=4, seed=7)
    assert tests.repo.get_test(test.id) == test  # everything read back as saved
    assert test.start == date(2026, 12, 31) and test.schedule.seed == 7
    with pytest.raises(InvalidInput, match="already running"):
        tests.plan(Arm("heat"), Arm("cold"))
    rng = random.Random(3)
    for n in range(56):
        now = tests.today()
        assert now is not None and now.status == "running" and not now.logged
        base = 3 if now.option == "A" else 5
        tests.log(Peg(base + rng.choice((0, 1)), base, base))
        assert tests.today() is not None and tests.today().logged  # type: ignore[union-attr]
        if n == 20:
            mid = tests.result(test)
            assert mid.verdict.kind == "not-yet" and mid.verdict.complete_blocks == 1
        clock.next_day()
    result = tests.result(test)
    assert result.status == "finished"
    assert result.verdict.kind == "clearly-a" and result.verdict.complete_blocks == 4
    assert result.prior_basis == "a typical pain diary"  # Alice answered PEG-3 on Sundays only
    with pytest.raises(InvalidInput, match="Two more blocks"):
        tests.extend(test.id[:6])
    # The report reads it through results_for, for the same person only.
    read = results_for(store.fair_tests(person), store.repository(person), tests.today_date())
    assert [result_dict(r)["verdict"]["kind"] for r in read] == ["clearly-a"]
    other = new_person(store)
    assert results_for(store.fair_tests(other), store.repository(other), date(2027, 3, 1)) == []


def test_extend_an_unclear_end_then_a_red_flag_stops_it(
    alice: tuple[FairTests, Clock, int],
) -> None:
    tests, clock, _ = alice
    test = tests.plan(_release(), Arm("stretching daily", "stretching"), blocks=3, seed=9)
    for _ in range(42):
        tests.log(Peg(4, 4, 4))
        clock.next_day()
    result = tests.result(test)
    assert result.verdict.kind == "no-clear-difference" and result.can_extend
    longer = tests.extend(test.id)
    assert longer.schedule.blocks == 5 and longer.schedule.orders[:3] == test.schedule.orders
    assert tests.repo.get_test(test.id).extended
    assert tests.today() is not None and tests.today().status == "running"  # type: ignore[union-attr]
    clock.next_day()
    tests.diary.save_finding(marks=(Mark("back-of-neck-right", 9),), level="urgent")
    stopped = tests.result(tests.repo.get_test(test.id))
    assert stopped.status == "stopped" and stopped.stop is not None
    assert stopped.stop.by == "red-flag"
    assert tests.active() is None  # a new test can be planned (after seeing someone)


def test_stop_and_plan_ahead_with_a_run_in(alice: tuple[FairTests, Clock, int]) -> None:
    tests, clock, _ = alice
    test = tests.plan(Arm("heat"), Arm("cold"), blocks=3, start=date(2027, 1, 14), outcome="pain")
    now = tests.today()
    assert now is not None and now.status == "planned" and "14 January" in now.message()
    for _ in range(14):  # the run-in: answers before the start
        tests.log(Peg(5, 4, 4))
        clock.next_day()
    # 14 run-in days and Alice's two Sunday PEG-3 answers in the four weeks before the start
    assert tests.result(test).prior_basis == "your diary's 16 days before the test"
    stopped = tests.stop(test.id, "Going away")
    assert tests.result(stopped).stop is not None and tests.repo.tests()[0].stop_reason == (
        "Going away"
    )
    with pytest.raises(InvalidInput, match="Only a planned or running"):
        tests.stop(test.id)
    with pytest.raises(NotFound):
        tests.get("abcd")


def test_every_statement_names_the_person(
    store: Store, alice: tuple[FairTests, Clock, int]
) -> None:
    from tests.store.test_person_filter import problems

    tests, _, _ = alice
    seen: list[str] = []

    def record(_c: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        test = tests.plan(Arm("heat"), Arm("cold"), blocks=3)
        tests.log(Peg(3, 3, 3))
        tests.today()
        tests.results()
        tests.stop(test.id)
        with pytest.raises(InvalidInput):
            tests.repo.add_test(test)
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    assert any("fair_test" in s for s in seen)
    assert {s: p for s in seen if (p := problems(s))} == {}
