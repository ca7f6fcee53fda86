"""Referral maps as standalone SVG images (the drawing's own style applies). How long a
browser may keep one is decided with every other response's, in caching.py."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from knotwork.core.atlas.model import VIEWS
from knotwork.core.atlas.render import render_map
from knotwork.core.errors import InvalidInput, NotFound, UnknownMuscle
from knotwork.core.kb.maps import map_sides, referral_highlights, trigger_markers

router = APIRouter()
# An SVG image may style itself; it can never run scripts when shown through <img>.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'"


@router.get("/maps/{name}", include_in_schema=False)
async def referral_svg(request: Request, name: str) -> Response:
    kb = request.app.state.knotwork.kb
    if not name.endswith(".svg"):
        raise NotFound("Maps are served as .svg")
    try:
        muscle = kb.muscle(name.removesuffix(".svg"))
    except UnknownMuscle as error:
        raise NotFound(error.message) from None
    side = request.query_params.get("side", "right")
    if side not in ("left", "right", "both", "either"):
        raise InvalidInput("side must be left, right, both or either")
    view = request.query_params.get("view", "")
    if view not in ("", *VIEWS):
        raise InvalidInput("view must be front or back")
    highlights = {}
    markers = []
    for one in map_sides(side):
        highlights.update(referral_highlights(kb, muscle, one))
        markers += trigger_markers(kb, muscle, one)
    marks = [m for m in request.query_params.getlist("mark") if m in kb.atlas]
    # One view, zoomed to the part (the pages show each view as wide as the column), or
    # both views side by side.
    svg = render_map(
        kb.atlas,
        highlights,
        markers,
        views=[v for v in VIEWS if v == view] or VIEWS,
        selected=marks,
        crop=True,
        tight=bool(view),
        title=f"Where the {muscle.name.lower()} refers pain" + (f", {view} view" if view else ""),
    )
    return Response(
        svg,
        media_type="image/svg+xml",
        headers={"content-security-policy": SVG_CSP},
    )
