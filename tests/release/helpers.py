"""Shared by the session tests: every safety question for a plan answered "no"."""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.release.gate import treated_places
from knotwork.core.safety.screen import questions_for, screening_areas


def all_no(
    kb: KnowledgeBase, muscles: Sequence[str], sides: Sequence[str] = ("left", "right")
) -> dict[str, bool]:
    places = treated_places(kb, [kb.muscle(m) for m in muscles], sides)
    areas = screening_areas(kb.safety, kb.atlas, places)
    return {f.id: False for f in questions_for(kb.safety, areas)}
