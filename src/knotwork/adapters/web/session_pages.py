"""Release sessions on the web: the player (``/session``), what it saved
(``/session/done/{id}``), Today (routines due, the morning check), routines and their
calendar files, and each point's map. Every page has its JSON twin (``.json``); forms carry
the CSRF token and answer with a redirect (303); bad input is the one error shape (422) and
saves nothing. The API twin of the recording form is ``POST /api/sessions``."""

from __future__ import annotations

from datetime import UTC, date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams

from knotwork import __version__
from knotwork.adapters.web import session_views as views
from knotwork.adapters.web.maps import SVG_CSP
from knotwork.adapters.web.respond import json_response, twin
from knotwork.adapters.web.session_schemas import SessionAnswer, SessionIn, session_answer
from knotwork.adapters.web.session_store import release
from knotwork.core.atlas.model import Side, View
from knotwork.core.atlas.render import Emphasis, Marker, render_map
from knotwork.core.errors import InvalidInput, NotFound, UnknownMuscle
from knotwork.core.kb.zones import zone_regions
from knotwork.core.release.ics import routine_ics
from knotwork.core.release.record import EVERY_DAYS, Hold
from knotwork.core.release.service import Release
from knotwork.core.release.soreness import ADVICE

router = APIRouter()


def _plan_data(request: Request, r: Release, params: QueryParams) -> dict[str, Any]:
    index = request.app.state.knotwork.index
    plan = r.plan(views.ask_from(index, r, params))
    return views.plan_dict(r.kb, plan, params, __version__)


@router.get("/session", include_in_schema=False)
@router.get("/session.json", include_in_schema=False)
async def session_page(request: Request) -> Response:
    r = release(request)
    data = await run_in_threadpool(_plan_data, request, r, request.query_params)
    return twin(request, "session.html", {"title": "Release session"}, data)


@router.post("/session", include_in_schema=False)
async def record_session(request: Request) -> Response:
    """The checklist form, and the player, which fills the same form and sends it."""
    form = await request.form()
    params = QueryParams([(k, v) for k, v in form.multi_items() if isinstance(v, str)])
    index = request.app.state.knotwork.index

    def work(r: Release) -> str:
        plan = r.plan(views.ask_from(index, r, params))
        holds = views.holds_from_form(plan, form)
        return r.record(plan, holds, **views.outcome_from_form(form)).id

    saved = await run_in_threadpool(work, release(request))
    return RedirectResponse(f"/session/done/{saved}", status_code=303)


@router.post(
    "/api/sessions",
    status_code=201,
    tags=["sessions"],
    summary="Record a session",
    response_model=SessionAnswer,
    responses={201: {"content": {"application/json": {"example": session_answer()}}}},
)
def record_session_api(request: Request, body: SessionIn) -> Response:
    """Plan the session again from the same inputs (muscles, sides, screen answers and
    cautions), check the holds against it (its points, doses and caps) and save the session
    with one treatment event per hold into the diary, in one transaction."""
    r = release(request)
    index = request.app.state.knotwork.index
    plan = r.plan(views.ask_from(index, r, body.params()))
    holds = [Hold(**h.model_dump()) for h in body.holds]
    saved = r.record(plan, holds, **body.outcome())
    return json_response({"ok": True, "session": views.session_dict(r.kb, saved)}, 201)


@router.get("/session/done/{session_id}", include_in_schema=False)
@router.get("/session/done/{session_id}.json", include_in_schema=False)
async def done_page(request: Request, session_id: str) -> Response:
    r = release(request)
    s = await run_in_threadpool(r.repo.get_session, session_id.removesuffix(".json"))
    data = {"session": views.session_dict(r.kb, s), "every": list(EVERY_DAYS)}
    return twin(request, "session_done.html", {"title": "Session saved"}, data)


@router.get("/today", include_in_schema=False)
@router.get("/today.json", include_in_schema=False)
async def today_page(request: Request) -> Response:
    r = release(request)
    light = request.query_params.get("light", "")

    def work() -> dict[str, Any]:
        today = r.today()
        with r.repo.reading():
            due = r.due()
            checks = r.checks()
            recent = r.repo.sessions(since=today, until=today)
        return {
            "today": today.isoformat(),
            "routines": [
                {
                    **views.routine_dict(r.kb, d.routine),
                    "due": d.due,
                    "last": d.last.isoformat() if d.last else None,
                }
                for d in due
            ],
            "checks": [
                {
                    "muscle": c.muscle,
                    "name": c.name,
                    "day": c.day.isoformat(),
                    "day_text": f"{c.day:%a %d %b}",
                }
                for c in checks
            ],
            "sessions": [views.session_dict(r.kb, s) for s in recent],
            "light": light if light in ADVICE else "",
            "advice": ADVICE.get(light, ""),  # type: ignore[call-overload]
        }

    data = await run_in_threadpool(work)
    return twin(request, "today.html", {"title": "Today"}, data)


@router.post("/today/soreness", include_in_schema=False)
async def check_soreness(request: Request) -> Response:
    form = await request.form()
    muscle = str(form.get("muscle", ""))
    raw = str(form.get("soreness", ""))
    if not raw.isdigit():
        raise InvalidInput("Say how sore it is today, 0 to 10.")
    day = str(form.get("day", ""))
    try:
        on = date.fromisoformat(day) if day else None
    except ValueError:
        raise InvalidInput(f"day must be YYYY-MM-DD, not '{day[:20]}'.") from None
    r = release(request)
    light = await run_in_threadpool(r.check_soreness, muscle, int(raw), on)
    return RedirectResponse(f"/today?light={light}#check", status_code=303)


@router.post("/routines", include_in_schema=False)
async def save_routine(request: Request) -> Response:
    form = await request.form()
    every = views._number(form, "every_days", EVERY_DAYS.stop - 1) or 1
    r = release(request)
    routine = await run_in_threadpool(
        r.save_routine,
        str(form.get("name", "")),
        [str(m) for m in form.getlist("muscle")],
        [str(s) for s in form.getlist("side")] or ["left", "right"],
        every,
        str(form.get("at", "")) or "08:00",
    )
    return RedirectResponse(f"/today#routine-{routine.id[:8]}", status_code=303)


@router.post("/routines/{routine_id}/delete", include_in_schema=False)
async def delete_routine(request: Request, routine_id: str) -> Response:
    r = release(request)
    await run_in_threadpool(r.repo.remove_routine, routine_id)
    return RedirectResponse("/today", status_code=303)


@router.get("/routines/{name}", include_in_schema=False)
async def routine_calendar(request: Request, name: str) -> Response:
    if not name.endswith(".ics"):
        raise NotFound("A routine's calendar file ends in .ics")
    r = release(request)
    routine = await run_in_threadpool(r.repo.get_routine, name.removesuffix(".ics"))
    names = [r.kb.muscles[m].name for m in routine.muscles if m in r.kb.muscles]
    base = f"{request.url.scheme}://{request.url.netloc}"
    body = routine_ics(
        routine, names, r.clock().astimezone(UTC), f"{base}/session?routine={routine.id}"
    )
    return Response(
        body.encode("utf-8"),
        media_type="text/calendar; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="knotwork-{routine.id[:8]}.ics"'},
    )


@router.get("/maps/{name}/{point}", include_in_schema=False)
async def point_map(request: Request, name: str, point: str) -> Response:
    """One trigger point on one side: its referral zones and its number, for the player."""
    kb = request.app.state.knotwork.kb
    number = point.removeprefix("point-").removesuffix(".svg")
    try:
        muscle = kb.muscle(name)
    except UnknownMuscle as error:
        raise NotFound(error.message) from None
    tp = next((p for p in muscle.trigger_points if str(p.number) == number), None)
    if tp is None or not point.endswith(".svg"):
        raise NotFound(f"The {muscle.name.lower()} has no trigger point '{number[:10]}'.")
    side = request.query_params.get("side", "right")
    if side not in ("left", "right"):
        raise InvalidInput("side must be left or right")
    one: Side = "left" if side == "left" else "right"
    highlights: dict[str, Emphasis] = {}
    for z in sorted(tp.referral, key=lambda z: z.kind == "essential"):  # essential wins
        for region in zone_regions(kb, z, one):
            highlights[region] = "essential" if z.kind == "essential" else "spillover"
    region = kb.atlas.sided(tp.location.site[0], one)
    title = f"{muscle.name}, trigger point {tp.number}, {side} side: {tp.location.lay}"
    marker = Marker(region, str(tp.number), title, view=tp.location.view)
    # Only the side of the body the point is pressed on, zoomed to it and its zones there,
    # so the spot is large enough to find.
    view: View = "front" if tp.location.view == "front" else "back"
    svg = render_map(kb.atlas, highlights, [marker], views=[view], crop=True, title=title)
    return Response(svg, media_type="image/svg+xml", headers={"content-security-policy": SVG_CSP})
