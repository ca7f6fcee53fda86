"""Sessions and routines as plain JSON-ready dicts and back, for the backup file (lossless).
Reading a dict builds the record, so every invariant is checked again."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from knotwork.core.diary.codec import when_dict
from knotwork.core.diary.when import When
from knotwork.core.errors import InvalidInput
from knotwork.core.release.record import Hold, Routine, Session

SESSION_FIELDS = ("pain_before", "pain_after", "rom_before", "rom_after", "ended", "stop_reason")


def session_to_dict(s: Session) -> dict[str, Any]:
    return {
        "id": s.id,
        **when_dict(s.when),
        "muscles": list(s.muscles),
        "holds": [dataclasses.asdict(h) for h in s.holds],
        **{name: getattr(s, name) for name in SESSION_FIELDS},
        "routine": s.routine,
        "treatments": list(s.treatments),
    }


def routine_to_dict(r: Routine) -> dict[str, Any]:
    return {
        "id": r.id,
        **when_dict(r.when),
        "name": r.name,
        "muscles": list(r.muscles),
        "sides": list(r.sides),
        "every_days": r.every_days,
        "at_time": r.at,
    }


def _when(d: Mapping[str, Any]) -> When:
    return When(datetime.fromisoformat(d["at"].replace("Z", "+00:00")), d["zone"])


def session_from_dict(d: Mapping[str, Any]) -> Session:
    try:
        return Session(
            d["id"],
            _when(d),
            tuple(d["muscles"]),
            tuple(Hold(**h) for h in d["holds"]),
            **{name: d[name] for name in SESSION_FIELDS},
            routine=d["routine"],
            treatments=tuple(d["treatments"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InvalidInput(f"A session is malformed ({type(error).__name__}: {error}).") from None


def routine_from_dict(d: Mapping[str, Any]) -> Routine:
    try:
        return Routine(
            d["id"],
            _when(d),
            d["name"],
            tuple(d["muscles"]),
            tuple(d["sides"]),
            d["every_days"],
            d["at_time"],
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InvalidInput(f"A routine is malformed ({type(error).__name__}: {error}).") from None
