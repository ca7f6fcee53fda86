"""Coverage report of the knowledge base per body area (``knotwork kb stats``)."""

from __future__ import annotations

from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.model import AREAS, Muscle


def coverage(kb: KnowledgeBase) -> list[dict[str, object]]:
    """One row per area plus a total row."""
    rows = [_row(area, kb.in_area(area)) for area in AREAS if kb.in_area(area)]
    rows.append(_row("total", list(kb)))
    return rows


def _row(area: str, muscles: list[Muscle]) -> dict[str, object]:
    citations: set[str] = set()
    for m in muscles:
        citations.update(m.citations)
        for tp in m.trigger_points:
            citations.update(tp.citations)
        for t in m.self_treatment:
            citations.update(t.citations)
    return {
        "area": area,
        "muscles": len(muscles),
        "trigger_points": sum(len(m.trigger_points) for m in muscles),
        "regions_used": len(set().union(*(m.referral_regions() for m in muscles)))
        if muscles
        else 0,
        "techniques": sum(len(m.self_treatment) for m in muscles),
        "citations": len(citations),
    }
