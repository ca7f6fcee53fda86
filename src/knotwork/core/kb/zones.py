"""Which sided atlas regions a referral zone covers (no drawing code: the finder imports it)."""

from __future__ import annotations

from knotwork.core.atlas.model import Side
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.model import Zone

OTHER: dict[Side, Side] = {"left": "right", "right": "left", "midline": "midline"}


def zone_regions(kb: KnowledgeBase, zone: Zone, side: Side) -> list[str]:
    """Sided region ids a zone covers for a trigger point on ``side``."""
    atlas = kb.atlas
    if not atlas.is_paired(zone.region):
        return [atlas.sided(zone.region, "midline")]
    if zone.side == "both":
        return [atlas.sided(zone.region, "left"), atlas.sided(zone.region, "right")]
    return [atlas.sided(zone.region, side if zone.side == "same" else OTHER[side])]
