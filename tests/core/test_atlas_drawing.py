"""The body-map drawing matches the atlas one to one, and the renderer keeps it valid."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from knotwork.core.atlas.model import Atlas
from knotwork.core.atlas.render import DRAWING, NS, Marker, region_shapes, render_map


def shapes() -> list[ET.Element]:
    return region_shapes(ET.parse(DRAWING).getroot())


def test_every_region_and_view_has_exactly_one_shape(atlas: Atlas) -> None:
    drawn = [(s.get("data-region"), s.get("data-view")) for s in shapes()]
    expected = [(r.id, v) for r in atlas for v in r.views]
    assert sorted(drawn) == sorted(expected)  # one to one: no missing, extra or double shape
    assert len(drawn) == 253


def test_every_shape_has_its_id_title_and_an_anchor_inside_it(atlas: Atlas) -> None:
    for shape in shapes():
        region, view = shape.get("data-region", ""), shape.get("data-view")
        assert shape.get("id") == f"{view}--{region}"
        title = shape.find(f"{NS}title")
        assert title is not None
        assert title.text == atlas.get(region).label
        xs, ys = zip(
            *[
                (float(x), float(y))
                for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", shape.get("d", ""))
            ],
            strict=True,
        )
        cx, cy = float(shape.get("data-cx", "nan")), float(shape.get("data-cy", "nan"))
        assert min(xs) <= cx <= max(xs) and min(ys) <= cy <= max(ys), region


def test_each_view_is_labelled_with_the_persons_own_sides() -> None:
    root = ET.parse(DRAWING).getroot()
    for view, (left_label, right_label) in {
        "front": ("YOUR RIGHT", "YOUR LEFT"),
        "back": ("YOUR LEFT", "YOUR RIGHT"),
    }.items():
        group = next(g for g in root.iter(f"{NS}g") if g.get("data-view") == view)
        labels = {t.text: float(t.get("x", "0")) for t in group.iter(f"{NS}text")}
        # The label on the viewer's left comes first in x.
        assert labels[left_label] < labels[right_label], view
        # And the person's right-side regions are drawn on that label's side.
        x0, _, w, _ = (float(v) for v in group.get("data-viewbox", "").split())
        right = [
            s
            for s in region_shapes(group)
            if s.get("data-region") == "palm-right" or s.get("data-region") == "back-of-hand-right"
        ]
        assert right
        on_left_half = float(right[0].get("data-cx", "0")) < x0 + w / 2
        assert on_left_half == (view == "front")


def test_highlights_markers_and_selection_become_classes_and_elements(atlas: Atlas) -> None:
    svg = render_map(
        atlas,
        {"temple-right": "essential", "jaw-right": "spillover"},
        [Marker("top-of-shoulder-right", "1", "Trigger point 1")],
        selected=["temple-right"],
    )
    root = ET.fromstring(svg)
    classes = {s.get("data-region"): s.get("class") for s in region_shapes(root)}
    assert classes["temple-right"] == "kw-region kw-essential kw-selected"
    assert classes["jaw-right"] == "kw-region kw-spillover"
    markers = [g for g in root.iter(f"{NS}g") if g.get("class") == "kw-marker"]
    assert len(markers) == 2  # the top of the shoulder is drawn in both views


def test_one_view_or_a_cropped_part_can_be_drawn(atlas: Atlas) -> None:
    back = ET.fromstring(render_map(atlas, views=("back",)))
    assert {s.get("data-view") for s in region_shapes(back)} == {"back"}
    cropped = ET.fromstring(render_map(atlas, {"heel-left": "essential"}, crop=True))
    _, y, _, h = (float(v) for v in cropped.get("viewBox", "").split())
    assert y > 700
    assert h < 500


def test_page_maps_drop_the_style_and_carry_keyboard_semantics(atlas: Atlas) -> None:
    svg = render_map(atlas, standalone=False, interactive=True, selected=["heel-left"])
    assert "<style" not in svg
    assert "data-cx" not in svg
    root = ET.fromstring(svg)
    heel = next(s for s in region_shapes(root) if s.get("data-region") == "heel-left")
    assert (heel.get("role"), heel.get("tabindex"), heel.get("aria-pressed")) == (
        "button",
        "-1",
        "true",
    )


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_any_highlight_renders_well_formed_svg(atlas: Atlas, data: st.DataObject) -> None:
    ids = sorted(atlas.regions)
    chosen = data.draw(st.lists(st.sampled_from(ids), max_size=12, unique=True))
    kinds = data.draw(
        st.lists(
            st.sampled_from(["essential", "spillover", "selected"]),
            min_size=len(chosen),
            max_size=len(chosen),
        )
    )
    svg = render_map(atlas, dict(zip(chosen, kinds, strict=True)), crop=bool(chosen))
    ET.fromstring(svg)  # raises if not well-formed


def test_a_map_of_links_takes_every_shape_out_of_the_tab_order(atlas: Atlas) -> None:
    root = ET.fromstring(render_map(atlas, link="/places/{region}?answer=fever%3Ano"))
    anchors = list(root.iter(f"{NS}a"))
    assert len(anchors) == len(region_shapes(root)) == 253
    for anchor in anchors:
        (shape,) = list(anchor)
        assert anchor.get("href") == f"/places/{shape.get('data-region')}?answer=fever%3Ano"
        assert anchor.get("tabindex") == "-1"
    # The page's list offers the same links to everyone; the image is for pointers.
    assert root.get("aria-hidden") == "true" and root.get("role") is None
