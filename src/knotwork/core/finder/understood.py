"""What the finder took from the input, reported back so a person can correct it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Mention:
    """A place in the body the text names: an atlas base region and the side it was given."""

    base: str
    side: str  # left, right, both or unspecified
    words: str
    how: str = "named"  # named, path (between two named places) or assumed (from a complaint)


@dataclass(slots=True)
class Term:
    id: str
    label: str
    words: str
    muscles: tuple[str, ...] = ()


@dataclass(slots=True)
class Understood:
    text: str = ""
    regions: list[Mention] = field(default_factory=list)
    negated: list[Mention] = field(default_factory=list)
    symptoms: list[Term] = field(default_factory=list)
    negated_symptoms: list[Term] = field(default_factory=list)
    contexts: list[Term] = field(default_factory=list)
    conditions: list[Term] = field(default_factory=list)
    qualities: list[str] = field(default_factory=list)
    intensity: int | None = None
    corrections: list[tuple[str, str]] = field(default_factory=list)
    movements: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "regions": [vars_of(m) for m in self.regions],
            "negated": [vars_of(m) for m in self.negated],
            "symptoms": [{"id": t.id, "label": t.label, "words": t.words} for t in self.symptoms],
            "negated_symptoms": [
                {"id": t.id, "label": t.label, "words": t.words} for t in self.negated_symptoms
            ],
            "contexts": [{"id": t.id, "label": t.label, "words": t.words} for t in self.contexts],
            "conditions": [t.words for t in self.conditions],
            "qualities": self.qualities,
            "intensity": self.intensity,
            "corrections": [{"from": a, "to": b} for a, b in self.corrections],
            "movements": self.movements,
            "not_understood": self.unknown,
        }


def vars_of(m: Mention) -> dict[str, str]:
    return {"base": m.base, "side": m.side, "words": m.words, "how": m.how}
