"""A muscle's referral map: its zones highlighted and its trigger points marked."""

from __future__ import annotations

from knotwork.core.atlas.model import Side
from knotwork.core.atlas.render import Emphasis, Marker, render_map
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.model import Muscle
from knotwork.core.kb.zones import zone_regions


def referral_highlights(kb: KnowledgeBase, muscle: Muscle, side: Side) -> dict[str, Emphasis]:
    """Region id -> emphasis; essential wins where a region is both."""
    found: dict[str, Emphasis] = {}
    for kind in ("spillover", "essential"):
        for tp in muscle.trigger_points:
            for zone in tp.zones(kind):
                for region in zone_regions(kb, zone, side):
                    found[region] = "essential" if kind == "essential" else "spillover"
    return found


def trigger_markers(kb: KnowledgeBase, muscle: Muscle, side: Side) -> list[Marker]:
    markers = []
    for tp in muscle.trigger_points:
        region = kb.atlas.sided(tp.location.site[0], side)
        title = f"{muscle.name}, trigger point {tp.number}: {tp.location.lay}"
        markers.append(Marker(region, str(tp.number), title, view=tp.location.view))  # type: ignore[arg-type]
    return markers


def referral_map(kb: KnowledgeBase, muscle: Muscle, side: Side = "right") -> str:
    """SVG of the muscle's referral pattern for trigger points on ``side``."""
    return render_map(
        kb.atlas,
        referral_highlights(kb, muscle, side),
        trigger_markers(kb, muscle, side),
        title=f"Referral pattern of the {side} {muscle.name.lower()}",
    )
