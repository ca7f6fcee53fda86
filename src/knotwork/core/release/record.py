"""A session as the diary keeps it, and a routine (a saved session with how often).

Each hold becomes a treatment event in the diary (self-treatment: muscle, technique, side,
tool, seconds or strokes, repetitions, pressure), saved in the same transaction as the
session, which keeps what the events do not: pain at the familiar place before and after,
how far the neck turns or the arm lifts before and after, how it ended and why.
"""

from __future__ import annotations

from dataclasses import dataclass

from knotwork.core.diary import rules
from knotwork.core.diary.model import check_id
from knotwork.core.diary.when import When
from knotwork.core.errors import InvalidInput
from knotwork.core.release.stop import STOP_IDS

ENDINGS = ("completed", "stopped")
SIDES = ("left", "right")
# Range of motion, 0 (not at all) to 10 (fully), where a simple self-check exists: how far
# the head turns toward the painful side, how high the arm lifts.
ROM_OF_AREA = {
    "head-neck": "How far can you turn your head toward the painful side? 0 not at all, 10 fully.",
    "shoulder-arm": "How high can you lift your arm on the painful side? 0 not at all, "
    "10 fully overhead.",
}
MAX_HOLDS = 200
MAX_MUSCLES = 12
EVERY_DAYS = range(1, 15)


@dataclass(frozen=True, slots=True)
class Hold:
    """The work done on one point on one side."""

    muscle: str
    point: int
    side: str | None
    technique: str
    seconds: int | None = None
    strokes: int | None = None
    repetitions: int = 1
    pressure: int | None = None

    def __post_init__(self) -> None:
        rules.score(self.point, "The trigger point number", 1, 20)
        if self.side is not None:
            rules.choice(self.side, SIDES, "The side")
        rules.count(self.seconds, "Hold seconds", 3600)
        rules.count(self.strokes, "Strokes", 1000)
        rules.score(self.repetitions, "Repetitions", 1, 100)
        rules.optional_score(self.pressure, "Pressure")
        if (self.seconds is None) == (self.strokes is None):
            raise InvalidInput("A hold has its seconds or its strokes.")

    @property
    def key(self) -> str:
        return f"{self.muscle}:{self.point}:{self.side or 'midline'}"


@dataclass(frozen=True, slots=True)
class Session:
    id: str
    when: When  # when it started
    muscles: tuple[str, ...]
    holds: tuple[Hold, ...] = ()
    pain_before: int | None = None
    pain_after: int | None = None
    rom_before: int | None = None
    rom_after: int | None = None
    ended: str = "completed"
    stop_reason: str | None = None
    routine: str | None = None
    treatments: tuple[str, ...] = ()  # the diary's treatment events it made

    def __post_init__(self) -> None:
        check_id(self.id)
        if not self.muscles or len(self.muscles) > MAX_MUSCLES:
            raise InvalidInput(f"A session treats 1 to {MAX_MUSCLES} muscles.")
        rules.unique(self.muscles, "The session")
        if len(self.holds) > MAX_HOLDS:
            raise InvalidInput(f"At most {MAX_HOLDS} holds in a session.")
        rules.unique((h.key for h in self.holds), "The session's holds")
        for h in self.holds:
            if h.muscle not in self.muscles:
                raise InvalidInput(f"A hold on '{h.muscle}', which the session does not treat.")
        for value, field in (
            (self.pain_before, "Pain before"),
            (self.pain_after, "Pain after"),
            (self.rom_before, "Movement before"),
            (self.rom_after, "Movement after"),
        ):
            rules.optional_score(value, field)
        rules.choice(self.ended, ENDINGS, "How the session ended")
        if (self.ended == "stopped") != (self.stop_reason is not None):
            raise InvalidInput("A stopped session says why; only a stopped one does.")
        if self.stop_reason is not None:
            rules.choice(self.stop_reason, STOP_IDS, "Why it stopped")
        if self.routine is not None:
            check_id(self.routine)


@dataclass(frozen=True, slots=True)
class Routine:
    """A home programme: these muscles, these sides, every ``every_days`` days at ``at``."""

    id: str
    when: When  # when it was saved
    name: str
    muscles: tuple[str, ...]
    sides: tuple[str, ...] = SIDES
    every_days: int = 1
    at: str = "08:00"  # local time of day, for the calendar

    def __post_init__(self) -> None:
        check_id(self.id)
        if not self.name.strip():
            raise InvalidInput("A routine needs a name.")
        rules.text(self.name, "The routine's name", rules.MAX_NAME)
        if not self.muscles or len(self.muscles) > MAX_MUSCLES:
            raise InvalidInput(f"A routine treats 1 to {MAX_MUSCLES} muscles.")
        rules.unique(self.muscles, "The routine")
        if not self.sides:
            raise InvalidInput("A routine needs a side.")
        for side in self.sides:
            rules.choice(side, SIDES, "The side")
        rules.unique(self.sides, "The routine's sides")
        rules.score(self.every_days, "Every how many days", EVERY_DAYS.start, EVERY_DAYS.stop - 1)
        hour, _, minute = self.at.partition(":")
        if not (hour.isdigit() and minute.isdigit() and len(minute) == 2) or not (
            0 <= int(hour) <= 23 and 0 <= int(minute) <= 59
        ):
            raise InvalidInput(f"The time of day must be HH:MM, not {self.at!r}.")
