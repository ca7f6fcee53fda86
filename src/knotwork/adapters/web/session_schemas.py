"""The JSON body of ``POST /api/sessions`` (strict: a number is not a muscle, "5" is not a
pressure), read into the same query parameters the session page takes."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from starlette.datastructures import QueryParams

from knotwork.core.release.stop import STOP_IDS

StopId = Literal[STOP_IDS]  # type: ignore[valid-type]


class HoldIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    muscle: str = Field(max_length=60, description="Muscle id")
    point: int = Field(ge=1, le=20, description="Trigger point number")
    side: Literal["left", "right"] | None = None
    technique: str = Field(max_length=80)
    seconds: int | None = Field(None, ge=1, le=3600)
    strokes: int | None = Field(None, ge=1, le=1000)
    repetitions: int = Field(1, ge=1, le=100)
    pressure: int | None = Field(None, ge=0, le=10)


class SessionIn(BaseModel):
    """A session as done: the plan's inputs, the holds, before and after, how it ended."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [
                {
                    "muscles": ["upper-trapezius"],
                    "side": "right",
                    "answers": {"fever": False},
                    "holds": [
                        {
                            "muscle": "upper-trapezius",
                            "point": 1,
                            "side": "right",
                            "technique": "pinch-grip-squeeze",
                            "seconds": 30,
                            "repetitions": 2,
                            "pressure": 5,
                        }
                    ],
                    "pain_before": 6,
                    "pain_after": 4,
                    "ended": "completed",
                }
            ]
        },
    )
    muscles: list[str] = Field(min_length=1, max_length=12)
    side: Literal["left", "right", "both"] = "both"
    hold_seconds: int | None = Field(None, ge=1, le=600)
    repetitions: int | None = Field(None, ge=1, le=20)
    routine: str | None = Field(None, max_length=32)
    answers: dict[str, bool] = Field(default_factory=dict, max_length=200)
    cautions: list[str] = Field(default_factory=list, max_length=50)
    holds: list[HoldIn] = Field(default_factory=list, max_length=200)
    pain_before: int | None = Field(None, ge=0, le=10)
    pain_after: int | None = Field(None, ge=0, le=10)
    rom_before: int | None = Field(None, ge=0, le=10)
    rom_after: int | None = Field(None, ge=0, le=10)
    ended: Literal["completed", "stopped"] = "completed"
    stop_reason: StopId | None = None

    def params(self) -> QueryParams:
        pairs = [("muscle", m) for m in self.muscles] + [("side", self.side)]
        pairs += [("answer", f"{k}:{'yes' if v else 'no'}") for k, v in self.answers.items()]
        pairs += [("caution", c) for c in self.cautions]
        if self.hold_seconds:
            pairs.append(("hold", str(self.hold_seconds)))
        if self.repetitions:
            pairs.append(("reps", str(self.repetitions)))
        if self.routine:
            pairs.append(("routine", self.routine))
        return QueryParams(pairs)

    def outcome(self) -> dict[str, Any]:
        return {
            "pain_before": self.pain_before,
            "pain_after": self.pain_after,
            "rom_before": self.rom_before,
            "rom_after": self.rom_after,
            "ended": self.ended,
            "stop_reason": self.stop_reason,
        }


class Open(BaseModel):
    # The document's examples leave out null values (FastAPI drops them), so nothing that
    # may be null is required.
    model_config = ConfigDict(extra="allow")


class HoldOut(Open):
    muscle: str
    point: int
    side: str | None = None
    technique: str
    seconds: int | None = None
    strokes: int | None = None
    repetitions: int
    pressure: int | None = None


class SessionOut(Open):
    """A saved session; ``treatments`` are the diary events its holds became."""

    id: str
    at: str
    zone: str
    muscles: list[dict[str, str]]
    holds: list[HoldOut]
    pain_before: int | None = None
    pain_after: int | None = None
    rom_before: int | None = None
    rom_after: int | None = None
    ended: Literal["completed", "stopped"]
    stop_reason: str | None = None
    routine: str | None = None
    treatments: list[str]


class SessionAnswer(Open):
    ok: bool
    session: SessionOut


def session_body() -> dict[str, Any]:
    """The request example (one the API accepts)."""
    extra: Any = SessionIn.model_config.get("json_schema_extra")
    return dict(extra["examples"][0])


def session_answer() -> dict[str, Any]:
    """The 201 answer's example, made by the code that makes the real one."""
    from datetime import UTC, datetime

    from knotwork.adapters.web.session_views import session_dict
    from knotwork.core.diary.when import When
    from knotwork.core.kb import load_kb
    from knotwork.core.release.record import Hold, Session

    when = When(datetime(2026, 12, 7, 8, 15, tzinfo=UTC), "Europe/London")
    hold = Hold("upper-trapezius", 1, "right", "pinch-grip-squeeze", 30, None, 2, 5)
    s = Session(
        "5e1f9a3c7b2d4e6f8a0c1b3d5e7f9a2c",
        when,
        ("upper-trapezius",),
        (hold,),
        6,
        4,
        ended="completed",
        treatments=("9c2e4a6b8d0f4e1a3c5b7d9f1e3a5c7b",),
    )
    return {"ok": True, "session": session_dict(load_kb(), s)}
