"""Referral maps readable on a phone (issue 18): one view at a time, cropped to the part,
numbers large enough to read and never on top of each other, the shape known beforehand."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest

from knotwork.core.atlas.render import NS, crop_box, render_map
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.maps import map_views, referral_highlights, trigger_markers


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    from knotwork.core.kb import load_kb

    return load_kb(cache_dir=None)


def view_map(kb: KnowledgeBase, muscle: str, view: str) -> ET.Element:
    m = kb.muscles[muscle]
    svg = render_map(
        kb.atlas,
        referral_highlights(kb, m, "right"),
        trigger_markers(kb, m, "right"),
        views=(view,),  # type: ignore[arg-type]
        crop=True,
        tight=True,
    )
    return ET.fromstring(svg)


def numbers(root: ET.Element) -> list[tuple[str, float, float, float]]:
    out = []
    for group in root.iter(f"{NS}g"):
        if group.get("class") == "kw-marker":
            circle = group.find(f"{NS}circle")
            text = group.find(f"{NS}text")
            assert circle is not None and text is not None
            out.append(
                (
                    text.text or "",
                    float(circle.get("cx", "0")),
                    float(circle.get("cy", "0")),
                    float(circle.get("r", "0")),
                )
            )
    return out


def test_soleus_numbers_one_two_and_three_stand_apart(kb: KnowledgeBase) -> None:
    root = view_map(kb, "soleus", "back")
    marks = numbers(root)
    assert sorted(m[0] for m in marks) == ["1", "2", "3"]
    width = float(root.get("viewBox", "").split()[2])
    for _, _, _, r in marks:
        assert r >= 0.035 * width  # about 11 px wherever the picture is 300 px wide
    for (_, x1, y1, r), (_, x2, y2, _) in itertools.combinations(marks, 2):
        assert (x1 - x2) ** 2 + (y1 - y2) ** 2 >= (2.2 * r) ** 2
    # The one moved off its place has a line back to it, drawn under every number.
    leaders = [g for g in root.iter(f"{NS}g") if g.get("class") == "kw-leaders"]
    assert leaders
    back = next(g for g in root.iter(f"{NS}g") if g.get("data-view") == "back")
    order = [c.get("class") for c in back]
    assert order.index("kw-leaders") < order.index("kw-marker")


@pytest.mark.parametrize(
    "muscle", ["soleus", "upper-trapezius", "infraspinatus", "gluteus-minimus", "masseter"]
)
def test_numbers_never_overlap_and_stay_in_the_picture(kb: KnowledgeBase, muscle: str) -> None:
    for view, _ in map_views(kb, kb.muscles[muscle], "both"):
        m = kb.muscles[muscle]
        root = ET.fromstring(
            render_map(
                kb.atlas,
                {**referral_highlights(kb, m, "left"), **referral_highlights(kb, m, "right")},
                [*trigger_markers(kb, m, "left"), *trigger_markers(kb, m, "right")],
                views=(view,),
                crop=True,
                tight=True,
            )
        )
        x0, y0, w, h = (float(v) for v in root.get("viewBox", "").split())
        marks = numbers(root)
        for _, x, y, r in marks:
            assert x0 <= x - r and x + r <= x0 + w and y0 <= y - r and y + r <= y0 + h
        for (_, x1, y1, r), (_, x2, y2, _) in itertools.combinations(marks, 2):
            assert (x1 - x2) ** 2 + (y1 - y2) ** 2 >= (2 * r) ** 2, (muscle, view)


def test_a_page_knows_each_views_shape_before_the_picture_arrives(kb: KnowledgeBase) -> None:
    views = map_views(kb, kb.muscles["soleus"], "right")
    assert [v for v, _ in views] == ["back"]  # all three of its points are on the back
    for muscle in ("soleus", "upper-trapezius", "temporalis"):
        for view, box in map_views(kb, kb.muscles[muscle], "right"):
            root = view_map(kb, muscle, view)
            drawn = tuple(float(v) for v in root.get("viewBox", "").split())
            x0, y0, x1, y1 = box
            assert drawn == pytest.approx((x0, y0, x1 - x0, y1 - y0))
            assert (x1 - x0) / (y1 - y0) >= 0.5  # never a sliver
    assert crop_box(["heel-right"], "front") is None or crop_box(["heel-right"], "back")


def test_every_place_of_the_input_map_lies_in_a_part_it_can_zoom_to(kb: KnowledgeBase) -> None:
    from knotwork.core.atlas.render import DRAWING, PHONE_MAP_PX, _boxes, zoom_parts

    shapes, _ = _boxes(DRAWING)
    parts = zoom_parts(kb.atlas)
    assert {"head", "elbow-hand-right", "elbow-hand-left", "leg-foot"} <= {p["id"] for p in parts}
    for (region, view), (x0, y0, x1, y1) in shapes.items():
        fits = []
        for part in parts:
            box = part["boxes"].get(view)  # type: ignore[attr-defined]
            if not box:
                continue
            bx, by, bw, bh = (float(n) for n in box.split())
            if bx <= (x0 + x1) / 2 <= bx + bw and by <= (y0 + y1) / 2 <= by + bh:
                fits.append(min(x1 - x0, y1 - y0) * PHONE_MAP_PX / bw)
        assert fits, (region, view)
        assert max(fits) >= 24, (region, view, max(fits))
