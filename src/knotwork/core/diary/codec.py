"""Diary records as plain JSON-ready dicts and back: the CLI's ``--json``, the API and the
backup file all use this one shape. Reading a dict builds the record, so every invariant is
checked again; a bad field is ``InvalidInput`` naming it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from knotwork.core.diary.model import Entry, Peg, RegionRating, Sleep
from knotwork.core.diary.records import Finding, Impression, Mark
from knotwork.core.diary.repository import Record, RecordKind, kind_of
from knotwork.core.diary.treatment import Dose, Medication, Treatment
from knotwork.core.diary.when import When
from knotwork.core.errors import InvalidInput


def when_dict(when: When) -> dict[str, str]:
    return {
        "at": when.utc.isoformat().replace("+00:00", "Z"),
        "zone": when.zone,
        "local": when.local.isoformat(timespec="minutes"),
    }


def to_dict(record: Record) -> dict[str, Any]:
    head: dict[str, Any] = {"id": record.id, "kind": kind_of(record), **when_dict(record.when)}
    if isinstance(record, Entry):
        return head | _entry(record)
    if isinstance(record, Treatment):
        return head | _treatment(record)
    if isinstance(record, Impression):
        return head | {"value": record.value, "label": record.label, "notes": record.notes}
    return head | _finding(record)


def _entry(e: Entry) -> dict[str, Any]:
    return {
        "pain": e.pain,
        "regions": [
            {"region": r.region, "pain": r.pain, "qualities": list(r.qualities)} for r in e.regions
        ],
        "peg": None
        if e.peg is None
        else {
            "pain": e.peg.pain,
            "enjoyment": e.peg.enjoyment,
            "activity": e.peg.activity,
            "score": e.peg.score,
        },
        "sleep": None if e.sleep is None else {"hours": e.sleep.hours, "quality": e.sleep.quality},
        "contexts": list(e.contexts),
        "notes": e.notes,
    }


def _treatment(t: Treatment) -> dict[str, Any]:
    m = t.medication
    return {
        "type": t.kind,
        "muscle": t.muscle,
        "technique": t.technique,
        "side": t.side,
        "region": t.region,
        "tool": t.tool,
        "dose": {
            "seconds": t.dose.seconds,
            "strokes": t.dose.strokes,
            "repetitions": t.dose.repetitions,
            "pressure": t.dose.pressure,
        },
        "medication": None
        if m is None
        else {"name": m.name, "dose": m.dose, "schedule": m.schedule},
        "professional": t.professional,
        "felt_during": t.felt_during,
        "relief": t.relief,
        "soreness": t.soreness,
        "notes": t.notes,
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "marks": [{"region": m.region, "intensity": m.intensity, "main": m.main} for m in f.marks],
        "text": f.text,
        "answers": dict(f.answers),
        "muscles": list(f.muscles),
        "press": dict(f.press),
        "cautions": list(f.cautions),
        "level": f.level,
    }


def from_dict(data: Mapping[str, Any]) -> Record:
    """A record from ``to_dict``'s shape (extra keys such as ``local`` are ignored)."""
    try:
        kind: RecordKind = data["kind"]
        record_id = data["id"]
        when = When(datetime.fromisoformat(data["at"].replace("Z", "+00:00")), data["zone"])
        if kind == "entry":
            return _read_entry(record_id, when, data)
        if kind == "treatment":
            return _read_treatment(record_id, when, data)
        if kind == "impression":
            return Impression(record_id, when, data["value"], data["label"], data.get("notes", ""))
        if kind == "finding":
            return _read_finding(record_id, when, data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InvalidInput(
            f"A diary record is malformed ({type(error).__name__}: {error})."
        ) from None
    raise InvalidInput(f"Unknown kind of diary record '{kind}'.")


def _read_entry(record_id: str, when: When, d: Mapping[str, Any]) -> Entry:
    peg, sleep = d.get("peg"), d.get("sleep")
    return Entry(
        record_id,
        when,
        d["pain"],
        tuple(RegionRating(r["region"], r["pain"], tuple(r["qualities"])) for r in d["regions"]),
        Peg(peg["pain"], peg["enjoyment"], peg["activity"]) if peg else None,
        Sleep(sleep["hours"], sleep["quality"]) if sleep else None,
        tuple(d["contexts"]),
        d["notes"],
    )


def _read_treatment(record_id: str, when: When, d: Mapping[str, Any]) -> Treatment:
    dose, med = d.get("dose") or {}, d.get("medication")
    return Treatment(
        record_id,
        when,
        d["type"],
        muscle=d.get("muscle"),
        technique=d.get("technique"),
        side=d.get("side"),
        region=d.get("region"),
        tool=d.get("tool"),
        dose=Dose(**{k: dose.get(k) for k in ("seconds", "strokes", "repetitions", "pressure")}),
        medication=Medication(med["name"], med["dose"], med["schedule"]) if med else None,
        professional=d.get("professional"),
        felt_during=d.get("felt_during"),
        relief=d.get("relief"),
        soreness=d.get("soreness"),
        notes=d.get("notes", ""),
    )


def _read_finding(record_id: str, when: When, d: Mapping[str, Any]) -> Finding:
    return Finding(
        record_id,
        when,
        tuple(Mark(m["region"], m["intensity"], m["main"]) for m in d["marks"]),
        d["text"],
        tuple((str(k), bool(v)) for k, v in d["answers"].items()),
        tuple(d["muscles"]),
        tuple((str(k), str(v)) for k, v in d["press"].items()),
        tuple(d["cautions"]),
        d["level"],
    )
