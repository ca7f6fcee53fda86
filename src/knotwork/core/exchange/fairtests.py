"""A fair test's plan as a plain dict and back, for the JSON export: the options, the start,
the stored seed and schedule, how it ended. Its result is not stored: it is computed from the
diary's records whenever it is read, so an imported test gives the same result."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from knotwork.core.diary.codec import when_dict
from knotwork.core.diary.when import When
from knotwork.core.errors import InvalidInput
from knotwork.core.fairtest.plan import Arm, FairTest
from knotwork.core.stats.schedule import Schedule


def fair_test_to_dict(t: FairTest) -> dict[str, Any]:
    s = t.schedule
    return {
        "id": t.id,
        **when_dict(t.created),
        "a": {"name": t.a.name, "kind": t.a.kind, "muscle": t.a.muscle},
        "b": {"name": t.b.name, "kind": t.b.kind, "muscle": t.b.muscle},
        "outcome": t.outcome,
        "start": t.start.isoformat(),
        "seed": s.seed,
        "orders": list(s.orders),
        "first_blocks": t.first_blocks,
        "period_days": s.period_days,
        "set_aside_days": s.washout_days,
        "stopped_on": None if t.stopped_on is None else t.stopped_on.isoformat(),
        "stop_reason": t.stop_reason,
    }


def fair_test_from_dict(d: Mapping[str, Any]) -> FairTest:
    try:
        stopped = d["stopped_on"]
        return FairTest(
            id=d["id"],
            created=When(datetime.fromisoformat(d["at"].replace("Z", "+00:00")), d["zone"]),
            start=date.fromisoformat(d["start"]),
            a=Arm(d["a"]["name"], d["a"]["kind"], d["a"]["muscle"]),
            b=Arm(d["b"]["name"], d["b"]["kind"], d["b"]["muscle"]),
            schedule=Schedule(d["seed"], tuple(d["orders"]), d["period_days"], d["set_aside_days"]),
            first_blocks=d["first_blocks"],
            outcome=d["outcome"],
            stopped_on=None if stopped is None else date.fromisoformat(stopped),
            stop_reason=d["stop_reason"],
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InvalidInput(f"A fair test is malformed ({type(error).__name__}: {error}).") from None
