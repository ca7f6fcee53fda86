"""Render the body map with regions highlighted and points marked, as standalone SVG.

The drawing (``data/atlas/bodymap.svg``) carries one shape per region and view; rendering only
adds classes and marker elements, so the same artwork serves the CLI, the web pages and the
printed reports. Styling is by class, so a page's stylesheet can restyle every highlight.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from knotwork.core.atlas.model import VIEWS, Atlas, View
from knotwork.core.paths import DATA_DIR

SVG_NS = "http://www.w3.org/2000/svg"
NS = f"{{{SVG_NS}}}"
DRAWING = DATA_DIR / "atlas" / "bodymap.svg"
Emphasis = Literal["essential", "spillover", "selected", "local"]

ET.register_namespace("", SVG_NS)


@dataclass(frozen=True, slots=True)
class Marker:
    """A numbered point placed on a region (e.g. a trigger point), with a tooltip."""

    region: str
    label: str
    title: str
    view: View | None = None


@lru_cache(maxsize=2)
def _drawing(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def region_shapes(root: ET.Element) -> list[ET.Element]:
    """Every region shape in the drawing, in document order."""
    return [el for el in root.iter() if "kw-region" in el.get("class", "").split()]


def render_map(
    atlas: Atlas,
    highlights: Mapping[str, Emphasis] | None = None,
    markers: Sequence[Marker] = (),
    views: Sequence[View] = VIEWS,
    title: str = "Body map",
    drawing: Path = DRAWING,
) -> str:
    """SVG text of the body map; unknown region ids raise ``UnknownRegion``."""
    highlights = highlights or {}
    for region_id in [*highlights, *(m.region for m in markers)]:
        atlas.get(region_id)
    root = copy.deepcopy(_drawing(drawing))
    _keep_views(root, views)
    _set_title(root, title)
    for shape in region_shapes(root):
        emphasis = highlights.get(shape.get("data-region", ""))
        if emphasis:
            shape.set("class", f"kw-region kw-{emphasis}")
    _add_markers(root, markers)
    return ET.tostring(root, encoding="unicode")


def _keep_views(root: ET.Element, views: Sequence[View]) -> None:
    groups = {g.get("data-view"): g for g in root.iter(f"{NS}g") if g.get("data-view")}
    boxes = []
    for name, group in groups.items():
        if name in views:
            boxes.append([float(v) for v in group.get("data-viewbox", "0 0 0 0").split()])
        else:
            root.remove(group)
    if boxes:
        x0 = min(b[0] for b in boxes)
        y0 = min(b[1] for b in boxes)
        x1 = max(b[0] + b[2] for b in boxes)
        y1 = max(b[1] + b[3] for b in boxes)
        root.set("viewBox", f"{x0:g} {y0:g} {x1 - x0:g} {y1 - y0:g}")


def _set_title(root: ET.Element, title: str) -> None:
    root.set("role", "img")
    root.set("aria-label", title)
    node = root.find(f"{NS}title")
    if node is None:
        node = ET.Element(f"{NS}title")
        root.insert(0, node)
    node.text = title


def _add_markers(root: ET.Element, markers: Sequence[Marker]) -> None:
    shapes = region_shapes(root)
    used: dict[tuple[str, str], int] = {}
    for marker in markers:
        for shape in shapes:
            view = shape.get("data-view", "")
            if shape.get("data-region") != marker.region or marker.view not in (None, view):
                continue
            # Several markers on one region fan out so their numbers stay readable.
            nth = used.get((marker.region, view), 0)
            used[(marker.region, view)] = nth + 1
            x = float(shape.get("data-cx", "0")) + 14 * nth
            y = float(shape.get("data-cy", "0"))
            _parent_of(root, shape).append(_marker_element(marker, x, y))


def _parent_of(root: ET.Element, child: ET.Element) -> ET.Element:
    for parent in root.iter():
        if child in list(parent):
            return parent
    return root


def _marker_element(marker: Marker, x: float, y: float) -> ET.Element:
    group = ET.Element(f"{NS}g", {"class": "kw-marker"})
    ET.SubElement(group, f"{NS}title").text = marker.title
    ET.SubElement(group, f"{NS}circle", {"cx": f"{x:g}", "cy": f"{y:g}", "r": "8"})
    text = ET.SubElement(
        group, f"{NS}text", {"x": f"{x:g}", "y": f"{y + 4:g}", "text-anchor": "middle"}
    )
    text.text = marker.label
    return group
