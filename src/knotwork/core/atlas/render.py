"""Render the body map with regions highlighted and points marked, as standalone SVG.

The drawing (``data/atlas/bodymap.svg``) carries one shape per region and view; rendering only
adds classes and marker elements, so the same artwork serves the CLI, the web pages and the
printed reports. Styling is by class, so a page's stylesheet can restyle every highlight.
"""

from __future__ import annotations

import copy
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
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
    """A numbered point placed on a region (e.g. a trigger point), with a tooltip. ``also``:
    more regions it lies across; it is placed between their centres ("low in the calf, by
    the Achilles tendon")."""

    region: str
    label: str
    title: str
    view: View | None = None
    also: tuple[str, ...] = ()


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
    *,
    selected: Iterable[str] = (),
    standalone: bool = True,
    interactive: bool = False,
    crop: bool = False,
    shades: Mapping[str, float] | None = None,
    crop_to: Iterable[str] = (),
    link: str | None = None,
    tight: bool = False,
) -> str:
    """SVG text of the body map; unknown region ids raise ``UnknownRegion``.

    ``selected`` regions get an outline on top of any highlight (the person's own marks).
    ``standalone=False`` drops the drawing's own <style> so a page's stylesheet (and a strict
    Content-Security-Policy) governs it; ``interactive=True`` makes every region a keyboard-
    and screen-reader-operable toggle for the body-map input; ``crop=True`` zooms to the
    views and the part of the body that carry highlights, marks or markers. ``shades`` maps
    regions to an average pain 0-10: each is shaded in one of five steps (class
    ``kw-pain-1`` to ``kw-pain-5``) and its name says the value ("Temple (left): 6.2 of 10");
    ``crop_to`` keeps more regions in a cropped picture (two maps compared show the same
    part). ``link`` (a
    pattern such as ``/places/{region}``) makes every region a link for pointer users; the
    map is then hidden from assistive technology and out of the tab order, so the page must
    offer the same links as a list. ``tight=True`` (with ``crop``) zooms in on the part
    itself rather than keeping the view's whole width: one view's referral map then fills a
    phone's column.
    """
    highlights = highlights or {}
    shades = shades or {}
    chosen = set(selected)
    crop_to = tuple(crop_to)
    for region_id in [*highlights, *chosen, *shades, *crop_to, *(m.region for m in markers)]:
        atlas.get(region_id)
    root = copy.deepcopy(_drawing(drawing))
    # ``crop_to``: more regions to keep in the picture (two maps compared show the same part).
    shown = [m for m in markers if m.view is None or m.view in views]
    wanted = {*highlights, *chosen, *shades, *crop_to, *(m.region for m in shown)}
    if crop:
        views = [v for v in views if _has(root, v, wanted)] or list(views)
    _keep_views(root, views)
    if crop:
        _crop(root, wanted, views if tight else None, drawing)
    if crop and tight:
        _drop_labels(root)  # a zoomed part would cut them; the page says which view it is
    # An image with buttons inside is a nested control; an interactive map is a group.
    _set_title(root, title, role="group" if interactive else "img")
    if not standalone:
        for style in root.findall(f"{NS}style"):
            root.remove(style)
    elif shades:
        own = root.find(f"{NS}style")
        if own is not None:
            own.text = (own.text or "") + SHADE_STYLE
    for shape in region_shapes(root):
        region = shape.get("data-region", "")
        classes = ["kw-region"]
        if region in highlights:
            classes.append(f"kw-{highlights[region]}")
        if region in chosen:
            classes.append("kw-selected")
        if region in shades:
            classes.append(f"kw-pain-{shade_step(shades[region])}")
            _say_value(shape, shades[region])
        shape.set("class", " ".join(classes))
        if interactive:
            _make_interactive(shape, region in chosen)
    _add_markers(root, markers, standalone)
    if link:
        _link_regions(root, link)
    if not standalone:
        _slim(root)
    # Registered again each time: a library that registers its own default namespace in this
    # process (WeasyPrint's PDF metadata maps "" to "") would otherwise make every later map
    # come out as <ns0:svg>, which browsers and WeasyPrint do not draw.
    ET.register_namespace("", SVG_NS)
    return ET.tostring(root, encoding="unicode")


# Five steps of pain, light to dark (the same colours as app.css, for a map on its own).
SHADE_COLOURS = ("#f7b58b", "#ef8a55", "#dd5f2c", "#b3401a", "#7a260b")
SHADE_STYLE = "".join(f".kw-region.kw-pain-{n}{{fill:{c}}}" for n, c in enumerate(SHADE_COLOURS, 1))


def shade_step(pain: float) -> int:
    """1 (up to 2) to 5 (over 8): the step of an average pain 0-10."""
    return min(5, max(1, int(-(-pain // 2))))


def _say_value(shape: ET.Element, pain: float) -> None:
    title = shape.find(f"{NS}title")
    if title is not None:
        title.text = f"{title.text}: {pain:.1f} of 10"


def _link_regions(root: ET.Element, pattern: str) -> None:
    # 253 links would be 253 tab stops before the page's own list of the same places, and
    # links inside an image are nested controls: the map is for pointers, the list for all.
    root.set("aria-hidden", "true")
    root.attrib.pop("role", None)
    for parent in list(root.iter()):
        for n, shape in enumerate(list(parent)):
            if "kw-region" not in shape.get("class", "").split():
                continue
            anchor = ET.Element(
                f"{NS}a",
                {"href": pattern.format(region=shape.get("data-region")), "tabindex": "-1"},
            )
            parent.remove(shape)
            anchor.append(shape)
            parent.insert(n, anchor)


# Attributes only the drawing's tools and the marker placement need; a page inlining the map
# does not (its weight budget is tight on phones).
PAGE_DROPS = ("id", "data-view", "data-cx", "data-cy")


def _slim(root: ET.Element) -> None:
    for shape in region_shapes(root):
        for name in PAGE_DROPS:
            shape.attrib.pop(name, None)


def _make_interactive(shape: ET.Element, pressed: bool) -> None:
    # The shape's <title> ("Temple (left)") is its accessible name. The page script makes the
    # map one tab stop with arrow keys between regions (a roving tabindex), so keyboard users
    # do not have to tab through 253 shapes.
    shape.set("role", "button")
    shape.set("tabindex", "-1")
    shape.set("aria-pressed", "true" if pressed else "false")


NUMBER_PAIR = re.compile(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")
CROP_PAD = 40.0
CROP_MIN = 260.0
# A tight crop: at least this wide and tall (drawing units; a view is 440 wide), so a small
# part is seen with enough of the body around it to be recognised.
TIGHT_MIN_W = 230.0
TIGHT_MIN_H = 250.0
TIGHT_ASPECT = 0.55  # width at least this share of the height
Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def _has(root: ET.Element, view: str, regions: set[str]) -> bool:
    return any(
        s.get("data-view") == view and s.get("data-region") in regions for s in region_shapes(root)
    )


@lru_cache(maxsize=2)
def _boxes(drawing: Path) -> tuple[dict[tuple[str, str], Box], dict[str, Box]]:
    """Each region shape's bounding box by (region, view), and each view's box."""
    root = _drawing(drawing)
    shapes: dict[tuple[str, str], Box] = {}
    for shape in region_shapes(root):
        points = [(float(x), float(y)) for x, y in NUMBER_PAIR.findall(shape.get("d", ""))]
        if not points:
            continue
        key = (shape.get("data-region", ""), shape.get("data-view", ""))
        box = _around(points)
        old = shapes.get(key)
        shapes[key] = box if old is None else _union(old, box)
    views = {}
    for group in root.iter(f"{NS}g"):
        if group.get("data-view"):
            x, y, w, h = (float(v) for v in group.get("data-viewbox", "0 0 0 0").split())
            views[group.get("data-view", "")] = (x, y, x + w, y + h)
    return shapes, views


def _around(points: Sequence[tuple[float, float]]) -> Box:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _union(a: Box, b: Box) -> Box:
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def crop_box(regions: Iterable[str], view: str, drawing: Path = DRAWING) -> Box | None:
    """The tight crop of one view around ``regions`` (what ``render_map(..., views=(view,),
    crop=True, tight=True)`` shows), or None if none of them is drawn in that view. A page
    reserves the picture's shape from it before the picture arrives."""
    shapes, views = _boxes(drawing)
    found = [shapes[(r, view)] for r in regions if (r, view) in shapes]
    if not found or view not in views:
        return None
    box = found[0]
    for other in found[1:]:
        box = _union(box, other)
    return _tight(box, views[view])


# Zooming the input map to one part at a time: each part's box is sized so that its smallest
# place is at least a finger's target (WCAG 2.2, 2.5.8: 24 CSS px) on a 360 px phone, where the
# map is about 336 px wide; wider screens only draw it larger.
TARGET_PX = 25.0  # 24 px, with a pixel to spare for rounding
PHONE_MAP_PX = 336.0
ZOOM_MIN_W = 120.0
SPLIT_SHARE = 0.6  # a part wider than this share of its view (both arms) is zoomed per side


def zoom_parts(atlas: Atlas, drawing: Path = DRAWING) -> list[dict[str, object]]:
    """The parts of the body the input map can zoom to, in the atlas's order: the id, a label
    and, per view, the viewBox ("x y w h"). A part spread across a view (the arms and hands)
    comes once per side."""
    shapes, views = _boxes(drawing)
    parts: list[dict[str, object]] = []
    for group, label in atlas.groups.items():
        members = [r.id for r in atlas.in_group(group)]
        sides = ("right", "left") if _spread(members, shapes, views) else ("",)
        for side in sides:
            chosen = [r for r in members if not side or not r.endswith(("-left", "-right"))]
            chosen += [r for r in members if side and r.endswith(f"-{side}")]
            boxes = {}
            for view in views:
                box = _zoom_box([shapes[(r, view)] for r in chosen if (r, view) in shapes])
                if box:
                    boxes[view] = f"{box[0]:g} {box[1]:g} {box[2] - box[0]:g} {box[3] - box[1]:g}"
            parts.append(
                {
                    "id": f"{group}-{side}" if side else group,
                    "label": f"{label} ({side})" if side else label,
                    "boxes": boxes,
                }
            )
    return parts


def _spread(
    members: Sequence[str], shapes: dict[tuple[str, str], Box], views: dict[str, Box]
) -> bool:
    for view, (vx0, _, vx1, _) in views.items():
        found = [shapes[(r, view)] for r in members if (r, view) in shapes]
        if found and max(b[2] for b in found) - min(b[0] for b in found) > SPLIT_SHARE * (
            vx1 - vx0
        ):
            return True
    return False


def _zoom_box(found: Sequence[Box]) -> Box | None:
    """The box around a part's places, narrowed about its middle if need be so that its
    smallest place is a finger's target at phone width (a sliver at an edge may be cut off),
    and at least ``ZOOM_MIN_W`` wide."""
    if not found:
        return None
    x0, y0 = min(b[0] for b in found), min(b[1] for b in found)
    x1, y1 = max(b[2] for b in found), max(b[3] for b in found)
    smallest = min(min(b[2] - b[0], b[3] - b[1]) for b in found)
    widest = max(smallest * PHONE_MAP_PX / TARGET_PX, ZOOM_MIN_W)
    width = min(max(x1 - x0 + 8, ZOOM_MIN_W), widest)
    middle = (x0 + x1) / 2
    return (
        round(middle - width / 2, 1),
        round(y0 - 4, 1),
        round(middle + width / 2, 1),
        round(y1 + 4, 1),
    )


def _grow(
    low: float, high: float, least: float, floor: float, ceiling: float
) -> tuple[float, float]:
    """[low, high] padded and widened about its middle to at least ``least``, kept inside
    [floor, ceiling] where it fits."""
    low, high = low - CROP_PAD, high + CROP_PAD
    if high - low < least:
        middle = (low + high) / 2
        low, high = middle - least / 2, middle + least / 2
    if low < floor:
        low, high = floor, high + (floor - low)
    if high > ceiling:
        low, high = max(floor, low - (high - ceiling)), ceiling
    return low, high


def _tight(box: Box, view: Box) -> Box:
    y0, y1 = _grow(box[1], box[3], TIGHT_MIN_H, view[1], view[3])
    # A long part (a whole leg) keeps some width around it, so the picture is not a sliver.
    least_w = max(TIGHT_MIN_W, TIGHT_ASPECT * (y1 - y0))
    x0, x1 = _grow(box[0], box[2], least_w, view[0], view[2])
    return x0, y0, x1, y1


def _crop(root: ET.Element, regions: set[str], tight: Sequence[View] | None, drawing: Path) -> None:
    """Set the viewBox to the box around the wanted regions' shapes, padded, in kept views;
    ``tight`` (one view) zooms to the part, else the views' whole width is kept."""
    if tight is not None and len(tight) == 1:
        box = crop_box(regions, tight[0], drawing)
        if box:
            x0, y0, x1, y1 = box
            root.set("viewBox", f"{x0:g} {y0:g} {x1 - x0:g} {y1 - y0:g}")
        return
    points = [
        (float(x), float(y))
        for shape in region_shapes(root)
        if shape.get("data-region") in regions
        for x, y in NUMBER_PAIR.findall(shape.get("d", ""))
    ]
    if not points:
        return
    x0 = min(p[0] for p in points) - CROP_PAD
    x1 = max(p[0] for p in points) + CROP_PAD
    y0 = min(p[1] for p in points) - CROP_PAD
    y1 = max(p[1] for p in points) + CROP_PAD
    # Keep a sensible minimum size and the whole width of a single view, so the body stays
    # recognisable around the zoomed part.
    vx, _, vw, _ = (float(v) for v in root.get("viewBox", "0 0 0 0").split())
    x0, x1 = min(x0, vx), max(x1, vx + vw)
    if y1 - y0 < CROP_MIN:
        middle = (y0 + y1) / 2
        y0, y1 = middle - CROP_MIN / 2, middle + CROP_MIN / 2
    root.set("viewBox", f"{x0:g} {max(y0, 0):g} {x1 - x0:g} {y1 - max(y0, 0):g}")


def _drop_labels(root: ET.Element) -> None:
    for parent in list(root.iter()):
        for child in list(parent):
            if "kw-label" in child.get("class", "").split():
                parent.remove(child)


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


def _set_title(root: ET.Element, title: str, role: str = "img") -> None:
    root.set("role", role)
    root.set("aria-label", title)
    node = root.find(f"{NS}title")
    if node is None:
        node = ET.Element(f"{NS}title")
        root.insert(0, node)
    node.text = title


# A marker's radius as a share of the picture's width, so its number is as legible on a
# cropped part as on the whole body (about 9 px wherever the picture is 300 px wide).
MARKER_SHARE = 0.036
MARKER_MIN = 8.0
SPREAD = 2.5  # centres at least this many radii apart; crowded ones move out on a leader


def _add_markers(root: ET.Element, markers: Sequence[Marker], standalone: bool = True) -> None:
    if not markers:
        return
    centres = {
        (shape.get("data-region", ""), shape.get("data-view", "")): (
            float(shape.get("data-cx", "0")),
            float(shape.get("data-cy", "0")),
        )
        for shape in region_shapes(root)
    }
    vx, vy, vw, vh = (float(v) for v in root.get("viewBox", "0 0 0 0").split())
    r = max(MARKER_MIN, vw * MARKER_SHARE)
    bounds = (vx + r, vy + r, vx + vw - r, vy + vh - r)
    placed: dict[str, list[tuple[float, float]]] = {}
    views = {g.get("data-view", "") for g in root.iter(f"{NS}g") if g.get("data-view")}
    for marker in markers:
        for view in sorted(views):
            if (marker.region, view) not in centres or marker.view not in (None, view):
                continue
            spots = [
                centres[(reg, view)]
                for reg in (marker.region, *marker.also)
                if (reg, view) in centres
            ]
            ax = sum(p[0] for p in spots) / len(spots)
            ay = sum(p[1] for p in spots) / len(spots)
            taken = placed.setdefault(view, [])
            x, y = _free_spot(ax, ay, r, taken, bounds)
            taken.append((x, y))
            group = _view_group(root, view)
            leader = _leader((ax, ay), (x, y), r)
            if leader is not None:
                # Under every number, so no line or dot crosses another marker's number.
                group.insert(_first_marker(group), leader)
            group.append(_marker_element(marker, (x, y), r))
    if standalone:
        _size_markers(root, r)


def _free_spot(
    ax: float, ay: float, r: float, taken: Sequence[tuple[float, float]], bounds: Box
) -> tuple[float, float]:
    """Where a marker's number goes: on its place if free, else the nearest free spot on
    rings around it (sideways first), inside the picture; numbers never overlap."""
    least = SPREAD * r

    def free(x: float, y: float) -> bool:
        inside = bounds[0] <= x <= bounds[2] and bounds[1] <= y <= bounds[3]
        return inside and all((x - tx) ** 2 + (y - ty) ** 2 >= least**2 for tx, ty in taken)

    if free(ax, ay):
        return ax, ay
    for ring in range(1, 6):
        for angle in (0, 180, 315, 225, 45, 135, 270, 90):
            step = ring * least * 1.02  # a hair over the least, whatever the rounding
            x = ax + step * math.cos(math.radians(angle))
            y = ay + step * math.sin(math.radians(angle))
            if free(x, y):
                return x, y
    return ax + least * len(taken), ay


def _size_markers(root: ET.Element, r: float) -> None:
    """The numbers' size and the leaders' width follow the marker's radius (a standalone
    picture has its own style; a page's stylesheet styles inlined maps)."""
    style = root.find(f"{NS}style")
    if style is not None:
        style.text = (style.text or "") + (
            f".kw-marker text{{font-size:{1.25 * r:.3g}px}}"
            f".kw-marker circle{{stroke-width:{0.18 * r:.3g}}}"
            f".kw-leader{{stroke:#1d4e6e;stroke-width:{0.16 * r:.3g}}}"
            ".kw-anchor{fill:#1d4e6e;stroke:#fff}"
        )


def _view_group(root: ET.Element, view: str) -> ET.Element:
    """Markers go on the view itself, above its (clipped) regions."""
    for group in root.iter(f"{NS}g"):
        if group.get("data-view") == view:
            return group
    return root


def _first_marker(group: ET.Element) -> int:
    """Where the leaders go: just before the first marker (above the drawing)."""
    for n, child in enumerate(group):
        if child.get("class") == "kw-marker":
            return n
    return len(group)


def _leader(anchor: tuple[float, float], at: tuple[float, float], r: float) -> ET.Element | None:
    """A marker moved off a crowded place: a line back to where its point is, and a dot
    there; None for one on its place."""
    (ax, ay), (x, y) = anchor, at
    if (x - ax) ** 2 + (y - ay) ** 2 <= (0.5 * r) ** 2:
        return None
    group = ET.Element(f"{NS}g", {"class": "kw-leaders"})
    line = {"x1": f"{ax:.4g}", "y1": f"{ay:.4g}", "x2": f"{x:.4g}", "y2": f"{y:.4g}"}
    ET.SubElement(group, f"{NS}line", {"class": "kw-leader", **line})
    dot = {"class": "kw-anchor", "cx": f"{ax:.4g}", "cy": f"{ay:.4g}", "r": f"{0.3 * r:.3g}"}
    ET.SubElement(group, f"{NS}circle", dot)
    return group


def _marker_element(marker: Marker, at: tuple[float, float], r: float) -> ET.Element:
    group = ET.Element(f"{NS}g", {"class": "kw-marker"})
    ET.SubElement(group, f"{NS}title").text = marker.title
    x, y = at
    ET.SubElement(group, f"{NS}circle", {"cx": f"{x:.4g}", "cy": f"{y:.4g}", "r": f"{r:.3g}"})
    text = ET.SubElement(
        group,
        f"{NS}text",
        {"x": f"{x:.4g}", "y": f"{y + 0.43 * r:.4g}", "text-anchor": "middle"},
    )
    text.text = marker.label
    return group
