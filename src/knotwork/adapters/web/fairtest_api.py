"""The fair-test API, under /api/fair-tests (described at /openapi.json; docs/fair-tests.md).

    GET  /api/fair-tests                   every test with its result, newest first, and today
    POST /api/fair-tests                   plan a test                 -> 201 {"ok", "result"}
    GET  /api/fair-tests/today             today's option in the newest test, and the prompt
    POST /api/fair-tests/today             today's PEG-3 answers, saved as a diary entry -> 201
    GET  /api/fair-tests/what-helped       relief and next-day soreness per treatment
    GET  /api/fair-tests/method            how a fair test is run and read
    GET  /api/fair-tests/{id}              one test and its result (4+ characters of its id)
    POST /api/fair-tests/{id}/extend       two more blocks after an unclear end
    POST /api/fair-tests/{id}/stop         stop a planned or running test

Each write is one transaction; bad input is a 422 in the one error shape and changes nothing.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from knotwork.adapters.web.fairtest_schemas import (
    ExtendIn,
    HelpedAnswer,
    LoggedAnswer,
    MethodAnswer,
    PlanIn,
    ResultAnswer,
    StopIn,
    TestsAnswer,
    TodayAnswer,
    TodayIn,
    examples,
)
from knotwork.adapters.web.fairtest_views import fair_tests, helped_page, method_page
from knotwork.adapters.web.respond import json_response
from knotwork.core.diary.codec import to_dict
from knotwork.core.errors import InvalidInput
from knotwork.core.fairtest.plan import Arm, FairTest
from knotwork.core.fairtest.present import result_dict, today_dict

router = APIRouter(prefix="/api/fair-tests", tags=["fair tests"])


@cache
def _examples() -> dict[str, Any]:
    return examples()


def example(name: str, status: int = 200) -> dict[int | str, dict[str, Any]]:
    return {status: {"content": {"application/json": {"example": _examples()[name]}}}}


def _result(request: Request, test: FairTest, status: int = 200) -> Response:
    tests = fair_tests(request)
    return json_response({"ok": True, "result": result_dict(tests.result(test))}, status)


@router.get(
    "",
    summary="Every fair test with its result, and today's option",
    response_model=TestsAnswer,
    responses=example("tests"),
)
def list_tests(request: Request) -> Response:
    tests = fair_tests(request)
    now = tests.today()
    return json_response(
        {
            "ok": True,
            "today": today_dict(now) if now else None,
            "tests": [result_dict(r) for r in tests.results()],
        }
    )


@router.post(
    "",
    status_code=201,
    summary="Plan a fair test",
    response_model=ResultAnswer,
    responses=example("result", 201),
)
def plan(request: Request, body: PlanIn) -> Response:
    from datetime import date

    tests = fair_tests(request)
    arms = []
    for arm in (body.a, body.b):
        muscle = tests.diary.checks.muscle(arm.muscle).id if arm.muscle else None
        arms.append(Arm(arm.name, arm.kind, muscle))
    try:
        start = date.fromisoformat(body.start) if body.start else None
    except ValueError:
        raise InvalidInput(f"start must be a date (YYYY-MM-DD), not '{body.start}'.") from None
    test = tests.plan(arms[0], arms[1], body.blocks, start, body.outcome)
    return _result(request, test, 201)


@router.get(
    "/today",
    summary="Today's option in the newest test, and the PEG-3 questions",
    response_model=TodayAnswer,
    responses=example("today"),
)
def get_today(request: Request) -> Response:
    now = fair_tests(request).today()
    return json_response({"ok": True, "today": today_dict(now) if now else None})


@router.post(
    "/today",
    status_code=201,
    summary="Save today's PEG-3 answers",
    response_model=LoggedAnswer,
    responses=example("logged", 201),
)
def log_today(request: Request, body: TodayIn) -> Response:
    tests = fair_tests(request, body.zone)
    entry = tests.log(body.peg(), body.notes)
    now = tests.today()
    return json_response(
        {"ok": True, "record": to_dict(entry), "today": today_dict(now) if now else None}, 201
    )


@router.get(
    "/what-helped",
    summary="What seemed to help: relief and next-day soreness per treatment (associations)",
    response_model=HelpedAnswer,
    responses=example("helped"),
)
def what_helped(
    request: Request,
    days: Annotated[int, Query(ge=7, le=3660, description="The last N days")] = 90,
    whole: Annotated[bool, Query(alias="all", description="The whole diary")] = False,
) -> Response:
    kb = request.app.state.knotwork.kb
    data = helped_page(fair_tests(request), kb, "all" if whole else str(days))
    return json_response({"ok": True, **data})


@router.get(
    "/method",
    summary="How a fair test is run and read",
    response_model=MethodAnswer,
    responses=example("method"),
)
def method(request: Request) -> Response:
    return json_response({"ok": True, **method_page(request.app.state.knotwork.kb)})


@router.get(
    "/{test_id}",
    summary="One fair test and its result",
    response_model=ResultAnswer,
    responses=example("result"),
)
def get_test(request: Request, test_id: str) -> Response:
    return _result(request, fair_tests(request).get(test_id))


@router.post(
    "/{test_id}/extend",
    summary="Add two blocks to a finished test without a clear answer",
    response_model=ResultAnswer,
    responses=example("result"),
)
def extend(request: Request, test_id: str, body: ExtendIn) -> Response:
    return _result(request, fair_tests(request).extend(test_id))


@router.post(
    "/{test_id}/stop",
    summary="Stop a planned or running test",
    response_model=ResultAnswer,
    responses=example("result"),
)
def stop(request: Request, test_id: str, body: StopIn) -> Response:
    return _result(request, fair_tests(request).stop(test_id, body.reason))
