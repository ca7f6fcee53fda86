"""The diary as a FHIR R4 Bundle (type ``collection``) a clinic's system can read.

- ``Patient``: the person, pseudonymous (a name only when one is given for the export).
- ``Observation`` per pain rating: LOINC 72514-3 "Pain severity - 0-10 verbal numeric rating
  [Score] - Reported", one for the entry's overall pain and one per place, the place as
  ``bodySite``. Places are Knotwork's atlas regions (sided): no SNOMED CT body-structure code
  was verified for them, so ``bodySite`` carries the words and Knotwork's own region id, not a
  guessed code. Pain qualities go in a component, with the SNOMED CT code only for the five
  seen in a published questionnaire (AHRQ CDS4CPM MyPAIN); the rest as text.
- ``Procedure`` per treatment other than medication (self-treatment, stretching, heat, cold,
  exercise, professional care), with the dose and how it went as notes.
- ``MedicationStatement`` per medication taken.
- ``QuestionnaireResponse`` per PGIC (the label with its number) and per PEG-3.

Every resource is checked in the tests against the official FHIR R4 JSON Schema
(tests/vendor/fhir-r4). Ids are the diary's record ids as UUIDs (``urn:uuid:``), so a second
export of the same diary gives the same ids.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from knotwork.core.diary.model import Entry
from knotwork.core.diary.records import Impression
from knotwork.core.diary.repository import Contents
from knotwork.core.diary.treatment import Treatment
from knotwork.core.diary.vocab import TREATMENT_LABELS
from knotwork.core.diary.when import When

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
PROJECT = "https://github.com/knotwork/knotwork"
ATLAS = f"{PROJECT}/atlas-region"  # Knotwork's own region ids (src/knotwork/data/atlas)
RECORD = f"{PROJECT}/diary-record"  # the diary record a resource was made from
PGIC_SYSTEM = f"{PROJECT}/pgic"
PAIN = {
    "system": LOINC,
    "code": "72514-3",
    "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
}
SURVEY = {
    "coding": [
        {
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "survey",
            "display": "Survey",
        }
    ]
}
# Pain qualities with the SNOMED CT codes used by the MyPAIN questionnaire (AHRQ CDS4CPM).
QUALITY_CODES = {
    "aching": ("27635008", "Aching pain"),
    "burning": ("36349006", "Burning pain"),
    "stabbing": ("55145008", "Stabbing pain"),
    "throbbing": ("29695002", "Throbbing pain"),
    "tingling": ("786837007", "Tingling"),
}
PEG_ITEMS = (
    ("peg-pain", "Pain on average in the past week (0 no pain - 10 worst imaginable)"),
    ("peg-enjoyment", "How much pain interfered with enjoyment of life (0-10)"),
    ("peg-activity", "How much pain interfered with general activity (0-10)"),
)
Name = Callable[[str], str]
OTHER_SPACE = re.compile(r"[^\S \r\n\t]")


def urn(record_id: str) -> str:
    return f"urn:uuid:{uuid.UUID(hex=record_id)}"


def sub_urn(record_id: str, part: str) -> str:
    """A stable id for one of several resources made from one record (an entry's places)."""
    return f"urn:uuid:{uuid.uuid5(uuid.UUID(hex=record_id), part)}"


def bundle(
    contents: Contents,
    exported: datetime,
    name: Name = str,
    person: str = "knotwork-person-1",
    person_name: str = "",
) -> dict[str, Any]:
    """The Bundle: the person first, then each record's resources in time order."""
    patient_urn = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{PROJECT}/person/{person}')}"
    subject = {"reference": patient_urn}
    patient: dict[str, Any] = {"resourceType": "Patient", "id": patient_urn.rsplit(":", 1)[1]}
    if clean(person_name):
        patient["name"] = [{"text": clean(person_name)}]
    entries: list[tuple[str, dict[str, Any]]] = [(patient_urn, patient)]
    for e in contents.entries:
        entries += _entry(e, subject, name)
    for t in contents.treatments:
        entries.append((urn(t.id), _treatment(t, subject, name)))
    for i in contents.impressions:
        entries.append((urn(i.id), _pgic(i, subject)))
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": _instant(exported),
        "entry": [{"fullUrl": full, "resource": resource} for full, resource in entries],
    }


def clean(text: str) -> str:
    """Text as FHIR takes it: a FHIR string may hold no whitespace but space, tab, CR and LF
    (a form feed or a no-break space is refused), and is never empty; those others become
    spaces (the JSON export keeps every character)."""
    return OTHER_SPACE.sub(" ", text).strip()


def _notes(*texts: str) -> list[dict[str, str]]:
    return [{"text": clean(t)} for t in texts if clean(t)]


def _instant(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def _local(when: When) -> str:
    """The local time with its offset: what the person lived, unambiguous."""
    return when.local.isoformat(timespec="seconds")


def _identifier(record_id: str, part: str = "") -> list[dict[str, str]]:
    return [{"system": RECORD, "value": record_id + (f"/{part}" if part else "")}]


def _with_id(full_url: str, resource: dict[str, Any]) -> dict[str, Any]:
    return {
        "resourceType": resource.pop("resourceType"),
        "id": full_url.rsplit(":", 1)[1],
        **resource,
    }


def _entry(e: Entry, subject: dict[str, str], name: Name) -> list[tuple[str, dict[str, Any]]]:
    out = []
    overall = _pain(e, e.pain, subject, _identifier(e.id))
    overall["code"]["text"] = "Overall pain (0-10)"
    if _notes(e.notes):
        overall["note"] = _notes(e.notes)
    out.append((urn(e.id), _with_id(urn(e.id), overall)))
    for r in e.regions:
        full = sub_urn(e.id, r.region)
        observation = _pain(e, r.pain, subject, _identifier(e.id, r.region))
        observation["code"]["text"] = f"Pain (0-10), {name(r.region)}"
        observation["bodySite"] = {
            "coding": [{"system": ATLAS, "code": r.region, "display": name(r.region)}],
            "text": name(r.region),
        }
        if r.qualities:
            observation["component"] = [_quality(q) for q in r.qualities]
        out.append((full, _with_id(full, observation)))
    if e.peg is not None:
        full = sub_urn(e.id, "peg")
        answers = (e.peg.pain, e.peg.enjoyment, e.peg.activity)
        out.append((full, _with_id(full, _peg(e, answers, subject))))
    return out


def _pain(e: Entry, value: int, subject: dict[str, str], ident: list[Any]) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "identifier": ident,
        "status": "final",
        "category": [SURVEY],
        "code": {"coding": [dict(PAIN)]},
        "subject": subject,
        "effectiveDateTime": _local(e.when),
        "valueInteger": value,
    }


def _quality(quality: str) -> dict[str, Any]:
    value: dict[str, Any] = {"text": quality}
    if quality in QUALITY_CODES:
        code, display = QUALITY_CODES[quality]
        value["coding"] = [{"system": SNOMED, "code": code, "display": display}]
    return {"code": {"text": "Pain quality"}, "valueCodeableConcept": value}


def _peg(e: Entry, answers: tuple[int, int, int], subject: dict[str, str]) -> dict[str, Any]:
    return {
        "resourceType": "QuestionnaireResponse",
        "identifier": _identifier(e.id, "peg")[0],
        "status": "completed",
        "subject": subject,
        "authored": _local(e.when),
        "item": [
            {"linkId": link, "text": text, "answer": [{"valueInteger": value}]}
            for (link, text), value in zip(PEG_ITEMS, answers, strict=True)
        ]
        + [
            {
                "linkId": "peg-score",
                "text": "PEG-3 score: the mean of the three (Krebs et al. 2009)",
                "answer": [{"valueDecimal": e.peg.score if e.peg else 0.0}],
            }
        ],
    }


def _pgic(i: Impression, subject: dict[str, str]) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": urn(i.id).rsplit(":", 1)[1],
        "identifier": _identifier(i.id)[0],
        "status": "completed",
        "subject": subject,
        "authored": _local(i.when),
        "item": [
            {
                "linkId": "pgic",
                "text": "Patient Global Impression of Change: since I started, my condition is",
                "answer": [
                    {
                        "valueCoding": {
                            "system": PGIC_SYSTEM,
                            "code": str(i.value),
                            "display": i.label,
                        }
                    }
                ],
            }
        ],
    }
    if clean(i.notes):
        resource["item"].append(
            {"linkId": "notes", "text": "Notes", "answer": [{"valueString": clean(i.notes)}]}
        )
    return resource


def _treatment(t: Treatment, subject: dict[str, str], name: Name) -> dict[str, Any]:
    if t.medication is not None:
        return _medication(t, subject)
    what = _what(t, name)
    resource: dict[str, Any] = {
        "resourceType": "Procedure",
        "id": urn(t.id).rsplit(":", 1)[1],
        "identifier": _identifier(t.id),
        "status": "completed",
        "category": {"text": TREATMENT_LABELS[t.kind]},
        "code": {"text": clean(what)},
        "subject": subject,
        "performedDateTime": _local(t.when),
    }
    site = t.region or t.muscle
    if site:
        resource["bodySite"] = [{"text": name(site) + (f" ({t.side})" if t.side else "")}]
    outcome = _outcome(t)
    if outcome:
        resource["outcome"] = {"text": outcome}
    if _notes(_dose(t), t.notes):
        resource["note"] = _notes(_dose(t), t.notes)
    return resource


def _what(t: Treatment, name: Name) -> str:
    if t.professional:
        return f"Professional care: {t.professional.replace('-', ' ')}"
    detail = ", ".join(x for x in (t.muscle and name(t.muscle), t.technique, t.tool) if x)
    return TREATMENT_LABELS[t.kind] + (f": {detail}" if detail else "")


def _dose(t: Treatment) -> str:
    d = t.dose
    parts = [
        f"{d.seconds} s" if d.seconds else "",
        f"{d.strokes} strokes" if d.strokes else "",
        f"{d.repetitions} repetitions" if d.repetitions else "",
        f"pressure {d.pressure}/10" if d.pressure is not None else "",
        f"felt during {t.felt_during}/10" if t.felt_during is not None else "",
    ]
    return "; ".join(p for p in parts if p)


def _outcome(t: Treatment) -> str:
    parts = [
        f"relief right after {t.relief}/10" if t.relief is not None else "",
        f"soreness the next day: {t.soreness}" if t.soreness else "",
    ]
    return "; ".join(p for p in parts if p)


def _medication(t: Treatment, subject: dict[str, str]) -> dict[str, Any]:
    m = t.medication
    assert m is not None
    dosage: dict[str, Any] = {
        "text": ", ".join(x for x in (clean(m.dose), m.schedule.replace("-", " ")) if x),
        "asNeededBoolean": m.schedule == "as-needed",
    }
    resource: dict[str, Any] = {
        "resourceType": "MedicationStatement",
        "id": urn(t.id).rsplit(":", 1)[1],
        "identifier": _identifier(t.id),
        "status": "completed",
        "medicationCodeableConcept": {"text": clean(m.name) or "unnamed"},
        "subject": subject,
        "effectiveDateTime": _local(t.when),
        "dateAsserted": _local(t.when),
        "dosage": [dosage],
    }
    if _notes(_outcome(t), t.notes):
        resource["note"] = _notes(_outcome(t), t.notes)
    return resource
