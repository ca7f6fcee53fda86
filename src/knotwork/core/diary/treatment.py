"""A treatment: its own timestamped event, what was done and how it went.

What a kind needs: self-treatment names a muscle (and may name one of its techniques from the
knowledge base, a side, a tool and a dose); medication names the medicine, its dose and
whether it is taken as needed or regularly; professional care names its kind. Stretching,
heat, cold and exercise may name a muscle or a region and a dose. Any treatment may say how it
felt during (0 = comfortable to 10 = unbearable), the relief right after (0 = none to 10 =
complete) and, the next day, the soreness it left.
"""

from __future__ import annotations

from dataclasses import dataclass

from knotwork.core.diary import rules
from knotwork.core.diary.model import check_id
from knotwork.core.diary.vocab import (
    PROFESSIONAL_KINDS,
    SCHEDULES,
    SORENESS,
    TREATED_SIDES,
    TREATMENT_KINDS,
)
from knotwork.core.diary.when import When
from knotwork.core.errors import InvalidInput

DAY_SECONDS = 86_400


@dataclass(frozen=True, slots=True)
class Dose:
    """How much: hold time in seconds, strokes, repetitions, and pressure 0-10."""

    seconds: int | None = None
    strokes: int | None = None
    repetitions: int | None = None
    pressure: int | None = None

    def __post_init__(self) -> None:
        rules.count(self.seconds, "Seconds", DAY_SECONDS)
        rules.count(self.strokes, "Strokes", 10_000)
        rules.count(self.repetitions, "Repetitions", 10_000)
        rules.optional_score(self.pressure, "Pressure")

    @property
    def empty(self) -> bool:
        return all(v is None for v in (self.seconds, self.strokes, self.repetitions, self.pressure))


@dataclass(frozen=True, slots=True)
class Medication:
    name: str
    dose: str = ""
    schedule: str = "as-needed"  # or "regular"

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InvalidInput("Medication needs its name.")
        rules.text(self.name, "The medication name", rules.MAX_NAME)
        rules.text(self.dose, "The medication dose", rules.MAX_NAME)
        rules.choice(self.schedule, SCHEDULES, "The medication schedule")


@dataclass(frozen=True, slots=True)
class Treatment:
    id: str
    when: When
    kind: str
    muscle: str | None = None  # knowledge-base muscle id
    technique: str | None = None  # one of that muscle's technique ids
    side: str | None = None  # left, right or both
    region: str | None = None  # sided atlas region (heat on the low back)
    tool: str | None = None  # the knowledge base's tool vocabulary
    dose: Dose = Dose()
    medication: Medication | None = None
    professional: str | None = None
    felt_during: int | None = None
    relief: int | None = None
    soreness: str | None = None  # next day: none, mild, moderate, severe
    notes: str = ""

    def __post_init__(self) -> None:
        check_id(self.id)
        rules.choice(self.kind, TREATMENT_KINDS, "The treatment kind")
        if self.side is not None:
            rules.choice(self.side, TREATED_SIDES, "The side")
        if self.soreness is not None:
            rules.choice(self.soreness, SORENESS, "Next-day soreness")
        rules.optional_score(self.felt_during, "How it felt during")
        rules.optional_score(self.relief, "Relief right after")
        rules.text(self.notes, "The note")
        self._check_kind()

    def _check_kind(self) -> None:
        kind = self.kind
        if self.technique is not None and self.muscle is None:
            raise InvalidInput("A technique needs its muscle.")
        if kind == "self-treatment" and self.muscle is None:
            raise InvalidInput("Self-treatment needs the muscle treated.")
        if (kind == "medication") != (self.medication is not None):
            raise InvalidInput(
                "Medication needs its name; only a medication has one."
                if kind == "medication"
                else f"A {kind} treatment has no medication."
            )
        if kind == "professional":
            rules.choice(self.professional, PROFESSIONAL_KINDS, "The kind of professional care")
        elif self.professional is not None:
            raise InvalidInput(f"A {kind} treatment has no professional kind.")
        if kind in ("medication",) and (self.muscle or self.tool or not self.dose.empty):
            raise InvalidInput("A medication has a dose in words, not a muscle, tool or hold.")
