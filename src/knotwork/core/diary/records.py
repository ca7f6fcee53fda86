"""The other things a diary keeps: the weekly global impression of change, and a finder
result saved so progress can be read against what was found."""

from __future__ import annotations

from dataclasses import dataclass

from knotwork.core.diary import rules
from knotwork.core.diary.model import check_id
from knotwork.core.diary.vocab import PGIC, pgic_label
from knotwork.core.diary.when import When
from knotwork.core.errors import InvalidInput

PRESS_ANSWERS = ("yes", "no", "unsure")
SAFETY_LEVELS = ("none", "soon", "urgent", "emergency")


@dataclass(frozen=True, slots=True)
class Impression:
    """PGIC: "since I started, my condition is ..." 1 (very much improved) to 7 (very much
    worse). The label is kept with the number."""

    id: str
    when: When
    value: int
    label: str = ""
    notes: str = ""

    def __post_init__(self) -> None:
        check_id(self.id)
        rules.score(self.value, "The impression of change", 1, len(PGIC))
        if not self.label:
            object.__setattr__(self, "label", pgic_label(self.value))
        if self.label != pgic_label(self.value):
            raise InvalidInput(f"PGIC {self.value} is '{pgic_label(self.value)}'.")
        rules.text(self.notes, "The note")


def pgic_value(text: str) -> int:
    """1-7 from a number or a label ("much improved", "much-improved")."""
    value = text.strip().lower().replace("-", " ")
    if value.isdigit() and 1 <= int(value) <= len(PGIC):
        return int(value)
    if value in PGIC:
        return PGIC.index(value) + 1
    raise InvalidInput(f"The impression must be 1 to 7 or one of: {', '.join(PGIC)}.")


@dataclass(frozen=True, slots=True)
class Mark:
    """A place marked on the finder's body map (sided atlas id; 0-10; the main one)."""

    region: str
    intensity: int | None = None
    main: bool = False

    def __post_init__(self) -> None:
        rules.optional_score(self.intensity, f"Intensity at {self.region}")


@dataclass(frozen=True, slots=True)
class Finding:
    """What the finder was given and what it showed, as the person saw it."""

    id: str
    when: When
    marks: tuple[Mark, ...] = ()
    text: str = ""
    answers: tuple[tuple[str, bool], ...] = ()  # red-flag question -> yes/no
    muscles: tuple[str, ...] = ()  # shown, in rank order
    press: tuple[tuple[str, str], ...] = ()  # muscle -> yes/no/unsure
    cautions: tuple[str, ...] = ()  # FACTOR[:SITE,...]
    level: str = "none"  # the safety screen's level

    def __post_init__(self) -> None:
        check_id(self.id)
        if not self.marks and not self.text.strip():
            raise InvalidInput("A saved finder result needs its marks or its words.")
        rules.text(self.text, "The finder's words", 2000)
        rules.unique((m.region for m in self.marks), "The marks")
        rules.unique((q for q, _ in self.answers), "The safety answers")
        rules.unique(self.muscles, "The muscles shown")
        for _, answer in self.press:
            rules.choice(answer, PRESS_ANSWERS, "A press-test answer")
        rules.choice(self.level, SAFETY_LEVELS, "The safety level")
