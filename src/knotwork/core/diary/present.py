"""Progress as a plain document: the CLI's ``--json``, the Progress page's JSON twin and the
API all serve this one shape."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from statistics import fmean
from typing import Any

from knotwork.core.diary.codec import to_dict
from knotwork.core.diary.model import Entry
from knotwork.core.diary.progress import (
    CAVEAT,
    MEANINGFUL_POINTS,
    MEANINGFUL_SHARE,
    Average,
    Progress,
    Window,
)
from knotwork.core.diary.records import Finding, Impression
from knotwork.core.diary.repository import Record
from knotwork.core.diary.treatment import Treatment
from knotwork.core.diary.vocab import TREATMENT_LABELS
from knotwork.core.diary.when import zone_info
from knotwork.core.kb.base import KnowledgeBase


def window_dict(w: Window | None) -> dict[str, str] | None:
    return None if w is None else {"first": w.first.isoformat(), "last": w.last.isoformat()}


def progress_dict(p: Progress) -> dict[str, Any]:
    change = p.change
    return {
        "since": p.since.isoformat(),
        "until": p.until.isoformat(),
        "entries": p.entries,
        "points_are": "entries" if p.per_entry else "daily means",
        "points": [{"at": pt.at.isoformat(timespec="minutes"), "pain": pt.pain} for pt in p.points],
        "seven_day_average": [{"day": a.day.isoformat(), "value": a.value} for a in p.averages],
        "treatments": [
            {
                "id": t.id,
                "at": t.utc.isoformat().replace("+00:00", "Z"),
                "day": local_day(t.utc, t.zone).isoformat(),
                "kind": t.kind,
                "name": t.name,
            }
            for t in p.treatments
        ],
        "impressions": [to_dict(i) for i in p.impressions],
        "regions": {
            "start": window_dict(p.start),
            "now": window_dict(p.now),
            "start_means": p.start_regions,
            "now_means": p.now_regions,
        },
        "change": None
        if change is None
        else {
            "start": window_dict(change.start),
            "now": window_dict(change.now),
            "baseline": change.baseline,
            "current": change.current,
            "points": change.points,
            "percent": change.percent,
            "direction": change.direction,
            "meaningful": change.meaningful,
            "summary": change.sentence(),
        },
        "meaningful_rule": {
            "points": MEANINGFUL_POINTS,
            "share": MEANINGFUL_SHARE,
            "sources": ["farrar-2001", "dworkin-2008"],
        },
        "caveat": CAVEAT,
    }


def weekly(averages: tuple[Average, ...], step: int) -> list[tuple[date, float | None]]:
    """Every ``step``-th day's 7-day average, from the last day backwards (so the newest row
    is the period's end), oldest first."""
    picked = list(averages)[::-1][::step][::-1]
    return [(a.day, a.value) for a in picked]


def treatment_counts(p: Progress, first: date, last: date) -> Counter[str]:
    return Counter(
        t.name if t.kind in ("medication", "professional") else t.kind
        for t in p.treatments
        if first <= local_day(t.utc, t.zone) <= last
    )


def local_day(utc: datetime, zone: str) -> date:
    return utc.astimezone(zone_info(zone)).date()


def mean_or_none(values: list[float]) -> float | None:
    return round(fmean(values), 1) if values else None


def week_before(day: date) -> date:
    return day - timedelta(days=6)


def namer(kb: KnowledgeBase) -> Callable[[str], str]:
    """A region's or a muscle's name from its id (other words stay as they are)."""

    def name(key: str) -> str:
        if key in kb.atlas:
            return kb.atlas.get(key).label
        muscle = kb.muscles.get(key)
        return muscle.name if muscle else key

    return name


def ids(key: str) -> str:
    """The default ``name``: ids as they are (a technique's without its muscle)."""
    return key.rpartition("/")[2]


def summary(record: Record, name: Callable[[str], str] = ids) -> str:
    """What the record says, in one short line (``name`` turns a region or muscle id, or a
    technique as ``muscle/technique``, into words; ids stay as they are by default, as the
    command line takes them)."""
    if isinstance(record, Entry):
        places = ", ".join(f"{name(r.region)} {r.pain}" for r in record.regions)
        return f"pain {record.pain}/10" + (f"; {places}" if places else "")
    if isinstance(record, Treatment):
        return treatment_summary(record, name)
    if isinstance(record, Impression):
        return f"since the start: {record.label} ({record.value}/7)"
    return finding_summary(record, name)


def treatment_summary(t: Treatment, name: Callable[[str], str] = ids) -> str:
    what = TREATMENT_LABELS[t.kind]
    if t.medication:
        schedule = "regular" if t.medication.schedule == "regular" else "as needed"
        what = f"{t.medication.name} {t.medication.dose}".strip() + f" ({schedule})"
    elif t.professional:
        what = t.professional.replace("-", " ")
    # A technique's id is only unique within its muscle ("ball-on-floor" is six different
    # positions), so its name is looked up as muscle/technique.
    technique = t.technique and name(f"{t.muscle or ''}/{t.technique}").lower()
    detail = [
        x
        for x in (t.muscle and name(t.muscle), technique, t.side, t.region and name(t.region))
        if x
    ]
    if detail:
        what += f": {' '.join(detail)}"
    if t.relief is not None:
        what += f"; relief {t.relief}/10"
    return what


def finding_summary(f: Finding, name: Callable[[str], str] = ids) -> str:
    muscles = ", ".join(name(m) for m in f.muscles[:3]) or "no muscles"
    places = ", ".join(name(m.region) for m in f.marks) or f'"{f.text[:40]}"'
    return f"finder: {places} -> {muscles}"
