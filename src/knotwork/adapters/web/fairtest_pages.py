"""The Fair test pages: the test (plan, today's option and PEG-3, progress, results), What
seemed to help, and How we compare. Each has its JSON twin at the same path plus ``.json``;
every form post is CSRF-checked (the app's guard), changes one thing in one transaction and
answers with a redirect (303) to the page; bad input is the one error shape (422).

    POST /fair-test/plan         a_name, a_kind, a_muscle, b_name, b_kind, blocks, start,
                                 outcome
    POST /fair-test/log          peg_pain, peg_enjoyment, peg_activity, notes
    POST /fair-test/{id}/extend  two more blocks (a finished test without a clear answer)
    POST /fair-test/{id}/stop    reason
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from knotwork.adapters.web import diary_forms
from knotwork.adapters.web.fairtest_views import (
    fair_test_page,
    fair_tests,
    helped_page,
    method_page,
)
from knotwork.adapters.web.respond import twin
from knotwork.core.diary.model import Peg
from knotwork.core.errors import InvalidInput
from knotwork.core.fairtest.plan import MAX_STOP_REASON, Arm
from knotwork.core.fairtest.present import period_chart
from knotwork.core.fairtest.service import MAX_NOTE, RECOMMENDED_BLOCKS, FairTests

router = APIRouter()
T = TypeVar("T")


async def _in_pool(request: Request, work: Callable[[FairTests], T]) -> T:
    tests = fair_tests(request)
    return await run_in_threadpool(work, tests)


@router.get("/fair-test", include_in_schema=False)
@router.get("/fair-test.json", include_in_schema=False)
async def fair_test_route(request: Request) -> Response:
    query = {k: v for k, v in request.query_params.items() if isinstance(v, str)}

    def work(tests: FairTests) -> tuple[dict[str, Any], str | None]:
        results = tests.results()
        data = fair_test_page(tests, query, results)
        chart = None
        if results and not request.url.path.endswith(".json"):
            chart = period_chart(results[0])
        return data, chart

    data, chart = await _in_pool(request, work)
    data["saved"] = request.query_params.get("saved", "")[:10]
    return twin(request, "fair_test.html", {"title": "Fair test", "chart": chart}, data)


def arm_of(form: FormData, prefix: str) -> Arm:
    return Arm(
        diary_forms.text(form, f"{prefix}_name", 80),
        diary_forms.text(form, f"{prefix}_kind", 20) or None,
        diary_forms.text(form, f"{prefix}_muscle", 60) or None,
    )


def start_of(form: FormData) -> date | None:
    value = diary_forms.text(form, "start", 10)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"The start must be a date (YYYY-MM-DD), not '{value}'.") from None


@router.post("/fair-test/plan", include_in_schema=False)
async def plan(request: Request) -> Response:
    form = await request.form()

    def work(tests: FairTests) -> object:
        a, b = arm_of(form, "a"), arm_of(form, "b")
        if a.muscle:
            a = Arm(a.name, a.kind, tests.diary.checks.muscle(a.muscle).id)
        blocks = diary_forms.number(form, "blocks", "The number of blocks")
        outcome = diary_forms.text(form, "outcome", 8) or "peg"
        if outcome not in ("peg", "pain"):
            raise InvalidInput(f"The outcome must be peg or pain, not '{outcome}'.")
        return tests.plan(
            a,
            b,
            blocks or RECOMMENDED_BLOCKS,
            start_of(form),
            outcome,  # type: ignore[arg-type]
        )

    await _in_pool(request, work)
    return RedirectResponse("/fair-test?saved=planned", status_code=303)


def peg_of(form: FormData) -> Peg:
    values = [
        diary_forms.number(form, f"peg_{k}", f"PEG {k}") for k in ("pain", "enjoyment", "activity")
    ]
    if any(v is None for v in values):
        raise InvalidInput("Answer all three questions (0-10).")
    return Peg(*values)  # type: ignore[arg-type]


@router.post("/fair-test/log", include_in_schema=False)
async def log(request: Request) -> Response:
    form = await request.form()
    zone = diary_forms.text(form, "zone", 64) or None

    def work(tests: FairTests) -> object:
        return tests.log(peg_of(form), diary_forms.text(form, "notes", MAX_NOTE))

    tests = fair_tests(request, zone)
    await run_in_threadpool(work, tests)
    return RedirectResponse("/fair-test?saved=logged#today-h", status_code=303)


@router.post("/fair-test/{test_id}/extend", include_in_schema=False)
async def extend(request: Request, test_id: str) -> Response:
    await _in_pool(request, lambda t: t.extend(test_id))
    return RedirectResponse("/fair-test?saved=extended", status_code=303)


@router.post("/fair-test/{test_id}/stop", include_in_schema=False)
async def stop(request: Request, test_id: str) -> Response:
    form = await request.form()
    reason = diary_forms.text(form, "reason", MAX_STOP_REASON)
    await _in_pool(request, lambda t: t.stop(test_id, reason))
    return RedirectResponse("/fair-test?saved=stopped", status_code=303)


@router.get("/what-helped", include_in_schema=False)
@router.get("/what-helped.json", include_in_schema=False)
async def what_helped_route(request: Request) -> Response:
    kb = request.app.state.knotwork.kb
    chosen = request.query_params.get("days", "90")
    data = await _in_pool(request, lambda t: helped_page(t, kb, chosen))
    return twin(request, "what_helped.html", {"title": "What seemed to help"}, data)


@router.get("/fair-test/method", include_in_schema=False)
@router.get("/fair-test/method.json", include_in_schema=False)
async def method_route(request: Request) -> Response:
    data = method_page(request.app.state.knotwork.kb)
    return twin(request, "fair_method.html", {"title": "How we compare"}, data)
