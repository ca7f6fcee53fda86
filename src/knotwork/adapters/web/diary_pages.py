"""The diary's pages: Progress (pain over time, by place, the change since the start). Each
page has its JSON twin at the same path plus ``.json``, built from the same data."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from knotwork.adapters.web import diary_views
from knotwork.adapters.web.diary_store import diary
from knotwork.adapters.web.respond import twin

router = APIRouter()


@router.get("/progress", include_in_schema=False)
@router.get("/progress.json", include_in_schema=False)
async def progress_page(request: Request) -> Response:
    chosen = request.query_params.get("days", "90")
    days = diary_views.period_days(chosen)
    # The store is read in the thread pool: the event loop keeps serving while it waits.
    p = await run_in_threadpool(lambda: diary(request).progress(days))
    atlas = request.app.state.knotwork.kb.atlas
    data = diary_views.progress_page(p, atlas, chosen)
    context = {"title": "Progress"}
    if not request.url.path.endswith(".json"):
        context["pictures"] = diary_views.progress_pictures(p, atlas)  # type: ignore[assignment]
    return twin(request, "progress.html", context, data)
