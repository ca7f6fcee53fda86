"""The diary's JSON API, under /api/diary (described at /openapi.json).

    GET    /api/diary                       the records, newest first (?since=&until=&limit=)
    POST   /api/diary/entries               a new entry           -> 201 {"ok", "record"}
    PUT    /api/diary/entries/{id}          replace an entry's fields
    POST   /api/diary/treatments            a new treatment       -> 201
    PUT    /api/diary/treatments/{id}
    POST   /api/diary/impressions           the weekly PGIC       -> 201
    POST   /api/diary/findings              run the finder on a body like /api/find and save
                                            what it showed        -> 201
    GET    /api/diary/records/{id}          one record (any kind; 4+ characters of its id)
    DELETE /api/diary/records/{id}          delete it; the answer holds it, for an undo
    POST   /api/diary/records               put a deleted record back as it was (the undo)
    GET    /api/diary/last-places           the last entry's places, to repeat them
    GET    /api/diary/progress?days=90      pain over time, by place, the change since the start

Each write is one transaction: saved whole or not at all; bad input is a 422 in the one error
shape and changes nothing. Handlers are plain functions: FastAPI runs them in its thread pool,
so a write waiting for the disk does not hold up other requests.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from knotwork.adapters.web.diary_examples import example
from knotwork.adapters.web.diary_schemas import (
    EntryIn,
    ImpressionIn,
    PlacesAnswer,
    ProgressAnswer,
    RecordAnswer,
    RecordIn,
    RecordsAnswer,
    TreatmentIn,
)
from knotwork.adapters.web.diary_store import diary
from knotwork.adapters.web.forms import FindIn
from knotwork.adapters.web.respond import json_response
from knotwork.core.diary.codec import from_dict, to_dict
from knotwork.core.diary.model import Entry
from knotwork.core.diary.parse import region_text
from knotwork.core.diary.present import progress_dict
from knotwork.core.diary.repository import Record
from knotwork.core.diary.treatment import Treatment
from knotwork.core.errors import InvalidInput, NotFound

router = APIRouter(prefix="/api/diary", tags=["diary"])
# The error answers (the one shape) are documented for every operation by openapi.py.
ERRORS: dict[int | str, dict[str, Any]] = {}
ONE: dict[int | str, dict[str, Any]] = {}
# A day as text, read strictly (a number is not a day, as a lax date parser would have it).
DayParam = Annotated[
    str | None,
    Query(description="A local day, YYYY-MM-DD", pattern=r"^\d{4}-\d{2}-\d{2}$", max_length=10),
]


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{name} must be a date (YYYY-MM-DD), not '{value}'.") from None


def _record(record: Record, status: int = 200) -> Response:
    return json_response({"ok": True, "record": to_dict(record)}, status=status)


@router.get(
    "",
    summary="The diary's records, newest first",
    response_model=RecordsAnswer,
    responses={**ERRORS, **example("list")},
)
def list_records(
    request: Request,
    since: DayParam = None,
    until: DayParam = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> Response:
    records = diary(request).timeline(_day(since, "since"), _day(until, "until"), limit)
    return json_response({"ok": True, "records": [to_dict(r) for r in records]})


@router.post(
    "/entries",
    status_code=201,
    summary="Add an entry",
    response_model=RecordAnswer,
    responses={**ERRORS, **example("entry", 201)},
)
def add_entry(request: Request, body: EntryIn) -> Response:
    d = diary(request, body.zone)
    return _record(d.add_entry(body.when(d), **body.fields(d)), 201)


@router.put(
    "/entries/{record_id}",
    summary="Change an entry",
    response_model=RecordAnswer,
    responses={**ONE, **example("entry")},
)
def edit_entry(request: Request, record_id: str, body: EntryIn) -> Response:
    d = diary(request, body.zone)
    old = _of_kind(d.get(record_id), Entry)
    fields = body.fields(d)
    if fields["pain"] is None:
        fields["pain"] = max((r.pain for r in fields["regions"]), default=old.pain)
    when = body.when(d)
    return _record(d.edit(old.id, **fields, **({"when": when} if when else {})))


@router.post(
    "/treatments",
    status_code=201,
    summary="Add a treatment",
    response_model=RecordAnswer,
    responses={**ERRORS, **example("treatment", 201)},
)
def add_treatment(request: Request, body: TreatmentIn) -> Response:
    d = diary(request, body.zone)
    return _record(d.add_treatment(body.when(d), **body.fields(d)), 201)


@router.put(
    "/treatments/{record_id}",
    summary="Change a treatment",
    response_model=RecordAnswer,
    responses={**ONE, **example("treatment")},
)
def edit_treatment(request: Request, record_id: str, body: TreatmentIn) -> Response:
    d = diary(request, body.zone)
    old = _of_kind(d.get(record_id), Treatment)
    when = body.when(d)
    return _record(d.edit(old.id, **body.fields(d), **({"when": when} if when else {})))


@router.post(
    "/impressions",
    status_code=201,
    summary="Add the weekly impression of change",
    response_model=RecordAnswer,
    responses={**ERRORS, **example("impression", 201)},
)
def add_impression(request: Request, body: ImpressionIn) -> Response:
    d = diary(request, body.zone)
    return _record(d.add_impression(body.value, body.when(d), body.notes), 201)


@router.post(
    "/findings",
    status_code=201,
    summary="Run the finder and save what it showed",
    response_model=RecordAnswer,
    responses={**ERRORS, **example("entry", 201)},
)
def add_finding(request: Request, body: FindIn) -> Response:
    from knotwork.core.diary.findings import finding_fields
    from knotwork.core.finder.engine import find

    index = request.app.state.knotwork.index
    query = body.to_query(index.kb)
    d = diary(request)
    return _record(d.save_finding(**finding_fields(query, find(index, query))), 201)


@router.get(
    "/records/{record_id}",
    summary="One record",
    response_model=RecordAnswer,
    responses={**ONE, **example("entry")},
)
def get_record(request: Request, record_id: str) -> Response:
    return _record(diary(request).get(record_id))


@router.delete(
    "/records/{record_id}",
    summary="Delete a record (the answer holds it, to undo)",
    response_model=RecordAnswer,
    responses={**ONE, **example("entry")},
)
def delete_record(request: Request, record_id: str) -> Response:
    return _record(diary(request).delete(record_id))


@router.post(
    "/records",
    status_code=201,
    summary="Put a deleted record back (undo)",
    response_model=RecordAnswer,
    responses={**ERRORS, **example("entry", 201)},
)
def restore_record(request: Request, body: RecordIn) -> Response:
    return _record(diary(request).undo_delete(from_dict(body.model_dump())), 201)


@router.get(
    "/last-places",
    summary="The last entry's places, to repeat",
    response_model=PlacesAnswer,
    responses={**ERRORS, **example("places")},
)
def last_places(request: Request) -> Response:
    places = diary(request).last_places()
    return json_response(
        {
            "ok": True,
            "regions": [
                {"region": r.region, "pain": r.pain, "qualities": list(r.qualities)} for r in places
            ],
            "as_text": [region_text(r) for r in places],
        }
    )


@router.get(
    "/progress",
    summary="Pain over time, by place, and the change since the start",
    response_model=ProgressAnswer,
    responses={**ERRORS, **example("progress")},
)
def progress(
    request: Request,
    days: Annotated[int, Query(ge=7, le=3660, description="The last N days")] = 90,
    whole: Annotated[bool, Query(alias="all", description="The whole diary")] = False,
) -> Response:
    p = diary(request).progress(None if whole else days)
    return json_response({"ok": True, **progress_dict(p)})


R = TypeVar("R", Entry, Treatment)


def _of_kind(record: Record, kind: type[R]) -> R:
    if not isinstance(record, kind):
        raise NotFound(f"{record.id} is not a {kind.__name__.lower()}.")
    return record
