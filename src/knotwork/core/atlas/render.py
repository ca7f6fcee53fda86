"""Render the body map with regions highlighted and points marked, as standalone SVG.

The drawing (``data/atlas/bodymap.svg``) carries one shape per region and view; rendering only
adds classes and marker elements, so the same artwork serves the CLI, the web pages and the
printed reports. Styling is by class, so a page's stylesheet can restyle every highlight.
"""

from __future__ import annotations

import copy
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
    *,
    selected: Iterable[str] = (),
    standalone: bool = True,
    interactive: bool = False,
    crop: bool = False,
    shades: Mapping[str, float] | None = None,
    crop_to: Iterable[str] = (),
    link: str | None = None,
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
    offer the same links as a list.
    """
    highlights = highlights or {}
    shades = shades or {}
    chosen = set(selected)
    crop_to = tuple(crop_to)
    for region_id in [*highlights, *chosen, *shades, *crop_to, *(m.region for m in markers)]:
        atlas.get(region_id)
    root = copy.deepcopy(_drawing(drawing))
    # ``crop_to``: more regions to keep in the picture (two maps compared show the same part).
    wanted = {*highlights, *chosen, *shades, *crop_to, *(m.region for m in markers)}
    if crop:
        views = [v for v in views if _has(root, v, wanted)] or list(views)
    _keep_views(root, views)
    if crop:
        _crop(root, wanted)
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
    _add_markers(root, markers)
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


def _has(root: ET.Element, view: str, regions: set[str]) -> bool:
    return any(
        s.get("data-view") == view and s.get("data-region") in regions for s in region_shapes(root)
    )


def _crop(root: ET.Element, regions: set[str]) -> None:
    """Set the viewBox to the box around the wanted regions' shapes, padded, in kept views."""
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
            _view_group(root, view).append(_marker_element(marker, x, y))


def _view_group(root: ET.Element, view: str) -> ET.Element:
    """Markers go on the view itself, above its (clipped) regions."""
    for group in root.iter(f"{NS}g"):
        if group.get("data-view") == view:
            return group
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
