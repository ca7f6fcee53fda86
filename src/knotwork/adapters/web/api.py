"""The JSON API (described at /openapi.json): the finder, the screen, muscles and regions.

Unsafe requests take JSON only (415 otherwise, before anything reads the body: a form or text
body from another site never reaches the finder; csrf.py). The documented schemas, examples
and errors of each operation are completed in ``openapi.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from knotwork.adapters.web.forms import FindIn, ScreenIn, check_keys, parse_body
from knotwork.adapters.web.respond import json_response
from knotwork.adapters.web.schemas import (
    FindOut,
    MuscleOut,
    MusclesOut,
    RegionsOut,
    SafetyOut,
)
from knotwork.adapters.web.work import sized
from knotwork.core.finder.engine import find, screening
from knotwork.core.finder.query import Mark
from knotwork.core.finder.query import Query as FinderQuery
from knotwork.core.kb.present import muscle_summary
from knotwork.core.safety.screen import screen

# Unsafe requests here take JSON only (csrf.JSON_ONLY): 415 otherwise, before the body is read.
router = APIRouter(prefix="/api", tags=["api"])


def _index(request: Request) -> Any:
    return request.app.state.knotwork.index


def _kb(request: Request) -> Any:
    return request.app.state.knotwork.kb


B = TypeVar("B", FindIn, ScreenIn)


async def answer_body(
    request: Request, model: type[B], work: Callable[[B], dict[str, Any]]
) -> Response:
    """Read the JSON body, check it against ``model`` and the limit on answers, and answer
    ``work(body)``: inline for a small body, in a thread for a large one (work.py)."""
    raw = await request.body()
    limit = int(request.app.state.knotwork.settings.limits.max_answers)

    def answer() -> Response:
        body = parse_body(model, raw)
        check_keys(limit, **body.keyed())
        return json_response(work(body))

    return await sized(len(raw), answer)


@router.post(
    "/find",
    summary="Rank the muscles that may refer pain to the marked places",
    responses={200: {"model": FindOut, "description": "The finder's document"}},
    openapi_extra={"x-knotwork-body": "FindIn"},
)
async def api_find(request: Request) -> Response:
    """The same document as `knotwork find --json` (see docs/finder.md): `safety`,
    `understood`, `candidates`, `explains_all`. A red flag is an answer: still 200."""
    # The body is validated by pydantic's JSON parser directly: the busiest endpoint skips
    # the framework's request-model machinery (see bench/web_load.py).
    index = _index(request)
    return await answer_body(request, FindIn, lambda body: find(index, body.to_query(index.kb)))


@router.post(
    "/screen",
    summary="Screen for red flags",
    responses={200: {"model": SafetyOut, "description": "The safety block"}},
    openapi_extra={"x-knotwork-body": "ScreenIn"},
)
async def api_screen(request: Request) -> Response:
    """The questions for the places marked or named in `text`, and any flag raised."""
    index = _index(request)

    def safety(body: ScreenIn) -> dict[str, Any]:
        marks = tuple(Mark(r) for r in body.region_ids())
        places, text, _ = screening(index, FinderQuery(marks=marks, text=body.text))
        kb = index.kb
        return screen(kb.safety, kb.atlas, places, text, body.answers).as_dict()

    return await answer_body(request, ScreenIn, safety)


@router.get(
    "/muscles",
    summary="List muscles",
    responses={200: {"model": MusclesOut, "description": "Every muscle, or one area's"}},
)
async def api_muscles(
    request: Request,
    area: Annotated[str | None, Query(description="Only this body area's muscles")] = None,
) -> Response:
    kb = _kb(request)
    muscles = kb.in_area(area) if area is not None else list(kb)
    return json_response({"ok": True, "muscles": [muscle_summary(m) for m in muscles]})


@router.get(
    "/muscles/{muscle_id}",
    summary="One muscle, in full",
    responses={200: {"model": MuscleOut, "description": "The muscle for the person asking"}},
)
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


@router.get(
    "/regions",
    summary="The body atlas regions",
    responses={200: {"model": RegionsOut, "description": "Every sided region"}},
)
async def api_regions(request: Request) -> Response:
    from knotwork.adapters.cli.atlas_cmd import region_json

    atlas = _index(request).kb.atlas
    return json_response({"ok": True, "regions": [region_json(r) for r in atlas]})
