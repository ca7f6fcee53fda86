"""The fair-test API's request bodies (strict, as the diary's) and answers, with examples
made by the same code that makes real answers (a sample test analysed from sample entries)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal

from pydantic import BaseModel, Field

from knotwork.adapters.web.diary_schemas import STRICT, Open, Score
from knotwork.core.diary.model import Entry, Peg
from knotwork.core.diary.vocab import TreatmentKind
from knotwork.core.diary.when import When
from knotwork.core.fairtest.analysis import analyse
from knotwork.core.fairtest.method import method
from knotwork.core.fairtest.plan import MAX_NAME, MAX_STOP_REASON, Arm, FairTest
from knotwork.core.fairtest.present import result_dict, today_dict
from knotwork.core.fairtest.service import MAX_NOTE, RECOMMENDED_BLOCKS
from knotwork.core.fairtest.today import today
from knotwork.core.stats.schedule import MAX_BLOCKS, MIN_BLOCKS, make_schedule

ArmKind = Literal[TreatmentKind, "nothing-new"]  # the diary's kinds, or nothing new


class ArmIn(BaseModel):
    model_config = STRICT
    name: str = Field(min_length=1, max_length=MAX_NAME, examples=["ball release daily"])
    kind: ArmKind | None = None
    muscle: str | None = Field(None, max_length=60, description="Knowledge-base muscle id")


class PlanIn(BaseModel):
    """A new fair test: two options, blocks of two 7-day periods, a start today or within 28
    days (default today), measured by the PEG-3 score or its pain answer."""

    model_config = STRICT
    a: ArmIn
    b: ArmIn
    blocks: int = Field(RECOMMENDED_BLOCKS, ge=MIN_BLOCKS, le=MAX_BLOCKS)
    start: str | None = Field(
        None, pattern=r"^\d{4}-\d{2}-\d{2}$", max_length=10, description="YYYY-MM-DD"
    )
    outcome: Literal["peg", "pain"] = "peg"


class TodayIn(BaseModel):
    """Today's PEG-3 answers (Krebs et al. 2009), saved as a diary entry."""

    model_config = STRICT
    pain: int = Score
    enjoyment: int = Score
    activity: int = Score
    notes: str = Field("", max_length=MAX_NOTE)
    zone: str | None = Field(None, max_length=64, description="IANA time zone")

    def peg(self) -> Peg:
        return Peg(self.pain, self.enjoyment, self.activity)


class ExtendIn(BaseModel):
    model_config = STRICT
    blocks: Literal[2] = Field(2, description="Always two more blocks")


class StopIn(BaseModel):
    model_config = STRICT
    reason: str = Field("", max_length=MAX_STOP_REASON)


class ResultOut(Open):
    """One test and its result (docs/fair-tests.md)."""

    test: dict[str, Any]
    status: Literal["planned", "running", "finished", "stopped"]
    verdict: dict[str, Any]
    headline: str
    periods: list[dict[str, Any]]
    blocks: list[dict[str, Any]]


class ResultAnswer(Open):
    ok: bool
    result: ResultOut


class TestsAnswer(Open):
    ok: bool
    today: dict[str, Any] | None
    tests: list[ResultOut]


class TodayAnswer(Open):
    ok: bool
    today: dict[str, Any] | None


class LoggedAnswer(Open):
    ok: bool
    record: dict[str, Any]
    today: dict[str, Any] | None


class HelpedAnswer(Open):
    ok: bool
    rows: list[dict[str, Any]]
    reasons: list[dict[str, Any]]


class MethodAnswer(Open):
    ok: bool
    design: list[str]
    analysis: list[str]
    verdicts: list[dict[str, Any]]


# -- examples ---------------------------------------------------------------------------

START = date(2026, 10, 12)


def _sample() -> tuple[FairTest, list[Entry]]:
    test = FairTest(
        "5e0c9a7b3d1f4e2a8c6b0d9e7f1a3b5c",
        When(datetime(2026, 10, 11, 19, 0, tzinfo=UTC), "Europe/London"),
        START,
        Arm("ball release daily", "self-treatment", "upper-trapezius"),
        Arm("stretching daily", "stretching"),
        make_schedule(4, 20261011),
        first_blocks=4,
    )
    entries = []
    for n in range(56):
        day = START + timedelta(days=n)
        value = 3 + (n % 3 == 0) if test.schedule.option_on(n) == "A" else 5 - (n % 4 == 0)
        moment = datetime.combine(day, time(20), tzinfo=UTC)
        entries.append(
            Entry(f"{n:032x}", When(moment, "Europe/London"), value, peg=Peg(value, value, value))
        )
    return test, entries


def examples() -> dict[str, Any]:
    test, entries = _sample()
    result = result_dict(analyse(test, entries, [], test.end))
    running = today(test, START + timedelta(days=9))
    return {
        "tests": {"ok": True, "today": today_dict(running), "tests": [result]},
        "result": {"ok": True, "result": result},
        "today": {"ok": True, "today": today_dict(running)},
        "helped": _helped(),
        "method": {"ok": True, **method()},
        "logged": {
            "ok": True,
            "record": {
                "id": entries[9].id,
                "kind": "entry",
                "pain": 4,
                "peg": {"pain": 4, "enjoyment": 4, "activity": 4, "score": 4.0},
            },
            "today": today_dict(running),
        },
    }


def _helped() -> dict[str, Any]:
    from knotwork.adapters.web.fairtest_views import helped_dict
    from knotwork.core.diary.treatment import Treatment
    from knotwork.core.fairtest.helped import REASONS, SUMMARY, what_helped

    moment = When(datetime(2026, 12, 1, 20, 0, tzinfo=UTC), "Europe/London")
    sample = [
        Treatment(f"{n:032x}", moment, "self-treatment", muscle="upper-trapezius", relief=r)
        for n, r in enumerate((4, 6, 5, 3, 5))
    ]
    rows = what_helped(sample, {"upper-trapezius": "Upper trapezius"}.get)  # type: ignore[arg-type]
    return {
        "ok": True,
        "since": "2026-09-03",
        "until": "2026-12-01",
        "treatments": len(sample),
        "rows": [helped_dict(h) for h in rows],
        "summary": SUMMARY,
        "reasons": [{"name": n, "why": w} for n, w in REASONS],
        "sources": ["whitney-vonkorff-1992"],
    }


PLAN_BODY = {
    "a": {"name": "ball release daily", "kind": "self-treatment", "muscle": "upper-trapezius"},
    "b": {"name": "nothing new", "kind": "nothing-new"},
    "blocks": 4,
    "outcome": "peg",
}
BODIES: dict[str, Any] = {
    "/api/fair-tests": PLAN_BODY,
    "/api/fair-tests/today": {"pain": 4, "enjoyment": 3, "activity": 5, "notes": ""},
    "/api/fair-tests/{test_id}/extend": {"blocks": 2},
    "/api/fair-tests/{test_id}/stop": {"reason": "Going away for two weeks"},
}
