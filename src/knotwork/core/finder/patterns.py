"""Each muscle's referral pattern resolved to sided atlas regions, computed once per base."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from knotwork.core.finder import model
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.model import Muscle, TriggerPoint
from knotwork.core.kb.zones import zone_regions

SIDES = ("left", "right", "both")
KIND_Z = {"essential": model.Z_ESSENTIAL, "spillover": model.Z_SPILLOVER, "local": model.Z_LOCAL}
RANK = {"essential": 3, "spillover": 2, "local": 1}


class Cell:
    """What a muscle on one side predicts for one region: the strongest kind and which TrPs."""

    __slots__ = ("kind", "trigger_points", "z")

    def __init__(self, kind: str, z: float, trigger_points: list[int]) -> None:
        self.kind = kind
        self.z = z
        self.trigger_points = trigger_points


class Component(NamedTuple):
    """One hypothesis about which trigger points are active: one of them, or all at once."""

    log_weight: float
    z: dict[str, float]
    # Sum of the "not marked" terms over this component's pattern, per input mode: scoring a
    # query then only corrects the regions that are marked.
    baseline: dict[str, float]


class Pattern(NamedTuple):
    cells: dict[str, Cell]  # the union over all trigger points, for explanations
    components: list[Component]


def build_pattern(kb: KnowledgeBase, muscle: Muscle, side: str) -> Pattern:
    union = _cells(kb, muscle.trigger_points, side)
    tps = muscle.trigger_points
    single = model.SINGLE_TRIGGER_POINT if len(tps) > 1 else 1.0
    components = [_component(union, math.log(1 - single))] if len(tps) > 1 else []
    components += [_component(_cells(kb, (tp,), side), math.log(single / len(tps))) for tp in tps]
    return Pattern(union, components)


PREPOSITIONS = ("above ", "around ", "behind ", "below ", "between ", "inside the ", "under ")


def your_phrase(kb: KnowledgeBase, region_id: str) -> str:
    """The region as a sentence names it: "your right temple", "the back of your right knee",
    "the area behind your right ear"; without the side for a base or midline id."""
    region = kb.atlas.regions.get(region_id) or kb.atlas.regions[kb.atlas.bases[region_id][0]]
    lay = region.lay[0].lower() + region.lay[1:]
    side = f"{region.side} " if region.id == region_id and region.side != "midline" else ""
    if lay.startswith(PREPOSITIONS) and " the " in f" {lay}":
        return "the area " + f" {lay}".replace(" the ", f" your {side}", 1).strip()
    if lay.startswith("where "):
        return f"the area {lay}" + (f" on your {side}side" if side else "")
    part, of_the, whole = lay.partition(" of the ")
    if of_the:
        # One neck, one skull: the side goes with the part ("the right side of your neck").
        if whole in SINGLE_PARTS:
            return f"the {side}{part} of your {whole}"
        return f"the {part} of your {side}{whole}"
    return f"your {side}{lay}"


SINGLE_PARTS = frozenset(
    {"neck", "skull", "head", "back", "chest", "spine", "breastbone", "pelvis", "abdomen"}
)


def _component(cells: dict[str, Cell], log_weight: float) -> Component:
    z = {r: c.z for r, c in cells.items()}
    baseline = {m: sum(model.unmarked_term(v, m) for v in z.values()) for m in model.COMPLETENESS}
    return Component(log_weight=log_weight, z=z, baseline=baseline)


def _cells(kb: KnowledgeBase, tps: Sequence[TriggerPoint], side: str) -> dict[str, Cell]:
    cells: dict[str, Cell] = {}
    sides = ("left", "right") if side == "both" else (side,)
    for one_side in sides:
        for tp in tps:
            for zone in tp.referral:
                for region in zone_regions(kb, zone, one_side):  # type: ignore[arg-type]
                    _add(cells, region, zone.kind, tp.number)
            for site in tp.location.site:
                _add(cells, kb.atlas.sided(site, one_side), "local", tp.number)  # type: ignore[arg-type]
    return cells


def _add(cells: dict[str, Cell], region: str, kind: str, tp: int) -> None:
    cell = cells.get(region)
    if cell is None:
        cells[region] = Cell(kind, KIND_Z[kind], [tp])
        return
    if RANK[kind] > RANK[cell.kind]:
        cell.kind, cell.z = kind, KIND_Z[kind]
    if tp not in cell.trigger_points:
        cell.trigger_points.append(tp)


def build_patterns(kb: KnowledgeBase) -> dict[str, dict[str, Pattern]]:
    """muscle id -> side -> pattern."""
    return {m.id: {side: build_pattern(kb, m, side) for side in SIDES} for m in kb}


def region_index(patterns: dict[str, dict[str, Pattern]]) -> dict[str, set[str]]:
    """Sided region id -> muscles whose pattern (either side) includes it."""
    index: dict[str, set[str]] = {}
    for muscle_id, by_side in patterns.items():
        for region in by_side["both"].cells:
            index.setdefault(region, set()).add(muscle_id)
    return index
