"""The data behind the Diary and Progress pages (each page's JSON twin is this data)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from statistics import fmean
from typing import Any

from knotwork.core.atlas.model import Atlas
from knotwork.core.atlas.render import render_map
from knotwork.core.diary.chart import pain_chart, summary
from knotwork.core.diary.present import local_day, progress_dict
from knotwork.core.diary.progress import Progress

PERIODS = (("30", "30 days"), ("90", "90 days"), ("365", "A year"), ("all", "All of it"))
CITED = "Farrar et al. 2001; IMMPACT, Dworkin et al. 2008"


def period_days(value: str) -> int | None:
    """``days=`` of the Progress page: 7 to 3660, or ``all``."""
    from knotwork.core.errors import InvalidInput

    if value == "all":
        return None
    if not value.isdigit() or not 7 <= int(value) <= 3660:
        raise InvalidInput(f"days must be a whole number 7 to 3660, or all; not '{value}'.")
    return int(value)


def progress_page(p: Progress, atlas: Atlas, chosen: str) -> dict[str, Any]:
    data = progress_dict(p)
    data["periods"] = [{"days": d, "label": label, "current": d == chosen} for d, label in PERIODS]
    data["chart"] = {"title": _title(p), "summary": summary(p)}
    data["days"] = _day_rows(p)
    data["places"] = _place_rows(p, atlas)
    data["cited"] = CITED
    return data


def progress_pictures(p: Progress, atlas: Atlas) -> dict[str, str]:
    """The SVG of the chart and the two maps (for the page; the JSON twin has the numbers)."""
    pictures = {"chart": pain_chart(p, _title(p))}
    places = [*p.start_regions, *p.now_regions]
    if places and p.start and p.now:
        for key, shades, window in (
            ("start_map", p.start_regions, p.start),
            ("now_map", p.now_regions, p.now),
        ):
            pictures[key] = render_map(
                atlas,
                shades=shades,
                standalone=False,
                crop=True,
                crop_to=places,  # both maps show the same part of the body
                title=f"Average pain by place, {window.first:%d %b} to {window.last:%d %b %Y}",
            )
    return pictures


def _title(p: Progress) -> str:
    days = (p.until - p.since).days + 1
    return f"Pain over {days} days, {p.since:%d %b %Y} to {p.until:%d %b %Y}"


def _day_rows(p: Progress) -> list[dict[str, Any]]:
    """One row a day with entries or treatments: the chart's data as a table."""
    pains: dict[date, list[float]] = defaultdict(list)
    for point in p.points:
        pains[point.at.date()].append(point.pain)
    treated: dict[date, list[str]] = defaultdict(list)
    for t in p.treatments:
        label = t.name if t.kind in ("medication", "professional") and t.name else t.kind
        treated[local_day(t.utc, t.zone)].append(label)
    average = {a.day: a.value for a in p.averages}
    rows = []
    for day in sorted(set(pains) | set(treated), reverse=True):
        values = pains.get(day, [])
        rows.append(
            {
                "day": day.isoformat(),
                "pain": ", ".join(f"{v:g}" for v in values) if p.per_entry else None,
                "mean": round(fmean(values), 1) if values else None,
                "average": average.get(day),
                "treatments": ", ".join(treated.get(day, [])),
            }
        )
    return rows


def _place_rows(p: Progress, atlas: Atlas) -> list[dict[str, Any]]:
    rows = []
    for region in sorted({*p.start_regions, *p.now_regions}):
        start, now = p.start_regions.get(region), p.now_regions.get(region)
        rows.append(
            {
                "region": region,
                "label": atlas.get(region).label,
                "start": start,
                "now": now,
                "change": None if start is None or now is None else round(now - start, 1),
            }
        )
    return rows
