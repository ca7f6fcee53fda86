"""The diary's pages: Diary (quick entry, the other forms, the list, edit, delete with undo)
and Progress (pain over time, by place, the change since the start). Each page has its JSON
twin at the same path plus ``.json``, built from the same data. Every form post changes one
record in one transaction and answers with a redirect (303) to the page to read next; bad
input is the one error shape (422) and saves nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, QueryParams

from knotwork.adapters.web import diary_forms, diary_views
from knotwork.adapters.web.diary_store import diary
from knotwork.adapters.web.respond import twin
from knotwork.core.diary import rules
from knotwork.core.diary.codec import from_dict, to_dict
from knotwork.core.diary.model import Entry
from knotwork.core.diary.records import Impression
from knotwork.core.diary.repository import Record
from knotwork.core.diary.service import Diary
from knotwork.core.diary.treatment import Treatment
from knotwork.core.errors import InvalidInput

router = APIRouter()
T = TypeVar("T")
MAX_UNDO = 100_000  # characters of a deleted record carried by the undo form


async def _in_pool(request: Request, work: Callable[[Diary], T], zone: str | None = None) -> T:
    """Run ``work`` on this request's diary in the thread pool (the store may wait on disk)."""
    d = diary(request, zone)
    return await run_in_threadpool(work, d)


def _saved(record: Record) -> Response:
    return RedirectResponse(f"/diary?saved={record.id[:8]}#r-{record.id[:8]}", status_code=303)


def _until(request: Request) -> date | None:
    value = request.query_params.get("until", "")
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"until must be a date (YYYY-MM-DD), not '{value}'.") from None


@router.get("/diary", include_in_schema=False)
@router.get("/diary.json", include_in_schema=False)
async def diary_route(request: Request) -> Response:
    return await diary_page(request)


async def diary_page(request: Request, deleted: Record | None = None) -> Response:
    kb = request.app.state.knotwork.kb
    until = _until(request)
    data = await _in_pool(request, lambda d: diary_views.diary_page(d, kb, until))
    data["saved"] = request.query_params.get("saved", "")[:8]
    data["deleted"] = None
    if deleted is not None:
        data["deleted"] = {
            "kind": type(deleted).__name__.lower(),
            "when": deleted.when.local.strftime("%a %d %b %Y, %H:%M"),
            "record": json.dumps(to_dict(deleted)),
        }
    return twin(request, "diary.html", {"title": "Diary"}, data)


@router.post("/diary/entries", include_in_schema=False)
async def add_entry(request: Request) -> Response:
    form = await request.form()

    def work(d: Diary) -> Record:
        when, _ = diary_forms.when(form, d)
        return d.add_entry(when, **diary_forms.entry_fields(form))

    return _saved(await _in_pool(request, work, _zone(form)))


@router.post("/diary/treatments", include_in_schema=False)
async def add_treatment(request: Request) -> Response:
    form = await request.form()

    def work(d: Diary) -> Record:
        when, _ = diary_forms.when(form, d)
        return d.add_treatment(when, **diary_forms.treatment_fields(form, d))

    return _saved(await _in_pool(request, work, _zone(form)))


@router.post("/diary/impressions", include_in_schema=False)
async def add_impression(request: Request) -> Response:
    form = await request.form()

    def work(d: Diary) -> Record:
        when, _ = diary_forms.when(form, d)
        value = diary_forms.number(form, "value", "The impression of change")
        if value is None:
            raise InvalidInput("Choose how your condition is since you started (1-7).")
        return d.add_impression(value, when, diary_forms.text(form, "notes", rules.MAX_NOTES))

    return _saved(await _in_pool(request, work, _zone(form)))


@router.post("/diary/findings", include_in_schema=False)
async def add_finding(request: Request) -> Response:
    """ "Save to my diary" on the results page: the finder runs again on the same inputs
    (the form carries them) and what it showed is saved."""
    from knotwork.adapters.web.forms import query_from_params
    from knotwork.core.diary.findings import finding_fields
    from knotwork.core.finder.engine import find

    form = await request.form()
    params = QueryParams([(k, v) for k, v in form.multi_items() if isinstance(v, str)])
    index = request.app.state.knotwork.index
    query = query_from_params(index.kb, params)
    fields = finding_fields(query, find(index, query))
    return _saved(await _in_pool(request, lambda d: d.save_finding(**fields)))


@router.post("/diary/undo", include_in_schema=False)
async def undo_delete(request: Request) -> Response:
    form = await request.form()
    raw = diary_forms.text(form, "record", MAX_UNDO)
    try:
        record = from_dict(json.loads(raw))
    except (json.JSONDecodeError, AttributeError):
        raise InvalidInput("There is nothing to undo.") from None
    return _saved(await _in_pool(request, lambda d: d.undo_delete(record)))


@router.get("/diary/{record_id}/edit", include_in_schema=False)
@router.get("/diary/{record_id}/edit.json", include_in_schema=False)
async def edit_page(request: Request, record_id: str) -> Response:
    kb = request.app.state.knotwork.kb

    def work(d: Diary) -> dict[str, Any]:
        record = d.get(record_id.removesuffix(".json"))
        data = diary_views.diary_page(d, kb, None)
        data["records"] = []
        data["editing"] = to_dict(record)
        if isinstance(record, Entry):
            data["last_places"] = [
                {**diary_views.place_view(r, kb.atlas), "checked": list(r.qualities)}
                for r in record.regions
            ]
        data["editing_local"] = record.when.local.strftime("%Y-%m-%dT%H:%M")
        data["editing_zone"] = record.when.zone
        return data

    data = await _in_pool(request, work)
    return twin(request, "diary_edit.html", {"title": "Change a diary record"}, data)


@router.post("/diary/{record_id}", include_in_schema=False)
async def edit_record(request: Request, record_id: str) -> Response:
    form = await request.form()

    def work(d: Diary) -> Record:
        old = d.get(record_id)
        when, _ = diary_forms.when(form, d)
        changes: dict[str, Any] = {"when": when} if when else {}
        if isinstance(old, Entry):
            fields = diary_forms.entry_fields(form)
            if fields["pain"] is None:
                fields["pain"] = max((r.pain for r in fields["regions"]), default=old.pain)
            changes |= fields
        elif isinstance(old, Treatment):
            changes |= diary_forms.treatment_fields(form, d)
        elif isinstance(old, Impression):
            value = diary_forms.number(form, "value", "The impression of change") or old.value
            changes |= {
                "value": value,
                "label": "",
                "notes": diary_forms.text(form, "notes", rules.MAX_NOTES),
            }
        else:
            raise InvalidInput("A saved finder result cannot be changed; delete it instead.")
        return d.edit(old.id, **changes)

    return _saved(await _in_pool(request, work, _zone(form)))


@router.post("/diary/{record_id}/delete", include_in_schema=False)
async def delete_record(request: Request, record_id: str) -> Response:
    """Delete, then show the diary with an Undo button (it carries the record back)."""
    deleted = await _in_pool(request, lambda d: d.delete(record_id))
    return await diary_page(request, deleted)


def _zone(form: FormData) -> str | None:
    return diary_forms.text(form, "zone", 64) or None


@router.get("/progress", include_in_schema=False)
@router.get("/progress.json", include_in_schema=False)
async def progress_page(request: Request) -> Response:
    chosen = request.query_params.get("days", "90")
    days = diary_views.period_days(chosen)
    p = await _in_pool(request, lambda d: d.progress(days))
    atlas = request.app.state.knotwork.kb.atlas
    data = diary_views.progress_page(p, atlas, chosen)
    context: dict[str, Any] = {"title": "Progress"}
    if not request.url.path.endswith(".json"):
        context["pictures"] = diary_views.progress_pictures(p, atlas)
    return twin(request, "progress.html", context, data)
