"""The data behind the Diary and Progress pages (each page's JSON twin is this data)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from statistics import fmean
from typing import Any

from knotwork.core.atlas.model import Atlas
from knotwork.core.atlas.render import render_map
from knotwork.core.diary.chart import pain_chart, summary
from knotwork.core.diary.codec import to_dict
from knotwork.core.diary.model import Entry, RegionRating
from knotwork.core.diary.present import local_day, progress_dict
from knotwork.core.diary.present import summary as present_summary
from knotwork.core.diary.progress import Progress
from knotwork.core.diary.records import Impression
from knotwork.core.diary.repository import Record, kind_of
from knotwork.core.diary.service import Diary
from knotwork.core.diary.treatment import Treatment
from knotwork.core.diary.vocab import (
    PGIC,
    PROFESSIONAL_KINDS,
    QUALITIES,
    SORENESS,
    TREATED_SIDES,
    TREATMENT_KINDS,
    TREATMENT_LABELS,
)
from knotwork.core.kb.base import KnowledgeBase

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
    # Two drawings of one chart: a phone shows the narrow one (its labels stay readable
    # without scrolling sideways), a wider screen the wide one.
    pictures = {"chart": pain_chart(p, _title(p)), "chart_narrow": pain_chart(p, _title(p), 340)}
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


COMMON_CONTEXTS = (
    "desk-work", "phone-use", "driving", "prolonged-sitting", "standing", "walking",
    "running", "lifting", "carrying", "sleep-position", "stress", "new-exercise",
)  # fmt: skip
PAGE = 50


def diary_page(diary: Diary, kb: KnowledgeBase, until: date | None) -> dict[str, Any]:
    """The Diary page: a quick entry that starts from the last entry's places, the other
    forms, and the records, newest first (50 at a time; ``until`` pages back)."""
    atlas = kb.atlas
    records = diary.timeline(until=until, limit=PAGE + 1)
    shown = records[:PAGE]
    older = None
    if len(records) > PAGE:
        older = f"/diary?until={(shown[-1].when.day - timedelta(days=1)).isoformat()}"
    now = diary.now()
    return {
        "records": [_record_view(r, _words(kb)) for r in shown],
        "older": older,
        "last_places": [
            {**place_view(r, atlas), "checked": list(r.qualities)} for r in diary.last_places()
        ],
        "now": now.local.strftime("%Y-%m-%dT%H:%M"),
        "zone": diary.zone,
        "regions": [{"id": r.id, "label": r.label} for r in sorted(atlas, key=lambda r: r.label)],
        "qualities": list(QUALITIES),
        "contexts": [
            {"id": c, "label": kb.contexts[c].label} for c in COMMON_CONTEXTS if c in kb.contexts
        ],
        "kinds": [{"id": k, "label": TREATMENT_LABELS[k]} for k in TREATMENT_KINDS],
        "professional": list(PROFESSIONAL_KINDS),
        "sides": list(TREATED_SIDES),
        "soreness": list(SORENESS),
        "pgic": [{"value": n, "label": label} for n, label in enumerate(PGIC, 1)],
        "muscles": sorted(m.name for m in kb),
    }


def place_view(r: RegionRating, atlas: Atlas) -> dict[str, Any]:
    return {"region": r.region, "label": atlas.get(r.region).label, "pain": r.pain,
            "qualities": list(r.qualities)}  # fmt: skip


def _words(kb: KnowledgeBase) -> Callable[[str], str]:
    """A region's or a muscle's name from its id, or a technique's from ``muscle/technique``
    (its id alone when the muscle does not list it)."""

    def name(key: str) -> str:
        if "/" in key:
            muscle_id, _, technique = key.partition("/")
            found = kb.muscles.get(muscle_id)
            names = {t.id: t.name for t in found.self_treatment} if found else {}
            return names.get(technique, technique)
        if key in kb.atlas:
            return kb.atlas.get(key).label
        muscle = kb.muscles.get(key)
        return muscle.name if muscle else key

    return name


def _record_view(record: Record, name: Callable[[str], str]) -> dict[str, Any]:
    """A record as the list shows it, with its full JSON shape under ``record``."""
    return {
        "record": to_dict(record),
        "short": record.id[:8],
        "kind": kind_of(record),
        "when": record.when.local.strftime("%a %d %b %Y, %H:%M"),
        "summary": present_summary(record, name),
        "editable": isinstance(record, Entry | Treatment | Impression),
    }
