"""The Diary page's forms (url-encoded posts) turned into record fields.

    an entry:    region=ID (one per place row), pain_ID=0-10, quality_ID=... (several),
                 new_region=ID and new_pain=0-10 (a place added), pain (overall, optional),
                 context=..., peg_pain/peg_enjoyment/peg_activity, sleep_hours, sleep_quality,
                 notes, at (YYYY-MM-DDTHH:MM, local), zone (the browser's IANA zone)
    a treatment: kind, muscle, technique, side, on (region), tool, seconds, strokes,
                 repetitions, pressure, medication, dose, regular, professional, felt_during,
                 relief, soreness, notes, at, zone
    an impression: value (1-7), notes, at, zone

A place row whose pain is left empty is dropped (that is how a place is taken out). Bad input
is ``InvalidInput`` naming the field; nothing is saved.
"""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData

from knotwork.core.diary import parse, rules
from knotwork.core.diary.model import Peg, RegionRating, Sleep
from knotwork.core.diary.service import Diary
from knotwork.core.diary.treatment import Dose, Medication
from knotwork.core.diary.when import When, parse_local
from knotwork.core.errors import InvalidInput

MAX_FIELD = rules.MAX_NOTES


def text(form: FormData, name: str, limit: int = 200) -> str:
    value = form.get(name, "")
    if not isinstance(value, str):
        raise InvalidInput(f"{name} must be text.")
    if len(value) > limit:
        raise InvalidInput(f"{name} is too long (at most {limit} characters).")
    return value.strip()


def number(form: FormData, name: str, what: str) -> int | None:
    value = text(form, name, 12)
    return None if value == "" else parse.whole(value, what)


def texts(form: FormData, name: str) -> list[str]:
    return [v.strip() for v in form.getlist(name) if isinstance(v, str) and v.strip()]


def when(form: FormData, diary: Diary) -> tuple[When | None, str]:
    """The time given (or now) in the zone given (or the server's)."""
    zone = text(form, "zone", 64) or diary.zone
    at = text(form, "at", 40)
    return (parse_local(at, zone, diary.clock()) if at else None), zone


def places(form: FormData) -> tuple[RegionRating, ...]:
    rows = []
    for region in texts(form, "region"):
        pain = number(form, f"pain_{region}", f"Pain in {region}")
        if pain is not None:
            rows.append(RegionRating(region, pain, tuple(texts(form, f"quality_{region}"))))
    added = text(form, "new_region", 60)
    if added:
        pain = number(form, "new_pain", "Pain in the place added")
        if pain is None:
            raise InvalidInput("Say how much the place added hurts (0-10).")
        if any(r.region == added for r in rows):
            raise InvalidInput(f"{added} is already in this entry.")
        rows.append(RegionRating(added, pain, tuple(texts(form, "new_quality"))))
    return tuple(rows)


def entry_fields(form: FormData) -> dict[str, Any]:
    peg = [number(form, f"peg_{k}", f"PEG {k}") for k in ("pain", "enjoyment", "activity")]
    if any(v is not None for v in peg) and not all(v is not None for v in peg):
        raise InvalidInput("PEG-3 needs all three answers (pain, enjoyment of life, activity).")
    hours_text = text(form, "sleep_hours", 12)
    hours = parse.hours(hours_text) if hours_text else None
    quality = number(form, "sleep_quality", "Sleep quality")
    return {
        "pain": number(form, "pain", "Overall pain"),
        "regions": places(form),
        "peg": Peg(*peg) if peg[0] is not None else None,  # type: ignore[arg-type]
        "sleep": Sleep(hours, quality) if hours is not None or quality is not None else None,
        "contexts": tuple(texts(form, "context")),
        "notes": text(form, "notes", MAX_FIELD),
    }


def treatment_fields(form: FormData, diary: Diary) -> dict[str, Any]:
    kind = text(form, "kind", 20)
    muscle_name = text(form, "muscle", 80)
    muscle = diary.checks.muscle(muscle_name).id if muscle_name else None
    technique = text(form, "technique", 80) or None
    tool = text(form, "tool", 40) or None
    if tool is None and muscle and technique:
        tool = diary.checks.technique_tool(muscle, technique)
    medication = text(form, "medication", rules.MAX_NAME)
    return {
        "kind": kind,
        "muscle": muscle,
        "technique": technique,
        "side": text(form, "side", 8) or None,
        "region": text(form, "on", 60) or None,
        "tool": tool,
        "dose": Dose(
            number(form, "seconds", "Seconds"),
            number(form, "strokes", "Strokes"),
            number(form, "repetitions", "Repetitions"),
            number(form, "pressure", "Pressure"),
        ),
        "medication": Medication(
            medication,
            text(form, "dose", rules.MAX_NAME),
            "regular" if form.get("regular") else "as-needed",
        )
        if medication or kind == "medication"
        else None,
        "professional": text(form, "professional", 20) or None,
        "felt_during": number(form, "felt_during", "How it felt during"),
        "relief": number(form, "relief", "Relief right after"),
        "soreness": text(form, "soreness", 10) or None,
        "notes": text(form, "notes", MAX_FIELD),
    }
