"""The report's pictures: the 90-day chart and the body maps of the first and the last week,
as SVG.

For the PDF each picture is an image (a ``data:`` URI) whose colours are presentation
attributes: WeasyPrint draws a document's inline SVG with neither the page's stylesheet nor
(quickly) a 70 KB drawing laid out inline, where an image took 0.6 s of CPU for the whole page
against over 20 s. The web page shows the same SVG inline, coloured by report.css (its
Content-Security-Policy refuses inline styles)."""

from __future__ import annotations

import base64
import re
from html import escape

from knotwork.core.atlas.model import Atlas
from knotwork.core.atlas.render import render_map
from knotwork.core.diary.chart import pain_chart, summary
from knotwork.core.report.build import Report

# The same colours as report.css and the Progress page (app.css): five steps of average pain.
SKIN, LINE, OUTLINE, DARK = "#efe6dc", "#d3c3b2", "#6f6259", "#7a260b"
PAIN = ("#f7b58b", "#ef8a55", "#dd5f2c", "#b3401a", "#7a260b")
CLASS = re.compile(r'class="([^"]*)"')
TITLE = re.compile(r"<title>[^<]*</title>")


def pictures(r: Report, atlas: Atlas, chart_title: str, pdf: bool) -> dict[str, str]:
    """``chart``, and ``start_map`` and ``now_map`` when the diary has two weeks to compare;
    as inline SVG for the page, as images for the PDF."""
    out: dict[str, str] = {}
    if not r.trend.empty:
        chart = pain_chart(r.trend, chart_title)
        alt = f"{chart_title}. {summary(r.trend)}"
        out["chart"] = image(untitled(chart), alt) if pdf else chart
    overall = r.overall
    if overall.start and overall.now and (overall.start_regions or overall.now_regions):
        places = [*overall.start_regions, *overall.now_regions]
        for key, shades, window in (
            ("start_map", overall.start_regions, overall.start),
            ("now_map", overall.now_regions, overall.now),
        ):
            title = f"Average pain by place, {window.first:%d %b %Y} to {window.last:%d %b %Y}"
            svg = render_map(
                atlas, shades=shades, standalone=False, crop=True, crop_to=places, title=title
            )
            values = ", ".join(f"{atlas.get(k).label} {v:.1f}" for k, v in shades.items())
            out[key] = image(coloured(svg), f"{title}: {values or 'no places'}.") if pdf else svg
    return out


def untitled(svg: str) -> str:
    """The picture without its parts' titles (tooltips: an image in a PDF shows none; its
    alternative text says what it shows); its own title stays."""
    head, _, body = svg.partition("</title>")
    return head + "</title>" + TITLE.sub("", body)


def coloured(svg: str) -> str:
    """The map with its colours as attributes, for an image (no stylesheet reaches it)."""
    return CLASS.sub(_paint, untitled(svg))


def _paint(match: re.Match[str]) -> str:
    classes = match.group(1).split()
    paint = ""
    if "kw-outline" in classes:
        paint = f' fill="{SKIN}" stroke="{OUTLINE}" stroke-width="3"'
    elif "kw-region" in classes:
        level = next((int(c[-1]) for c in classes if c.startswith("kw-pain-")), 0)
        paint = (
            f' fill="{PAIN[level - 1]}" stroke="{DARK}" stroke-width="1"'
            if level
            else f' fill="{SKIN}" stroke="{LINE}" stroke-width="0.8"'
        )
    elif "kw-detail" in classes:
        paint = ' fill="none" stroke="#bfae9c" stroke-width="1"'
    return match.group(0) + paint


def image(svg: str, alt: str) -> str:
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img alt="{escape(alt)}" src="data:image/svg+xml;base64,{data}">'
