"""A muscle's referral map: its zones highlighted and its trigger points marked."""

from __future__ import annotations

from collections.abc import Iterable

from knotwork.core.atlas.model import VIEWS, Side, View
from knotwork.core.atlas.render import Box, Emphasis, Marker, crop_box, render_map
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
        region, *also = (kb.atlas.sided(site, side) for site in tp.location.site)
        title = f"{muscle.name}, trigger point {tp.number}: {tp.location.lay}"
        view = tp.location.view
        markers.append(Marker(region, str(tp.number), title, view=view, also=tuple(also)))  # type: ignore[arg-type]
    return markers


def map_views(
    kb: KnowledgeBase, muscle: Muscle, side: str, marks: Iterable[str] = ()
) -> list[tuple[View, Box]]:
    """The views a muscle's referral map needs (those with its zones, trigger points or the
    person's marks), each with its tight crop: one picture per view, each as wide as the
    column it is shown in (``/maps/ID.svg?view=``). ``side``: left, right, both or either
    (drawn as the right)."""
    sides = map_sides(side)
    zones: set[str] = set(marks)
    points: list[Marker] = []
    for one in sides:
        zones |= set(referral_highlights(kb, muscle, one))
        points += trigger_markers(kb, muscle, one)
    found = []
    for view in VIEWS:
        here = {m.region for m in points if m.view in (None, view)}
        box = crop_box(zones | here, view)
        if box:
            found.append((view, box))
    return found


def map_sides(side: str) -> tuple[Side, ...]:
    """The sides a map draws: both for "both", the right for "either" (no side given)."""
    if side == "both":
        return ("left", "right")
    return ("right",) if side == "either" else (side,)  # type: ignore[return-value]


def referral_map(kb: KnowledgeBase, muscle: Muscle, side: Side = "right") -> str:
    """SVG of the muscle's referral pattern for trigger points on ``side``."""
    return render_map(
        kb.atlas,
        referral_highlights(kb, muscle, side),
        trigger_markers(kb, muscle, side),
        title=f"Referral pattern of the {side} {muscle.name.lower()}",
    )
