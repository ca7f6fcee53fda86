"""``SqlFairTests``: the core's ``FairTestRepository`` over SQLAlchemy Core, bound to one
person (every statement names them, as ``SqlDiary``'s do); each method is one transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from knotwork.adapters.store import rows, tables
from knotwork.adapters.store.engine import WRITE
from knotwork.core.errors import InvalidInput, NotFound
from knotwork.core.fairtest.plan import Arm, FairTest
from knotwork.core.stats.schedule import Schedule

T = tables.fair_test


class SqlFairTests:
    def __init__(self, engine: Engine, person: int) -> None:
        self.engine = engine
        self.writer = engine.execution_options(**{WRITE: True})
        self.person = person

    def add_test(self, test: FairTest) -> None:
        try:
            with self.writer.begin() as conn:
                conn.execute(insert(T), [self._values(test)])
        except IntegrityError:
            raise InvalidInput(f"A fair test with id {test.id} already exists.") from None

    def replace_test(self, test: FairTest) -> None:
        with self.writer.begin() as conn:
            done = conn.execute(
                update(T)
                .where(T.c.person_id == self.person, T.c.id == test.id)
                .values(self._values(test))
            )
            if done.rowcount != 1:
                raise NotFound(f"No fair test with id {test.id}.")

    def get_test(self, test_id: str) -> FairTest:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(T).where(T.c.person_id == self.person, T.c.id == test_id)
            ).first()
        if row is None:
            raise NotFound(f"No fair test with id {test_id}.")
        return _test(row)

    def tests(self) -> list[FairTest]:
        with self.engine.connect() as conn:
            found = conn.execute(
                select(T)
                .where(T.c.person_id == self.person)
                .order_by(T.c.at_utc.desc(), T.c.id.desc())
            ).all()
        return [_test(r) for r in found]

    def _values(self, t: FairTest) -> rows.Values:
        s = t.schedule
        return {
            "person_id": self.person,
            "id": t.id,
            "at_utc": t.created.utc.replace(tzinfo=None),
            "zone": t.created.zone,
            "day": t.created.day,
            "start_day": t.start,
            "a_name": t.a.name,
            "a_kind": t.a.kind,
            "a_muscle": t.a.muscle,
            "b_name": t.b.name,
            "b_kind": t.b.kind,
            "b_muscle": t.b.muscle,
            "outcome": t.outcome,
            "seed": s.seed,
            "orders": ",".join(s.orders),
            "first_blocks": t.first_blocks,
            "period_days": s.period_days,
            "washout_days": s.washout_days,
            "stopped_on": t.stopped_on,
            "stop_reason": t.stop_reason,
        }


def _test(row: Any) -> FairTest:
    schedule = Schedule(row.seed, tuple(row.orders.split(",")), row.period_days, row.washout_days)
    return FairTest(
        id=row.id,
        created=rows.when(row),
        start=_day(row.start_day),
        a=Arm(row.a_name, row.a_kind, row.a_muscle),
        b=Arm(row.b_name, row.b_kind, row.b_muscle),
        schedule=schedule,
        first_blocks=row.first_blocks,
        outcome=row.outcome,
        stopped_on=None if row.stopped_on is None else _day(row.stopped_on),
        stop_reason=row.stop_reason,
    )


def _day(value: date | str) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value
