"""The pain chart is well-formed SVG that names itself, with a dot per point, the 7-day
average as a line broken where a week had no entry, and a mark per treatment; the body map
shades places by their average pain."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

from knotwork.core.atlas.model import Atlas
from knotwork.core.atlas.render import render_map, shade_step
from knotwork.core.diary.chart import PLOT_HEIGHT, TOP, pain_chart, summary
from knotwork.core.diary.progress import Average, Point, Progress
from knotwork.core.diary.repository import TreatmentMark

NS = "{http://www.w3.org/2000/svg}"
SINCE = date(2026, 11, 1)


def progress(points: int = 20, treatments: int = 3) -> Progress:
    days = [SINCE + timedelta(days=i) for i in range(30)]
    averages = tuple(Average(d, None if 10 <= i < 18 else 5.0 - i / 10) for i, d in enumerate(days))
    pts = tuple(Point(datetime(2026, 11, 1 + i, 8), i % 11) for i in range(points))
    marks = tuple(
        TreatmentMark(f"{i:032x}", datetime(2026, 11, 2 + i, 20, tzinfo=UTC), "UTC",
                      ("heat", "medication", "heat")[i % 3], "ibuprofen" if i % 3 == 1 else "")
        for i in range(treatments)
    )  # fmt: skip
    return Progress(
        SINCE, days[-1], True, pts, averages, marks, (), None, None, {}, {}, None, points
    )


def test_it_is_well_formed_and_names_itself() -> None:
    p = progress()
    root = ET.fromstring(pain_chart(p, "Pain over 30 days"))
    assert root.get("role") == "img" and root.get("aria-label") == "Pain over 30 days"
    assert root.find(f"{NS}title").text == "Pain over 30 days"  # type: ignore[union-attr]
    assert root.find(f"{NS}desc").text == summary(p)  # type: ignore[union-attr]
    assert len(root.findall(f"{NS}circle")) == 20
    assert len(root.findall(f"{NS}polyline")) == 2  # a gap of eight days without entries
    marks = root.findall(f"{NS}rect")
    assert len(marks) == 3
    (med,) = [m for m in marks if "kw-mark-medication" in (m.get("class") or "")]
    assert med.find(f"{NS}title").text == "03 Nov 20:00 Medication (ibuprofen)"  # type: ignore[union-attr]
    labels = [t.text for t in root.iter(f"{NS}text")]
    assert {"heat", "medication"} <= set(labels) and "30 Nov" in labels


def test_its_summary_says_what_it_shows() -> None:
    assert summary(progress()) == (
        "20 entries from 01 Nov 2026 to 30 Nov 2026 (each entry as a dot); the 7-day average "
        "went from 5.0 to 2.1; 3 treatments marked below."
    )
    empty = Progress(SINCE, SINCE, True, (), (), (), (), None, None, {}, {}, None, 0)
    assert summary(empty) == "No entries from 01 Nov 2026 to 01 Nov 2026."
    assert ET.fromstring(pain_chart(empty)).tag == f"{NS}svg"


def test_the_map_is_shaded_by_average_pain(atlas: Atlas) -> None:
    svg = render_map(atlas, shades={"temple-right": 6.2, "calf-left": 1.0}, crop=True)
    root = ET.fromstring(svg)
    shaded = {
        s.get("data-region"): s.get("class")
        for s in root.iter()
        if "kw-pain" in (s.get("class") or "")
    }
    assert shaded == {"temple-right": "kw-region kw-pain-4", "calf-left": "kw-region kw-pain-1"}
    assert "Temple (right): 6.2 of 10" in svg and ".kw-region.kw-pain-4{fill:" in svg
    assert [shade_step(v) for v in (0, 2, 2.1, 6, 6.1, 10)] == [1, 1, 2, 3, 4, 5]


def test_a_narrow_chart_for_phones_keeps_its_labels_apart() -> None:
    """A phone gets a drawing its own width (no sideways scrolling): the plot spans it and
    its date labels stay about 100 units apart, so they do not run into each other."""
    root = ET.fromstring(pain_chart(progress(), "Pain", width=340))
    assert root.get("viewBox", "").split()[2] == "340"
    xs = sorted(
        float(t.get("x", "0"))
        for t in root.iter(f"{NS}text")
        if t.get("y") == str(TOP + PLOT_HEIGHT + 16)
    )
    assert 2 <= len(xs) <= 4
    assert all(b - a >= 60 for a, b in pairwise(xs))
    assert max(float(c.get("cx", "0")) for c in root.iter(f"{NS}circle")) <= 340
