"""The clinician report on the web: ``/report`` (the printable page: print it, or save it as a
PDF from the browser), ``/report.json`` (its JSON twin) and ``/report.pdf?paper=a4|letter``
(the tagged PDF, as an attachment). ``?name=`` prints a name at the top; it is not stored."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from knotwork.adapters.web.diary_store import diary
from knotwork.adapters.web.respond import twin
from knotwork.core.errors import InvalidInput

router = APIRouter()
MAX_NAME = 200


def _name(request: Request) -> str:
    name = request.query_params.get("name", "").strip()
    if len(name) > MAX_NAME or not name.isprintable():
        raise InvalidInput(f"The name must be printable text of at most {MAX_NAME} characters.")
    return name


def _report(request: Request, pdf: bool) -> tuple[dict[str, Any], dict[str, str]]:
    from knotwork.adapters.report.view import report_data, report_pictures

    kb = request.app.state.knotwork.kb
    fair = request.app.state.knotwork.diary.open().fair_tests()
    data, report = report_data(diary(request), kb, _name(request), fair)
    return data, report_pictures(report, data, kb, pdf=pdf)


@router.get("/report", include_in_schema=False)
@router.get("/report.json", include_in_schema=False)
async def report_page(request: Request) -> Response:
    from knotwork.adapters.report.render import sheet

    wants_page = not request.url.path.endswith(".json")
    data, pictures = await run_in_threadpool(_report, request, False)
    context: dict[str, Any] = {"title": "Report for a clinician"}
    if wants_page:
        context["sheet"] = sheet(data, pictures)
    return twin(request, "report.html", context, data)


@router.get("/report.pdf", include_in_schema=False)
async def report_pdf(request: Request) -> Response:
    from knotwork.adapters.report.pdf import PAPERS, render_pdf

    paper = request.query_params.get("paper", "a4")
    if paper not in PAPERS:
        raise InvalidInput(f"paper must be a4 or letter, not '{paper[:20]}'.")

    def work() -> tuple[bytes, str]:
        data, pictures = _report(request, True)
        return render_pdf(data, pictures, paper), data["today"]

    pdf, today = await run_in_threadpool(work)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "content-disposition": f'attachment; filename="knotwork-report-{today}-{paper}.pdf"'
        },
    )
