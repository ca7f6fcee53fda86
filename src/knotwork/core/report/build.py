"""The report's content, gathered from one person's diary.

Two periods: the trend is the last 90 days (what a clinician asks first: how has it been
lately); "now against the start" is the whole diary, its first week against its last, so a
year of slow improvement shows even when the last 90 days are flat. Both changes are judged by
the same rule as the Progress page (2 points or 30 %, Farrar et al. 2001).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import fmean

from knotwork.core.diary.model import Entry
from knotwork.core.diary.progress import Progress
from knotwork.core.diary.records import Finding, Impression
from knotwork.core.diary.service import Diary
from knotwork.core.diary.treatment import Treatment
from knotwork.core.diary.vocab import TREATMENT_LABELS
from knotwork.core.fairtest.analysis import Result

TREND_DAYS = 90
SORE = ("moderate", "severe")
Name = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class TreatmentRow:
    """One kind of treatment (a muscle released, a medicine, a kind of care) in the period."""

    label: str
    kind: str
    count: int
    per_week: float
    felt_during: float | None  # mean 0-10 where recorded
    relief: float | None  # mean relief right after, 0-10
    rated: int  # how many had a relief rating
    sore: int  # next-day soreness moderate or severe
    soreness_known: int  # how many had next-day soreness recorded
    last: date


@dataclass(frozen=True, slots=True)
class MuscleRow:
    """A muscle the finder showed, and what the press test said (the latest answer)."""

    muscle: str
    shown: int  # in how many saved results
    last_shown: date
    press: str | None  # yes, no, unsure, or None (not tested)
    press_day: date | None


@dataclass(frozen=True, slots=True)
class SafetyAnswer:
    question: str  # the red-flag question id
    answer: bool  # the latest answer (True = yes)
    day: date  # when it was given
    ever_yes: date | None  # the last day a yes was given, if ever


@dataclass(frozen=True, slots=True)
class PegPoint:
    day: date
    score: float


@dataclass(frozen=True, slots=True)
class Report:
    made: datetime  # local time of the person
    today: date
    span: tuple[date, date] | None  # the diary's first and last day with an entry
    counts: dict[str, int]
    trend: Progress  # the last 90 days
    overall: Progress  # the whole diary
    treatments: tuple[TreatmentRow, ...]
    muscles: tuple[MuscleRow, ...]
    findings: int
    safety: tuple[SafetyAnswer, ...]
    safety_level: str | None  # the latest saved result's screen level
    safety_day: date | None
    pgic: Impression | None
    peg_last: PegPoint | None  # the latest PEG-3 in the 90 days
    peg_mean: float | None  # their mean over the 90 days
    peg_count: int
    fair: tuple[Result, ...] = ()  # the person's fair tests, newest first

    @property
    def empty(self) -> bool:
        return self.overall.empty


def build_report(diary: Diary, name: Name = str, fair: Sequence[Result] = ()) -> Report:
    """Everything the report shows, read in one consistent view of the diary (``name``
    turns a muscle or region id into words for the treatment groups)."""
    today = diary.today()
    since = today - timedelta(days=TREND_DAYS - 1)
    with diary.repo.reading():
        trend = diary.progress(TREND_DAYS)
        overall = diary.progress(None)
        recent = diary.repo.treatments(since, today)
        findings = diary.repo.findings()
        impressions = diary.repo.impressions(limit=1)
        pegs = [e for e in diary.repo.entries(since, today) if e.peg is not None]
        span = diary.repo.span()
        counts = diary.counts()
    return Report(
        made=diary.now().local.replace(tzinfo=None),
        today=today,
        span=span,
        counts=counts,
        trend=trend,
        overall=overall,
        treatments=tuple(treatment_rows(recent, TREND_DAYS, name)),
        muscles=tuple(muscle_rows(findings)),
        findings=len(findings),
        safety=tuple(safety_answers(findings)),
        safety_level=findings[0].level if findings else None,
        safety_day=findings[0].when.day if findings else None,
        pgic=impressions[0] if impressions else None,
        peg_last=_peg(pegs[0]) if pegs else None,
        peg_mean=round(fmean(e.peg.score for e in pegs if e.peg), 1) if pegs else None,
        peg_count=len(pegs),
        fair=tuple(fair),
    )


def _peg(e: Entry) -> PegPoint:
    assert e.peg is not None
    return PegPoint(e.when.day, e.peg.score)


def treatment_key(t: Treatment, name: Name = str) -> tuple[str, str]:
    """How treatments are grouped in the table, and the group's words."""
    if t.medication is not None:
        label = f"{t.medication.name} {t.medication.dose}".strip()
        return f"medication:{label}", label + (" (as needed)" if t.medication.schedule ==
                                                "as-needed" else " (regular)")  # fmt: skip
    if t.professional is not None:
        return f"professional:{t.professional}", t.professional.replace("-", " ").capitalize()
    short = {"self-treatment": "Release"}.get(t.kind, TREATMENT_LABELS[t.kind])
    where = t.muscle or t.region
    side = f" ({t.side})" if t.side and t.muscle else ""
    label = f"{short}: {name(where)}{side}" if where else short
    return f"{t.kind}:{where}:{t.side}", label


def treatment_rows(
    treatments: Sequence[Treatment], days: int, name: Name = str
) -> list[TreatmentRow]:
    """One row per group, most frequent first."""
    groups: dict[str, list[Treatment]] = defaultdict(list)
    labels: dict[str, str] = {}
    for t in treatments:
        key, label = treatment_key(t, name)
        groups[key].append(t)
        labels[key] = label
    rows = []
    for key, items in groups.items():
        felt = [t.felt_during for t in items if t.felt_during is not None]
        relief = [t.relief for t in items if t.relief is not None]
        known = [t.soreness for t in items if t.soreness is not None]
        rows.append(
            TreatmentRow(
                label=labels[key],
                kind=items[0].kind,
                count=len(items),
                per_week=round(len(items) * 7 / days, 1),
                felt_during=round(fmean(felt), 1) if felt else None,
                relief=round(fmean(relief), 1) if relief else None,
                rated=len(relief),
                sore=sum(s in SORE for s in known),
                soreness_known=len(known),
                last=max(t.when.day for t in items),
            )
        )
    rows.sort(key=lambda r: (-r.count, r.label))
    return rows


def muscle_rows(findings: Sequence[Finding]) -> list[MuscleRow]:
    """Every muscle shown in a saved finder result (newest results first in ``findings``),
    confirmed ones (press test "yes") first, then by how often they were shown."""
    shown: dict[str, list[date]] = defaultdict(list)
    press: dict[str, tuple[str, date]] = {}
    for f in findings:
        for muscle in f.muscles:
            shown[muscle].append(f.when.day)
        for muscle, answer in f.press:
            press.setdefault(muscle, (answer, f.when.day))  # the newest answer wins
    for muscle in press:
        shown.setdefault(muscle, [])
    rows = [
        MuscleRow(
            muscle=m,
            shown=len(days),
            last_shown=max(days) if days else press[m][1],
            press=press[m][0] if m in press else None,
            press_day=press[m][1] if m in press else None,
        )
        for m, days in shown.items()
    ]
    order = {"yes": 0, "unsure": 1, None: 2, "no": 3}
    rows.sort(key=lambda r: (order[r.press], -r.shown, r.muscle))
    return rows


def safety_answers(findings: Sequence[Finding]) -> list[SafetyAnswer]:
    """Each red-flag question ever answered: its latest answer and day, and the last yes."""
    latest: dict[str, tuple[bool, date]] = {}
    yes: dict[str, date] = {}
    for f in findings:  # newest first
        for question, answer in f.answers:
            latest.setdefault(question, (answer, f.when.day))
            if answer:
                yes.setdefault(question, f.when.day)
    rows = [SafetyAnswer(q, a, d, yes.get(q)) for q, (a, d) in latest.items()]
    rows.sort(key=lambda r: (not r.answer, r.ever_yes is None, r.question))
    return rows
