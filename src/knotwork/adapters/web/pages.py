"""The pages: home, find (where it hurts), check (safety questions), results, muscles,
evidence. Each page has a JSON twin at the same path plus ``.json``, built from the same data."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from knotwork.adapters.web import views
from knotwork.adapters.web.respond import twin
from knotwork.adapters.web.work import sized
from knotwork.core.atlas.render import zoom_parts
from knotwork.core.errors import AmbiguousMuscle, NothingUnderstood

router = APIRouter()


def state(request: Request) -> Any:
    return request.app.state.knotwork


def query_size(request: Request) -> int:
    """What a page's work grows with: the places, words and answers in its query."""
    return len(request.scope["query_string"])


@router.get("/", include_in_schema=False)
@router.get("/.json", include_in_schema=False)
async def home(request: Request) -> Response:
    data = views.home(state(request).kb)
    return twin(
        request, "home.html", {"title": "Knotwork: find the muscles behind your pain"}, data
    )


@router.get("/find", include_in_schema=False)
@router.get("/find.json", include_in_schema=False)
async def find_page(request: Request) -> Response:
    kb = state(request).kb
    data = views.find_form(kb, request.query_params)
    context: dict[str, Any] = {"title": "Where does it hurt?"}
    if not request.url.path.endswith(".json"):
        context["map_svg"] = views.find_map(kb, request.query_params)
        context["zoom"] = zoom_parts(kb.atlas)
    return twin(request, "find.html", context, data)


def back_to_find(request: Request, error: NothingUnderstood) -> Response:
    """Words that name no place: the Find page again, with everything the person gave kept
    and what would help said (the JSON twin answers the error itself)."""
    if request.url.path.endswith(".json"):
        raise error
    app = state(request)
    data = views.find_form(app.kb, request.query_params)
    data["problem"] = views.not_understood(app.index, request.query_params)
    context = {
        "title": "Where does it hurt?",
        "map_svg": views.find_map(app.kb, request.query_params),
        "zoom": zoom_parts(app.kb.atlas),
    }
    return twin(request, "find.html", context, data)


@router.get("/check", include_in_schema=False)
@router.get("/check.json", include_in_schema=False)
async def check_page(request: Request) -> Response:
    def answer() -> Response:
        try:
            data = views.check(state(request).index, request.query_params)
        except NothingUnderstood as error:
            return back_to_find(request, error)
        return twin(request, "check.html", {"title": "A few safety questions"}, data)

    return await sized(query_size(request), answer)


@router.get("/results", include_in_schema=False)
@router.get("/results.json", include_in_schema=False)
async def results_page(request: Request) -> Response:
    def answer() -> Response:
        try:
            data = views.results(state(request).index, request.query_params)
        except NothingUnderstood as error:
            return back_to_find(request, error)
        title = "Please seek care" if data["gate"] == "stop" else "What may be behind your pain"
        return twin(request, "results.html", {"title": title}, data)

    return await sized(query_size(request), answer)


@router.get("/muscles", include_in_schema=False)
@router.get("/muscles.json", include_in_schema=False)
async def muscles_page(request: Request) -> Response:
    params = request.query_params
    data = views.muscle_index(state(request).kb, params.get("q", ""))
    # A person sent here from a muscle page (a group name) keeps their screen and cautions.
    data["carry"] = views.carried(params)
    data["keep"] = urlencode(data["carry"])
    return twin(request, "muscles.html", {"title": "Muscles"}, data)


@router.get("/muscles/{muscle_id}", include_in_schema=False)
async def muscle_page(request: Request, muscle_id: str) -> Response:
    return await sized(query_size(request), lambda: _muscle_page(request, muscle_id))


def _muscle_page(request: Request, muscle_id: str) -> Response:
    key = muscle_id.removesuffix(".json")
    try:
        app = state(request)
        data = views.muscle(app.index, app.kb, key, request.query_params)
    except AmbiguousMuscle:
        if muscle_id.endswith(".json"):
            raise
        # A group name ("SCM") lists its parts rather than failing.
        kept = [(k, v) for k, v in request.query_params.multi_items() if k != "q"]
        return RedirectResponse(f"/muscles?{urlencode([('q', key), *kept])}", status_code=303)
    return twin(request, "muscle.html", {"title": data["muscle"]["name"]}, data)


@router.get("/evidence", include_in_schema=False)
@router.get("/evidence.json", include_in_schema=False)
async def evidence_page(request: Request) -> Response:
    data = views.evidence(state(request).kb)
    return twin(request, "evidence.html", {"title": "About the evidence"}, data)


@router.get("/places", include_in_schema=False)
@router.get("/places.json", include_in_schema=False)
async def places_page(request: Request) -> Response:
    kb = state(request).kb
    data = views.places_index(kb, request.query_params)
    context: dict[str, Any] = {"title": "Which muscles refer pain here?"}
    if not request.url.path.endswith(".json"):
        context["map_svg"] = views.places_map(kb, request.query_params)
    return twin(request, "places.html", context, data)


@router.get("/places/{region}", include_in_schema=False)
async def place_page(request: Request, region: str) -> Response:
    return await sized(query_size(request), lambda: _place_page(request, region))


def _place_page(request: Request, region: str) -> Response:
    app = state(request)
    data = views.place(app.index, app.kb, region.removesuffix(".json"), request.query_params)
    title = (
        "Please seek care"
        if data["gate"] == "stop"
        else f"Muscles that refer pain to {data['place']['phrase']}"
    )
    context: dict[str, Any] = {"title": title}
    if not region.endswith(".json"):
        chosen = (data["place"]["id"],)
        context["map_svg"] = views.places_map(app.kb, request.query_params, chosen)
        context["groups"] = views.places_index(app.kb, request.query_params)["groups"]
    return twin(request, "place.html", context, data)
