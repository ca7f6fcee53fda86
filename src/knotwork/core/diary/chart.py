"""Knotwork's own server-side SVG chart of pain over time (no chart library, no script).

Each entry (or each day's mean, for long periods) is a dot, the 7-day average a line, and the
treatments are marked under the time axis, one row per kind. The SVG names itself (``<title>``
and ``<desc>``, ``role="img"``); the page gives it a one-line summary and its data as a table.
Colours are presentation attributes with classes beside them, so the chart reads on its own (a
report, a PDF) and a page's stylesheet can restyle it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from xml.sax.saxutils import escape, quoteattr

from knotwork.core.diary.progress import Average, Progress
from knotwork.core.diary.repository import TreatmentMark
from knotwork.core.diary.vocab import TREATMENT_KINDS, TREATMENT_LABELS
from knotwork.core.diary.when import zone_info

WIDTH = 720
PLOT_HEIGHT = 220
TOP = 14
LEFT = 62  # room for the 0-10 labels and the treatment rows' names
RIGHT = 14
AXIS = 26  # the date labels under the plot
ROW = 16  # one row of treatment marks
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
COLOURS = {
    "point": "#1d4e6e",
    "average": "#c2410c",
    "grid": "#e5ddd3",
    "text": "#4a3f37",
    "self-treatment": "#1d4e6e",
    "stretching": "#2f7d4f",
    "heat": "#c2410c",
    "cold": "#2563a8",
    "exercise": "#6b4fa0",
    "medication": "#8a5a00",
    "professional": "#9b2c5a",
}
STEPS = (1, 2, 7, 14, 28, 56, 91, 182, 365, 730)
XScale = Callable[[datetime], float]
YScale = Callable[[float], float]


def pain_chart(p: Progress, title: str = "Pain over time", width: int = WIDTH) -> str:
    """The chart, ``width`` units wide: a page draws a narrow one for phones, where the wide
    one would shrink its labels below reading size."""
    kinds = [k for k in TREATMENT_KINDS if any(t.kind == k for t in p.treatments)]
    height = TOP + PLOT_HEIGHT + AXIS + ROW * len(kinds) + (6 if kinds else 0)
    first = datetime.combine(p.since, datetime.min.time())
    span = (p.until - p.since).days + 1

    def x(moment: datetime) -> float:
        days = (moment - first).total_seconds() / 86_400
        return LEFT + (width - LEFT - RIGHT) * days / span

    def y(pain: float) -> float:
        return TOP + PLOT_HEIGHT * (1 - pain / 10)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="kw-chart" role="img" aria-label={quoteattr(title)} '
        f'font-family="{FONT}" font-size="11">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(summary(p))}</desc>",
        *_grid(y, width),
        *_dates(p.since, p.until, x, TOP + PLOT_HEIGHT, width),
        *(
            f'<circle class="kw-point" cx="{x(pt.at):.1f}" cy="{y(pt.pain):.1f}" r="2.6" '
            f'fill="{COLOURS["point"]}" fill-opacity="0.55"/>'
            for pt in p.points
        ),
        *_average(p.averages, x, y),
        *_marks(p.treatments, kinds, x, TOP + PLOT_HEIGHT + AXIS),
        "</svg>",
    ]
    return "".join(parts)


def summary(p: Progress) -> str:
    """The chart in one sentence."""
    if p.empty:
        return f"No entries from {p.since:%d %b %Y} to {p.until:%d %b %Y}."
    known = [a.value for a in p.averages if a.value is not None]
    drawn = "each entry" if p.per_entry else "each day's mean"
    text = (
        f"{p.entries} entries from {p.since:%d %b %Y} to {p.until:%d %b %Y} ({drawn} as a dot); "
        f"the 7-day average went from {known[0]:.1f} to {known[-1]:.1f}"
    )
    if p.treatments:
        text += f"; {len(p.treatments)} treatments marked below"
    return text + "."


def _grid(y: YScale, width: int) -> list[str]:
    out = []
    for level in range(0, 11, 2):
        at = y(level)
        out.append(
            f'<line class="kw-grid" x1="{LEFT}" x2="{width - RIGHT}" y1="{at:.1f}" y2="{at:.1f}" '
            f'stroke="{COLOURS["grid"]}"/>'
            f'<text class="kw-axis" x="{LEFT - 6}" y="{at + 4:.1f}" text-anchor="end" '
            f'fill="{COLOURS["text"]}">{level}</text>'
        )
    return out


def _dates(since: date, until: date, x: XScale, base: float, width: int) -> list[str]:
    span = (until - since).days + 1
    most = max(3, width // 100)  # about one label per 100 units keeps them apart
    step = next((s for s in STEPS if span / s <= most), STEPS[-1])
    fmt = "%d %b" if step < 91 else "%b %Y"
    out = []
    day = until
    while day >= since:  # from the last day back, so today is always labelled
        at = x(datetime.combine(day, datetime.min.time()) + timedelta(hours=12))
        # Labels near an edge are anchored inside the picture, not cut off.
        anchor = "end" if at > width - RIGHT - 20 else "middle"
        out.append(
            f'<line class="kw-tick" x1="{at:.1f}" x2="{at:.1f}" y1="{base}" y2="{base + 4}" '
            f'stroke="{COLOURS["text"]}"/>'
            f'<text class="kw-axis" x="{at:.1f}" y="{base + 16}" text-anchor="{anchor}" '
            f'fill="{COLOURS["text"]}">{day.strftime(fmt).lstrip("0")}</text>'
        )
        day -= timedelta(days=step)
    return out


def _average(averages: Sequence[Average], x: XScale, y: YScale) -> list[str]:
    """The 7-day average as lines, broken where a week had no entry."""
    runs: list[list[str]] = [[]]
    for a in averages:
        if a.value is None:
            runs.append([])
            continue
        at = datetime.combine(a.day, datetime.min.time()) + timedelta(hours=12)
        runs[-1].append(f"{x(at):.1f},{y(a.value):.1f}")
    return [
        f'<polyline class="kw-avg" points="{" ".join(run)}" fill="none" '
        f'stroke="{COLOURS["average"]}" stroke-width="2.5" stroke-linejoin="round"/>'
        for run in runs
        if len(run) > 1
    ]


def _marks(
    marks: Sequence[TreatmentMark], kinds: Sequence[str], x: XScale, top: float
) -> list[str]:
    out = []
    for row, kind in enumerate(kinds):
        base = top + 6 + row * ROW
        colour = COLOURS[kind]
        out.append(
            f'<text class="kw-axis" x="{LEFT - 6}" y="{base + 10}" text-anchor="end" '
            f'fill="{COLOURS["text"]}">{escape(_short(kind))}</text>'
        )
        for m in marks:
            if m.kind != kind:
                continue
            local = m.utc.astimezone(zone_info(m.zone)).replace(tzinfo=None)
            name = f" ({m.name})" if m.name else ""
            out.append(
                f'<rect class="kw-mark kw-mark-{kind}" x="{x(local) - 1.5:.1f}" y="{base}" '
                f'width="3" height="12" fill="{colour}"><title>'
                f"{local:%d %b %H:%M} {escape(TREATMENT_LABELS[kind])}{escape(name)}"
                "</title></rect>"
            )
    return out


def _short(kind: str) -> str:
    return {"self-treatment": "release", "professional": "pro care"}.get(kind, kind)
