"""Build the ``Atlas`` from ``data/atlas/regions.yaml``, checking it with stable rule codes.

Rule codes (ATLAS-xxx) are listed in docs/data-rules.md.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from knotwork.core.atlas.model import Atlas, Region, Side, View
from knotwork.core.atlas.schema import AtlasFile, RegionEntry
from knotwork.core.paths import DATA_DIR
from knotwork.core.problems import Problem, from_validation, raise_if_any

ATLAS_FILE = "atlas/regions.yaml"


def load_atlas(data_dir: Path = DATA_DIR) -> Atlas:
    """Read, validate and index the atlas; raises ``DataError`` listing every problem."""
    path = data_dir / ATLAS_FILE
    try:
        parsed = AtlasFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except ValidationError as error:
        raise_if_any(from_validation(ATLAS_FILE, error, "ATLAS-001"), ATLAS_FILE)
        raise  # unreachable: a ValidationError always has at least one item
    raise_if_any(check_atlas_file(parsed), ATLAS_FILE)
    return build_atlas(parsed)


def check_atlas_file(parsed: AtlasFile) -> list[Problem]:
    """Cross-field rules the schema cannot express."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, entry in enumerate(parsed.regions):
        where = f"regions.{index}"
        if entry.id in seen:
            problems.append(Problem(ATLAS_FILE, where, "ATLAS-002", f"duplicate id '{entry.id}'"))
        seen.add(entry.id)
        if entry.group not in parsed.groups:
            problems.append(Problem(ATLAS_FILE, where, "ATLAS-003", f"unknown group {entry.group}"))
        for area in entry.choir:
            if area not in parsed.choir_areas:
                problems.append(Problem(ATLAS_FILE, where, "ATLAS-004", f"unknown CHOIR {area}"))
        if entry.michigan not in parsed.michigan_areas:
            problems.append(
                Problem(ATLAS_FILE, where, "ATLAS-005", f"unknown MBM {entry.michigan}")
            )
        if len(set(entry.views)) != len(entry.views):
            problems.append(Problem(ATLAS_FILE, where, "ATLAS-006", "a view is listed twice"))
    return problems


def build_atlas(parsed: AtlasFile) -> Atlas:
    regions: dict[str, Region] = {}
    bases: dict[str, tuple[str, ...]] = {}
    for entry in parsed.regions:
        sides: tuple[Side, ...] = (
            ("midline",) if entry.laterality == "midline" else ("left", "right")
        )
        made = [_region(parsed, entry, side) for side in sides]
        regions.update((r.id, r) for r in made)
        bases[entry.id] = tuple(r.id for r in made)
    return Atlas(regions=regions, groups=dict(parsed.groups), bases=bases)


def _region(parsed: AtlasFile, entry: RegionEntry, side: Side) -> Region:
    views: tuple[View, ...] = tuple(entry.views)
    return Region(
        id=entry.id if side == "midline" else f"{entry.id}-{side}",
        base=entry.id,
        side=side,
        lay=entry.lay,
        anatomical=entry.anatomical,
        group=entry.group,
        views=views,
        synonyms=tuple(entry.synonyms),
        choir=_choir_ids(parsed, entry, side),
        michigan=_michigan(parsed, entry, side),
    )


def _choir_ids(parsed: AtlasFile, entry: RegionEntry, side: Side) -> tuple[int, ...]:
    ids: list[int] = []
    for name in entry.choir:
        area = parsed.choir_areas[name]
        # CHOIR has no midline regions, so a midline region maps to both sides' areas.
        ids.extend([area.right, area.left] if side == "midline" else [getattr(area, side)])
    return tuple(sorted(set(ids)))


def _michigan(parsed: AtlasFile, entry: RegionEntry, side: Side) -> str:
    area = parsed.michigan_areas[entry.michigan]
    if area.name:
        return area.name
    # A midline region inside a sided Michigan area (none today) would name both sides.
    if side == "midline":
        return f"{area.right} / {area.left}"
    return str(getattr(area, side))
