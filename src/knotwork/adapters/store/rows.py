"""Diary records to table rows and back (one function each way per kind)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, Protocol

from knotwork.core.diary.model import Entry, Peg, RegionRating, Sleep
from knotwork.core.diary.records import Finding, Impression, Mark
from knotwork.core.diary.treatment import Dose, Medication, Treatment
from knotwork.core.diary.when import When

Values = dict[str, Any]


class Stamped(Protocol):
    """Anything saved with an id and a moment: diary records, sessions, routines."""

    @property
    def id(self) -> str: ...

    @property
    def when(self) -> When: ...


def stamp(person: int, record: Stamped) -> Values:
    return {
        "person_id": person,
        "id": record.id,
        "at_utc": record.when.utc.replace(tzinfo=None),
        "zone": record.when.zone,
        "day": record.when.day,
    }


def when(row: Any) -> When:
    return When(row.at_utc.replace(tzinfo=UTC), row.zone)


def entry_values(person: int, e: Entry) -> Values:
    peg, sleep = e.peg, e.sleep
    return stamp(person, e) | {
        "pain": e.pain,
        "peg_pain": peg.pain if peg else None,
        "peg_enjoyment": peg.enjoyment if peg else None,
        "peg_activity": peg.activity if peg else None,
        "sleep_hours": sleep.hours if sleep else None,
        "sleep_quality": sleep.quality if sleep else None,
        "contexts": json.dumps(list(e.contexts)),
        "notes": e.notes,
    }


def region_values(person: int, e: Entry) -> list[Values]:
    return [
        {
            "person_id": person,
            "entry_id": e.id,
            "region": r.region,
            "position": n,
            "pain": r.pain,
            "qualities": json.dumps(list(r.qualities)),
        }
        for n, r in enumerate(e.regions)
    ]


def entry_from(row: Any, regions: list[Any]) -> Entry:
    peg = None
    if row.peg_pain is not None:
        peg = Peg(row.peg_pain, row.peg_enjoyment, row.peg_activity)
    sleep = None
    if row.sleep_hours is not None or row.sleep_quality is not None:
        sleep = Sleep(row.sleep_hours, row.sleep_quality)
    return Entry(
        row.id,
        when(row),
        row.pain,
        tuple(RegionRating(r.region, r.pain, tuple(json.loads(r.qualities))) for r in regions),
        peg,
        sleep,
        tuple(json.loads(row.contexts)),
        row.notes,
    )


def treatment_values(person: int, t: Treatment) -> Values:
    med = t.medication
    return stamp(person, t) | {
        "kind": t.kind,
        "muscle": t.muscle,
        "technique": t.technique,
        "side": t.side,
        "region": t.region,
        "tool": t.tool,
        "seconds": t.dose.seconds,
        "strokes": t.dose.strokes,
        "repetitions": t.dose.repetitions,
        "pressure": t.dose.pressure,
        "medication": med.name if med else None,
        "medication_dose": med.dose if med else None,
        "medication_schedule": med.schedule if med else None,
        "professional": t.professional,
        "felt_during": t.felt_during,
        "relief": t.relief,
        "soreness": t.soreness,
        "notes": t.notes,
    }


def treatment_from(row: Any) -> Treatment:
    med = None
    if row.medication is not None:
        med = Medication(row.medication, row.medication_dose, row.medication_schedule)
    return Treatment(
        row.id,
        when(row),
        row.kind,
        muscle=row.muscle,
        technique=row.technique,
        side=row.side,
        region=row.region,
        tool=row.tool,
        dose=Dose(row.seconds, row.strokes, row.repetitions, row.pressure),
        medication=med,
        professional=row.professional,
        felt_during=row.felt_during,
        relief=row.relief,
        soreness=row.soreness,
        notes=row.notes,
    )


def impression_values(person: int, i: Impression) -> Values:
    return stamp(person, i) | {"value": i.value, "label": i.label, "notes": i.notes}


def impression_from(row: Any) -> Impression:
    return Impression(row.id, when(row), row.value, row.label, row.notes)


def finding_values(person: int, f: Finding) -> Values:
    document = {
        "marks": [[m.region, m.intensity, m.main] for m in f.marks],
        "text": f.text,
        "answers": [list(a) for a in f.answers],
        "muscles": list(f.muscles),
        "press": [list(p) for p in f.press],
        "cautions": list(f.cautions),
        "level": f.level,
    }
    return stamp(person, f) | {"document": json.dumps(document)}


def finding_from(row: Any) -> Finding:
    d = json.loads(row.document)
    return Finding(
        row.id,
        when(row),
        tuple(Mark(r, i, m) for r, i, m in d["marks"]),
        d["text"],
        tuple((q, a) for q, a in d["answers"]),
        tuple(d["muscles"]),
        tuple((m, a) for m, a in d["press"]),
        tuple(d["cautions"]),
        d["level"],
    )


def naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)
