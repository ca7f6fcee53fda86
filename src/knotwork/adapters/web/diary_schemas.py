"""The diary API's request bodies (strict: an unknown field, a string for a number, a value
out of range are refused with the field named) and its answers, for /openapi.json."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from knotwork.core.diary import rules
from knotwork.core.diary.model import MAX_CONTEXTS, MAX_REGIONS, Peg, RegionRating, Sleep
from knotwork.core.diary.service import Diary
from knotwork.core.diary.treatment import Dose, Medication
from knotwork.core.diary.vocab import PGIC
from knotwork.core.diary.when import When, parse_local

Quality = Literal[
    "aching", "burning", "sharp", "stabbing", "shooting", "throbbing", "tingling", "numb",
    "stiff", "tender",
]  # fmt: skip
Kind = Literal[
    "self-treatment", "stretching", "heat", "cold", "exercise", "medication", "professional"
]
Score = Field(ge=0, le=10)
STRICT = ConfigDict(extra="forbid", strict=True)


class Timed(BaseModel):
    model_config = STRICT
    at: str | None = Field(
        None,
        max_length=40,
        description="When: ISO 8601 with an offset, or local time in `zone` "
        "(YYYY-MM-DD HH:MM); default now",
        examples=["2026-12-07 08:30"],
    )
    zone: str | None = Field(
        None, max_length=64, description="IANA time zone (default the server's)"
    )
    notes: str = Field("", max_length=rules.MAX_NOTES)

    def when(self, diary: Diary) -> When | None:
        if self.at is None and self.zone is None:
            return None
        return parse_local(self.at or "now", self.zone or diary.zone, diary.clock())


class RegionIn(BaseModel):
    model_config = STRICT
    region: str = Field(max_length=60, description="Sided atlas region id", examples=["calf-left"])
    pain: int = Score
    qualities: list[Quality] = Field(default_factory=list, max_length=10)

    def rating(self) -> RegionRating:
        return RegionRating(self.region, self.pain, tuple(self.qualities))


class PegIn(BaseModel):
    model_config = STRICT
    pain: int = Score
    enjoyment: int = Score
    activity: int = Score


class SleepIn(BaseModel):
    model_config = STRICT
    hours: float | None = Field(None, ge=0, le=24)
    quality: int | None = Field(None, ge=0, le=10)


class EntryIn(Timed):
    """A diary entry. Overall pain defaults to the worst place's; ``same_places`` repeats
    the places (with their pain and qualities) of the last entry."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [
                {
                    "regions": [
                        {"region": "back-of-neck-right", "pain": 6, "qualities": ["aching"]}
                    ],
                    "contexts": ["desk-work"],
                    "peg": {"pain": 5, "enjoyment": 4, "activity": 6},
                }
            ]
        },
    )
    pain: int | None = Field(None, ge=0, le=10, description="Overall pain 0-10")
    regions: list[RegionIn] = Field(default_factory=list, max_length=MAX_REGIONS)
    same_places: bool = False
    peg: PegIn | None = None
    sleep: SleepIn | None = None
    contexts: list[str] = Field(default_factory=list, max_length=MAX_CONTEXTS)

    def fields(self, diary: Diary) -> dict[str, Any]:
        from knotwork.core.errors import InvalidInput

        regions = tuple(r.rating() for r in self.regions)
        if self.same_places:
            if regions:
                raise InvalidInput("Give regions or same_places, not both.")
            regions = diary.last_places()
            if not regions:
                raise InvalidInput("There is no earlier entry with places to repeat.")
        peg = self.peg
        sleep = self.sleep
        return {
            "pain": self.pain,
            "regions": regions,
            "peg": Peg(peg.pain, peg.enjoyment, peg.activity) if peg else None,
            "sleep": Sleep(sleep.hours, sleep.quality) if sleep else None,
            "contexts": tuple(self.contexts),
            "notes": self.notes,
        }


class MedicationIn(BaseModel):
    model_config = STRICT
    name: str = Field(min_length=1, max_length=rules.MAX_NAME)
    dose: str = Field("", max_length=rules.MAX_NAME)
    schedule: Literal["as-needed", "regular"] = "as-needed"


class TreatmentIn(Timed):
    """A treatment event; what each kind needs is in docs/diary.md."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [
                {
                    "kind": "self-treatment",
                    "muscle": "upper-trapezius",
                    "technique": "pinch-grip-squeeze",
                    "side": "right",
                    "seconds": 60,
                    "pressure": 5,
                    "relief": 4,
                }
            ]
        },
    )
    kind: Kind
    muscle: str | None = Field(None, max_length=60, description="Muscle id, name or alias")
    technique: str | None = Field(None, max_length=80)
    side: Literal["left", "right", "both"] | None = None
    region: str | None = Field(None, max_length=60, description="Where (heat, cold)")
    tool: str | None = Field(None, max_length=40)
    seconds: int | None = Field(None, ge=1, le=86_400)
    strokes: int | None = Field(None, ge=1, le=10_000)
    repetitions: int | None = Field(None, ge=1, le=10_000)
    pressure: int | None = Field(None, ge=0, le=10)
    medication: MedicationIn | None = None
    professional: (
        Literal["dry-needling", "injection", "massage", "physiotherapy", "chiropractic"] | None
    ) = None
    felt_during: int | None = Field(None, ge=0, le=10, description="0 comfortable, 10 unbearable")
    relief: int | None = Field(None, ge=0, le=10, description="Right after: 0 none, 10 complete")
    soreness: Literal["none", "mild", "moderate", "severe"] | None = None

    def fields(self, diary: Diary) -> dict[str, Any]:
        med = self.medication
        muscle = diary.checks.muscle(self.muscle).id if self.muscle else None
        tool = self.tool
        if tool is None and muscle and self.technique:
            tool = diary.checks.technique_tool(muscle, self.technique)
        return {
            "kind": self.kind,
            "muscle": muscle,
            "technique": self.technique,
            "side": self.side,
            "region": self.region,
            "tool": tool,
            "dose": Dose(self.seconds, self.strokes, self.repetitions, self.pressure),
            "medication": Medication(med.name, med.dose, med.schedule) if med else None,
            "professional": self.professional,
            "felt_during": self.felt_during,
            "relief": self.relief,
            "soreness": self.soreness,
            "notes": self.notes,
        }


class ImpressionIn(Timed):
    """The weekly global impression of change: "since I started, my condition is ..."."""

    value: int = Field(ge=1, le=7, description="; ".join(f"{i} {t}" for i, t in enumerate(PGIC, 1)))


# -- answers ---------------------------------------------------------------------------------


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class RecordOut(Open):
    """One diary record, in the shape of docs/diary.md (the fields of its kind follow)."""

    id: str = Field(description="32 hex digits; the first 4 or more find it")
    kind: Literal["entry", "treatment", "impression", "finding"]
    at: str = Field(description="UTC, ISO 8601")
    zone: str = Field(description="IANA time zone it was written in")
    local: str = Field(description="Local time in that zone")


class RecordIn(Open):
    """A record as a delete answered it (``record``), to put back as it was (the undo)."""

    id: str = Field(max_length=32)
    kind: Literal["entry", "treatment", "impression", "finding"]
    at: str = Field(max_length=40)
    zone: str = Field(max_length=64)


class RecordAnswer(Open):
    ok: bool
    record: RecordOut


class RecordsAnswer(Open):
    ok: bool
    records: list[RecordOut]


class PlacesAnswer(Open):
    ok: bool
    regions: list[RegionIn]


class ProgressAnswer(Open):
    """Pain over time, by place, and the change since the start (docs/diary.md)."""

    ok: bool
    since: str
    until: str
    entries: int
    points: list[dict[str, Any]]
    seven_day_average: list[dict[str, Any]]
    treatments: list[dict[str, Any]]
    regions: dict[str, Any]
    change: dict[str, Any] | None
