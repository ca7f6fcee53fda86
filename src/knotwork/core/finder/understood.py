"""What the finder took from the input, reported back so a person can correct it."""

from __future__ import annotations

from typing import Any, NamedTuple


class Mention(NamedTuple):
    """A place in the body the text names: an atlas base region and the side it was given."""

    base: str
    side: str  # left, right, both or unspecified
    words: str
    how: str = "named"  # named, path (between two named places) or assumed (from a complaint)


class Aside(NamedTuple):
    """A clause about a past treatment or condition ("surgery on my left knee in March"): its
    words, and the places it names, which are not read as where it hurts."""

    words: str
    places: tuple[Mention, ...]


class Term(NamedTuple):
    id: str
    label: str
    words: str
    muscles: tuple[str, ...] = ()


class Understood:
    """Everything read from a text (mutable while the reader fills it in)."""

    __slots__ = (
        "conditions",
        "contexts",
        "corrections",
        "history",
        "intensity",
        "movements",
        "negated",
        "negated_symptoms",
        "qualities",
        "regions",
        "symptoms",
        "text",
        "unknown",
    )

    def __init__(self, text: str = "", corrections: list[tuple[str, str]] | None = None) -> None:
        self.text = text
        self.regions: list[Mention] = []
        self.negated: list[Mention] = []
        self.symptoms: list[Term] = []
        self.negated_symptoms: list[Term] = []
        self.contexts: list[Term] = []
        self.conditions: list[Term] = []
        self.qualities: list[str] = []
        self.intensity: int | None = None
        self.corrections: list[tuple[str, str]] = corrections or []
        self.movements: list[str] = []
        self.history: list[Aside] = []
        self.unknown: list[str] = []

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
