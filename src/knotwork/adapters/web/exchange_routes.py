"""Downloads of the whole diary: ``GET /api/diary/export?format=csv|json|fhir`` (the Download
buttons on the Diary and Progress pages are links to it). An attachment named for the day,
``no-store`` like every answer that holds the diary (caching.py)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from knotwork.adapters.exchange import MEDIA, export_bytes, file_name
from knotwork.adapters.web.diary_store import diary
from knotwork.core.diary.present import namer

router = APIRouter()
Format = Literal["csv", "json", "fhir"]
BINARY = {"schema": {"type": "string", "format": "binary"}}
DOCUMENT = {
    "type": "object",
    "description": "The versioned document; its full schema is schema/diary-export.schema.json",
    "required": ["format", "version", "entries", "treatments", "impressions", "findings"],
    "properties": {
        "format": {"const": "knotwork-diary"},
        "version": {"const": 1},
        **{
            name: {"type": "array", "items": {"type": "object"}}
            for name in ("entries", "treatments", "impressions", "findings")
        },
    },
}


def _example() -> dict[str, Any]:
    from knotwork import __version__
    from knotwork.adapters.web.diary_examples import ENTRY, IMPRESSION, TREATMENT, WHEN
    from knotwork.core.diary.repository import Contents
    from knotwork.core.exchange.document import export_document

    return export_document(Contents([ENTRY], [TREATMENT], [IMPRESSION]), WHEN.utc, __version__)


DOWNLOAD: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The whole diary as a file: a zip of CSV tables, the versioned JSON "
        "document (schema/diary-export.schema.json), or a FHIR R4 Bundle (docs/diary.md)",
        "content": {
            "application/zip": BINARY,
            "application/json": {"schema": DOCUMENT, "example": _example()},
            "application/fhir+json": {"schema": {"type": "object"}},
        },
        "headers": {
            "Content-Disposition": {
                "description": "attachment; filename=knotwork-diary-YYYY-MM-DD.zip (or .json, "
                ".fhir.json)",
                "schema": {"type": "string"},
            }
        },
    }
}


@router.get(
    "/api/diary/export",
    tags=["diary"],
    summary="Download the whole diary (CSV zip, JSON or FHIR R4)",
    response_class=Response,
    responses=DOWNLOAD,
)
def export(
    request: Request,
    format: Annotated[Format, Query(description="csv, json or fhir")] = "json",
) -> Response:
    d = diary(request)
    name = namer(request.app.state.knotwork.kb) if format == "fhir" else str
    store = request.app.state.knotwork.diary.open()
    repo = store.sessions()
    with repo.reading():  # one consistent view of records, sessions and routines
        contents, sessions, routines = repo.contents(), repo.sessions(), repo.routines()
    tests = store.fair_tests().tests()
    data = export_bytes(format, contents, d.clock(), name, "", sessions, routines, tests)
    filename = file_name(format, d.today().isoformat())
    return Response(
        data,
        media_type=MEDIA[format],
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )
