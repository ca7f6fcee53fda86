"""The report as a plain document: the JSON twin, and what the page and the PDF are drawn
from (they add only the pictures: the chart and the two body maps)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from knotwork.core.diary.chart import summary as chart_summary
from knotwork.core.diary.progress import CAVEAT, MEANINGFUL_POINTS, MEANINGFUL_SHARE, Change
from knotwork.core.diary.vocab import TREATMENT_LABELS
from knotwork.core.fairtest.analysis import Result
from knotwork.core.fairtest.present import headline
from knotwork.core.report.build import Report

FAIR_SHOWN = 2  # the newest tests on the page; the JSON has them all

NOT_A_DIAGNOSIS = "Self-reported; not a diagnosis."
TITLE = "Pain diary: summary for a clinician"
CAVEATS = (
    NOT_A_DIAGNOSIS + " Every figure here was recorded by the person in Knotwork, a "
    "self-help tool; none was measured or examined by a clinician.",
    CAVEAT,
    "Muscles are those Knotwork's finder suggested from where it hurts; a press test is the "
    "person pressing the spot themselves. Links between trigger points and pain are "
    "hypotheses, not established causes.",
)
SOURCES = (
    "Meaningful change: 2 points or 30 % on the 0-10 scale (Farrar et al. 2001; IMMPACT, "
    "Dworkin et al. 2008).",
    "PEG-3: Krebs et al. 2009. PGIC: the NINDS order, 1 very much improved to 7 very much "
    "worse (Hurst & Bolton 2004).",
)
Words = Callable[[str], str]


def _day(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def change_dict(c: Change | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "start": {"first": c.start.first.isoformat(), "last": c.start.last.isoformat()},
        "now": {"first": c.now.first.isoformat(), "last": c.now.last.isoformat()},
        "baseline": c.baseline,
        "current": c.current,
        "points": c.points,
        "percent": c.percent,
        "direction": c.direction,
        "meaningful": c.meaningful,
        "summary": c.sentence(),
    }


def report_dict(
    r: Report, person: str = "", name: Words = str, question: Words = str, flag: Words = str
) -> dict[str, Any]:
    """The report's content; ``name`` gives muscles and regions their words, ``question``
    and ``flag`` the red-flag questions their question and their short name."""
    trend, overall = r.trend, r.overall
    days = (trend.until - trend.since).days + 1
    places = sorted({*overall.start_regions, *overall.now_regions},
                    key=lambda k: (-(overall.now_regions.get(k) or 0), k))  # fmt: skip
    return {
        "title": TITLE,
        "person": person.strip(),
        "made": r.made.isoformat(timespec="minutes"),
        "today": r.today.isoformat(),
        "diary": {
            "first": _day(r.span[0]) if r.span else None,
            "last": _day(r.span[1]) if r.span else None,
            "counts": r.counts,
        },
        "trend": {
            "since": trend.since.isoformat(),
            "until": trend.until.isoformat(),
            "days": days,
            "entries": trend.entries,
            "title": f"Pain over the last {days} days, {trend.since:%d %b} to "
            f"{trend.until:%d %b %Y}",
            "summary": chart_summary(trend),
            "change": change_dict(trend.change),
        },
        "since_start": change_dict(overall.change),
        "places": [
            {
                "region": k,
                "label": name(k),
                "start": overall.start_regions.get(k),
                "now": overall.now_regions.get(k),
            }
            for k in places
        ],
        "treatments": [
            {
                "label": t.label,
                "kind": t.kind,
                "kind_label": TREATMENT_LABELS[t.kind],
                "count": t.count,
                "per_week": t.per_week,
                "felt_during": t.felt_during,
                "relief": t.relief,
                "rated": t.rated,
                "sore_next_day": t.sore,
                "soreness_recorded": t.soreness_known,
                "last": t.last.isoformat(),
            }
            for t in r.treatments
        ],
        "muscles": [
            {
                "id": m.muscle,
                "name": name(m.muscle),
                "shown": m.shown,
                "last_shown": m.last_shown.isoformat(),
                "press": m.press,
                "press_day": _day(m.press_day),
            }
            for m in r.muscles
        ],
        "findings": r.findings,
        "safety": {
            "level": r.safety_level,
            "day": _day(r.safety_day),
            "answers": [
                {
                    "id": a.question,
                    "name": flag(a.question),
                    "question": question(a.question),
                    "answer": "yes" if a.answer else "no",
                    "day": a.day.isoformat(),
                    "ever_yes": _day(a.ever_yes),
                }
                for a in r.safety
            ],
        },
        "pgic": None
        if r.pgic is None
        else {"value": r.pgic.value, "label": r.pgic.label, "day": r.pgic.when.day.isoformat()},
        "peg": {
            "last": None
            if r.peg_last is None
            else {"day": r.peg_last.day.isoformat(), "score": r.peg_last.score},
            "mean": r.peg_mean,
            "count": r.peg_count,
        },
        "fair_tests": [fair_dict(f) for f in r.fair],
        "fair_shown": FAIR_SHOWN,
        "meaningful_rule": {"points": MEANINGFUL_POINTS, "share": MEANINGFUL_SHARE},
        "not_a_diagnosis": NOT_A_DIAGNOSIS,
        "caveats": list(CAVEATS),
        "sources": list(SOURCES),
    }


def fair_dict(r: Result) -> dict[str, Any]:
    """A fair test as the report shows it (core/fairtest/present.py has the whole of it)."""
    v, t = r.verdict, r.test
    low, high = v.interval_90 if v.interval_90 else (None, None)
    return {
        "id": t.id,
        "a": t.a.name,
        "b": t.b.name,
        "start": t.start.isoformat(),
        "status": r.status,
        "verdict": v.label,
        "kind": v.kind,
        "complete_blocks": v.complete_blocks,
        "planned_blocks": v.planned_blocks,
        "p_a_better": None if v.p_a_better is None else round(v.p_a_better, 3),
        "p_a_better_by_1": None if v.p_a_better_by_1 is None else round(v.p_a_better_by_1, 3),
        "interval_90": None if low is None else [round(low, 2), round(high or 0.0, 2)],
        "headline": headline(r),
        "stopped": None if r.stop is None else {"day": r.stop.day.isoformat(), "by": r.stop.by},
    }
