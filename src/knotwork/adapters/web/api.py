"""The JSON API (described at /openapi.json): the finder, the screen, muscles and regions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from knotwork.adapters.web.forms import FindIn, ScreenIn, parse_body
from knotwork.adapters.web.respond import json_response
from knotwork.core.finder.engine import find, screening
from knotwork.core.finder.query import Mark
from knotwork.core.finder.query import Query as FinderQuery
from knotwork.core.kb.present import muscle_summary
from knotwork.core.safety.screen import screen

ERROR = {
    "description": "Bad input: the one error shape",
    "content": {
        "application/json": {
            "example": {
                "ok": False,
                "status": 422,
                "error": {
                    "code": "unknown_region",
                    "message": "Unknown body region 'templ-left'. Did you mean: temple-left?",
                    "suggestions": ["temple-left"],
                    "details": [],
                },
            }
        }
    },
}

router = APIRouter(prefix="/api", tags=["api"])


def _index(request: Request) -> Any:
    return request.app.state.knotwork.index


def _kb(request: Request) -> Any:
    return request.app.state.knotwork.kb


@router.post(
    "/find",
    responses={422: ERROR},
    summary="Rank the muscles that may refer pain to the marked places",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": FindIn.model_json_schema()}},
        }
    },
)
async def api_find(request: Request) -> Response:
    """The same document as `knotwork find --json` (see docs/finder.md): `safety`,
    `understood`, `candidates`, `explains_all`. A red flag is an answer: still 200."""
    # The body is validated by pydantic's JSON parser directly: the busiest endpoint skips
    # the framework's request-model machinery (see bench/web_load.py).
    body = parse_body(FindIn, await request.body())
    index = _index(request)
    return json_response(find(index, body.to_query(index.kb)))


@router.post("/screen", responses={422: ERROR}, summary="Screen for red flags")
async def api_screen(request: Request, body: ScreenIn) -> Response:
    """The questions for the places marked or named in `text`, and any flag raised."""
    index = _index(request)
    marks = tuple(Mark(r) for r in body.region_ids())
    places, text, _ = screening(index, FinderQuery(marks=marks, text=body.text))
    kb = index.kb
    return json_response(screen(kb.safety, kb.atlas, places, text, body.answers).as_dict())


@router.get("/muscles", summary="List muscles")
async def api_muscles(request: Request, area: str | None = Query(None)) -> Response:
    kb = _kb(request)
    muscles = kb.in_area(area) if area else list(kb)
    return json_response({"ok": True, "muscles": [muscle_summary(m) for m in muscles]})


@router.get("/muscles/{muscle_id}", responses={404: ERROR}, summary="One muscle, in full")
async def api_muscle(
    request: Request,
    muscle_id: str,
    caution: Annotated[
        list[str] | None, Query(description="FACTOR or FACTOR:SITE,SITE; filters techniques")
    ] = None,
    answer: Annotated[
        list[str] | None, Query(description="QUESTION:yes or QUESTION:no; a yes gates")
    ] = None,
    region: Annotated[
        list[str] | None, Query(description="Where it hurts (ID[:INTENSITY]), to screen")
    ] = None,
    text: Annotated[
        str | None, Query(description="The complaint in words, to screen and read cautions")
    ] = None,
) -> Response:
    """One muscle for the person asking, as on the muscle page: cautions filter the
    techniques; with places or words given the screen for them applies (a flag hides the
    techniques, unanswered questions hold them), else only the answers do. The declared
    parameters document the query; they are read from it as the page reads them."""
    from knotwork.adapters.web.views import muscle_data

    del caution, answer, region, text  # read below from the query, with the page's parsing

    kb = _kb(request)
    data = muscle_data(_index(request), kb, kb.muscle(muscle_id), request.query_params)
    return json_response({"ok": True, "muscle": data})


@router.get("/regions", summary="The body atlas regions")
async def api_regions(request: Request) -> Response:
    from knotwork.adapters.cli.atlas_cmd import region_json

    atlas = _index(request).kb.atlas
    return json_response({"ok": True, "regions": [region_json(r) for r in atlas]})
