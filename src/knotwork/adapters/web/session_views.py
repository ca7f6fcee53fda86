"""The data behind the session pages (their JSON twins are exactly this data).

A plan is asked for with query parameters, so every link to a session (from the results, a
muscle page, a routine) is a plain, bookmarkable GET that works without JavaScript:

    muscle=upper-trapezius   side=left|right|both   hold=45   reps=2   routine=ID
    region=... text=... answer=fever:no (or a_fever=no) caution=pregnancy   (the screen)
"""

from __future__ import annotations

import dataclasses
from typing import Any
from urllib.parse import urlencode

from starlette.datastructures import FormData, QueryParams

from knotwork.adapters.web.forms import query_from_params
from knotwork.core.errors import InvalidInput, NotFound
from knotwork.core.finder.engine import noted_cautions, screening
from knotwork.core.finder.index import FinderIndex
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.plain import plain
from knotwork.core.release.plan import SIDES, Step
from knotwork.core.release.record import ROM_OF_AREA, Hold, Routine, Session
from knotwork.core.release.service import Ask, Plan, Release
from knotwork.core.release.stop import STOP_REASONS
from knotwork.core.safety.cautions import Personal, check_personal

CARRIED = ("muscle", "side", "hold", "reps", "routine", "region", "main", "text", "caution")


def sides_of(value: str) -> tuple[str, ...]:
    if value in ("", "both"):
        return SIDES
    if value in SIDES:
        return (value,)
    raise InvalidInput(f"side must be left, right or both, not '{value[:20]}'.")


def _number(params: QueryParams | FormData, name: str, high: int) -> int | None:
    raw = params.get(name, "")
    if not isinstance(raw, str) or not raw.strip():
        return None
    if not raw.strip().isdigit() or not 1 <= int(raw) <= high:
        raise InvalidInput(f"{name} must be a whole number 1 to {high}, not '{str(raw)[:20]}'.")
    return int(raw)


def ask_from(index: FinderIndex, release: Release, params: QueryParams) -> Ask:
    """The plan asked for: a routine's muscles and sides, or those given, with the screen."""
    kb = index.kb
    muscles = tuple(params.getlist("muscle"))
    sides = sides_of(params.get("side", ""))
    routine = params.get("routine", "").strip() or None
    if routine:
        try:
            saved = release.repo.get_routine(routine)
        except NotFound as error:  # a routine named in the request is its input
            raise InvalidInput(error.message) from None
        muscles, sides = muscles or saved.muscles, saved.sides
    query = query_from_params(kb, params)
    personal = check_personal(kb.safety, kb.atlas, Personal(query.cautions))
    marked: tuple[str, ...] = ()
    text = ""
    if query.marks or query.text:
        places, text, ev = screening(index, query)
        marked = tuple(places)
        noted = noted_cautions(kb, ev, text)
        personal = Personal({**noted.personal.factors, **personal.factors})
    return Ask(
        muscles=muscles,
        sides=sides,
        hold_seconds=_number(params, "hold", 600),
        repetitions=_number(params, "reps", 20),
        answers=query.answers,
        text=text,
        marked=marked,
        personal=personal,
        routine=routine,
    )


def carried(params: QueryParams) -> list[tuple[str, str]]:
    """What a session's forms carry to rebuild the same plan: its own parameters and the
    screen's answers (radio answers ``a_ID`` become ``answer=ID:yes|no``)."""
    pairs = [(k, v) for k, v in params.multi_items() if k in CARRIED or k == "answer"]
    pairs += [("answer", f"{k[2:]}:{v}") for k, v in params.multi_items() if k.startswith("a_")]
    return pairs


def pressure_text(step: Step) -> str:
    if not step.pressure:
        return "Firm but tolerable, never sharp."
    p = step.pressure
    return f"Firm but tolerable, never sharp: about {p} out of 10, never more than {p.max}."


def step_dict(n: int, step: Step, version: str) -> dict[str, Any]:
    data: dict[str, Any] = plain(step._asdict())
    side = step.side or "right"
    data |= {
        "index": n,
        "key": step.key,
        "seconds": step.seconds,
        "pressure_text": pressure_text(step),
        "side_label": f"{step.side} side" if step.side else "middle",
        "map": f"/maps/{step.muscle}/point-{step.point}.svg?side={side}&v={version}",
    }
    return data


def plan_dict(kb: KnowledgeBase, plan: Plan, params: QueryParams, version: str) -> dict[str, Any]:
    areas = {m.area for m in plan.muscles}
    rom = next((ROM_OF_AREA[a] for a in ("head-neck", "shoulder-arm") if a in areas), None)
    keep = carried(params)
    return {
        "ready": plan.ready,
        "muscles": [{"id": m.id, "name": m.name} for m in plan.muscles],
        "sides": list(plan.sides),
        "routine": plan.routine,
        "gate": plain(plan.gate._asdict()),
        "steps": [step_dict(n, s, version) for n, s in enumerate(plan.steps)],
        "skipped": [s._asdict() for s in plan.skipped],
        "refusals": [{**r._asdict(), "text": r.text} for r in plan.refusals],
        "seconds": plan.seconds,
        "minutes": round(plan.seconds / 60, 1),
        "rom_question": rom,
        "stop_reasons": [r._asdict() for r in STOP_REASONS],
        "carry": keep,
        "check": "/session?" + urlencode([p for p in keep if p[0] != "answer"]),
        "muscle_links": [{"href": f"/muscles/{m.id}", "name": m.name} for m in plan.muscles],
    }


# -- recording ------------------------------------------------------------------------------


def _score(form: FormData, name: str, field: str) -> int | None:
    raw = form.get(name, "")
    if not isinstance(raw, str) or raw.strip() == "":
        return None
    if not raw.strip().isdigit() or int(raw) > 10:
        raise InvalidInput(f"{field} must be a whole number 0 to 10, not '{str(raw)[:20]}'.")
    return int(raw)


def holds_from_form(plan: Plan, form: FormData) -> list[Hold]:
    """The checklist's steps ticked done, with the seconds, strokes, repetitions and
    pressure given (the player fills the same fields)."""
    holds = []
    for step in plan.steps:
        if form.get(f"done_{step.key}") != "on":
            continue
        amount = _number(form, f"amount_{step.key}", 3600)
        reps = _number(form, f"reps_{step.key}", 100) or step.repetitions
        holds.append(
            Hold(
                step.muscle,
                step.point,
                step.side,
                step.technique,
                seconds=(amount or step.hold_seconds) if step.hold_seconds else None,
                strokes=None if step.hold_seconds else (amount or step.strokes),
                repetitions=reps,
                pressure=_score(form, f"pressure_{step.key}", "Pressure"),
            )
        )
    return holds


def outcome_from_form(form: FormData) -> dict[str, Any]:
    ended = str(form.get("ended", "completed"))
    reason = str(form.get("stop_reason", "")) or None
    return {
        "pain_before": _score(form, "pain_before", "Pain before"),
        "pain_after": _score(form, "pain_after", "Pain after"),
        "rom_before": _score(form, "rom_before", "Movement before"),
        "rom_after": _score(form, "rom_after", "Movement after"),
        "ended": ended,
        "stop_reason": reason if ended == "stopped" else None,
    }


def session_dict(kb: KnowledgeBase, s: Session) -> dict[str, Any]:
    names = {m: kb.muscles[m].name for m in s.muscles if m in kb.muscles}
    reason = next((r for r in STOP_REASONS if r.id == s.stop_reason), None)
    return {
        "id": s.id,
        "short": s.id[:8],
        "at": s.when.utc.isoformat().replace("+00:00", "Z"),
        "zone": s.when.zone,
        "when": s.when.local.strftime("%a %d %b %Y, %H:%M"),
        "muscles": [{"id": m, "name": names.get(m, m)} for m in s.muscles],
        "holds": [
            {**dataclasses.asdict(h), "name": names.get(h.muscle, h.muscle)} for h in s.holds
        ],
        "seconds": sum((h.seconds or 0) * h.repetitions for h in s.holds),
        "pain_before": s.pain_before,
        "pain_after": s.pain_after,
        "rom_before": s.rom_before,
        "rom_after": s.rom_after,
        "ended": s.ended,
        "stop_reason": s.stop_reason,
        "stop": reason._asdict() if reason else None,
        "routine": s.routine,
        "treatments": list(s.treatments),
    }


def routine_dict(kb: KnowledgeBase, r: Routine) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "muscles": [{"id": m, "name": kb.muscles[m].name} for m in r.muscles if m in kb.muscles],
        "sides": list(r.sides),
        "every_days": r.every_days,
        "at": r.at,
        "start": f"/session?routine={r.id}",
        "ics": f"/routines/{r.id}.ics",
    }
