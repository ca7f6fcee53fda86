"""Example answers of the diary API for /openapi.json: true answers' shapes, made from sample
records through the same code that makes the real ones."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from knotwork.core.diary.codec import to_dict
from knotwork.core.diary.model import Entry, Peg, RegionRating
from knotwork.core.diary.present import progress_dict
from knotwork.core.diary.progress import Average, Change, Point, Progress, Window
from knotwork.core.diary.records import Impression
from knotwork.core.diary.repository import TreatmentMark
from knotwork.core.diary.treatment import Dose, Treatment
from knotwork.core.diary.when import When

WHEN = When(datetime(2026, 12, 7, 8, 15, tzinfo=UTC), "Europe/London")
ENTRY = Entry(
    "3f2a9c1e5b7d4e0f8a6c2b1d9e7f5a3c",
    WHEN,
    6,
    (RegionRating("back-of-neck-right", 6, ("aching", "stiff")),),
    Peg(5, 4, 6),
    contexts=("desk-work",),
    notes="Tight after a long call.",
)
TREATMENT = Treatment(
    "8b1e4d7a2c9f4b6e9d3a5c7e1f2b4d6a",
    WHEN,
    "self-treatment",
    muscle="upper-trapezius",
    technique="pinch-grip-squeeze",
    side="right",
    tool="pinch-grip",
    dose=Dose(seconds=60, repetitions=3, pressure=5),
    relief=4,
)
IMPRESSION = Impression("c4d2e6f8a1b34c5d9e7f0a2b4c6d8e1f", WHEN, 2)


def _progress() -> dict[str, Any]:
    first, last = (
        Window(date(2026, 9, 9), date(2026, 9, 15)),
        Window(date(2026, 12, 1), date(2026, 12, 7)),
    )
    p = Progress(
        since=date(2026, 9, 9),
        until=date(2026, 12, 7),
        per_entry=True,
        points=(Point(datetime(2026, 12, 7, 8, 15), 6),),
        averages=(Average(date(2026, 12, 7), 5.4),),
        treatments=(
            TreatmentMark(TREATMENT.id, WHEN.utc, WHEN.zone, "self-treatment", "upper-trapezius"),
        ),
        impressions=(IMPRESSION,),
        start=first,
        now=last,
        start_regions={"back-of-neck-right": 7.1},
        now_regions={"back-of-neck-right": 5.2},
        change=Change(first, last, 7.0, 5.4),
        entries=180,
    )
    return {"ok": True, **progress_dict(p)}


def _one(record: Any) -> dict[str, Any]:
    return {"ok": True, "record": to_dict(record)}


EXAMPLES: dict[str, Any] = {
    "list": {"ok": True, "records": [to_dict(TREATMENT), to_dict(ENTRY)]},
    "entry": _one(ENTRY),
    "treatment": _one(TREATMENT),
    "impression": _one(IMPRESSION),
    "places": {
        "ok": True,
        "regions": [{"region": "back-of-neck-right", "pain": 6, "qualities": ["aching", "stiff"]}],
        "as_text": ["back-of-neck-right:6:aching,stiff"],
    },
    "progress": _progress(),
}


def example(name: str, status: int = 200) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: its answer with this example."""
    return {status: {"content": {"application/json": {"example": EXAMPLES[name]}}}}


ENTRY_BODY = {
    "at": "2026-12-07 08:15",
    "zone": "Europe/London",
    "regions": [{"region": "back-of-neck-right", "pain": 6, "qualities": ["aching", "stiff"]}],
    "peg": {"pain": 5, "enjoyment": 4, "activity": 6},
    "contexts": ["desk-work"],
    "notes": "Tight after a long call.",
}
TREATMENT_BODY = {
    "kind": "self-treatment",
    "muscle": "upper-trapezius",
    "technique": "pinch-grip-squeeze",
    "side": "right",
    "seconds": 60,
    "repetitions": 3,
    "pressure": 5,
    "relief": 4,
}
# Request bodies for /openapi.json, by path (each is one the API accepts).
BODIES: dict[str, Any] = {
    "/api/diary/entries": ENTRY_BODY,
    "/api/diary/entries/{record_id}": ENTRY_BODY,
    "/api/diary/treatments": TREATMENT_BODY,
    "/api/diary/treatments/{record_id}": TREATMENT_BODY,
    "/api/diary/impressions": {"value": 2, "notes": "Better at work this week."},
    "/api/diary/records": to_dict(ENTRY),
}
