"""Nothing to do while a warning sign is raised or a safety question is unanswered.

A session screens the places it will press (each point's sites, on the sides chosen) with
the person's answers, words and marked places, exactly as the finder screens a pain picture:
the global questions and those of the areas treated. A raised flag holds the session with its
own instruction; unanswered questions are asked first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from knotwork.core.atlas.model import Side
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.model import Muscle
from knotwork.core.safety.screen import LEVEL_TEXT, screen


class Gate(NamedTuple):
    open: bool
    level: str  # none, soon, urgent, emergency, or incomplete
    message: str
    flags: tuple[dict[str, Any], ...]
    unanswered: tuple[dict[str, Any], ...]
    areas: tuple[str, ...]


def treated_places(kb: KnowledgeBase, muscles: Sequence[Muscle], sides: Iterable[str]) -> list[str]:
    """The sided regions a session presses: every point's sites on each side chosen."""
    wanted: list[Side] = [s for s in ("left", "right") if s in set(sides)] or ["left", "right"]
    places: list[str] = []
    for m in muscles:
        for point in m.trigger_points:
            for base in point.location.site:
                ids = kb.atlas.bases[base]
                chosen = [kb.atlas.sided(base, s) for s in wanted] if len(ids) > 1 else list(ids)
                places.extend(p for p in chosen if p not in places)
    return places


def gate(
    kb: KnowledgeBase,
    muscles: Sequence[Muscle],
    sides: Iterable[str],
    answers: Mapping[str, bool],
    text: str = "",
    marked: Iterable[str] = (),
) -> Gate:
    places = [*treated_places(kb, muscles, sides), *marked]
    result = screen(kb.safety, kb.atlas, places, text, answers)
    doc = result.as_dict()
    level = result.level if result.level != "none" or result.complete else "incomplete"
    return Gate(
        open=doc["self_treatment"],
        level=level,
        message=LEVEL_TEXT[level],
        flags=tuple(doc["flags"]),
        unanswered=tuple(doc["unanswered"]),
        areas=tuple(doc["areas"]),
    )
