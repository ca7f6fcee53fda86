"""The diary as tables, one per kind of record and one per list a record holds, for a
spreadsheet: one row per record (or per place, mark, answer), one value per cell.

Lists of ids (contexts, muscles, qualities) are joined with ``;`` (ids never contain one);
an empty cell is a value not given; yes/no answers are ``yes`` and ``no``. Times are the UTC
instant (``at_utc``), the IANA zone and the local time the person lived. The adapter writes
each table as an RFC 4180 CSV file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from knotwork.core.diary.model import Entry
from knotwork.core.diary.records import Finding, Impression
from knotwork.core.diary.repository import Contents
from knotwork.core.diary.treatment import Treatment
from knotwork.core.diary.when import When
from knotwork.core.fairtest.plan import FairTest

Cell = str | int | float | None
TIME = ("at_utc", "zone", "local_time")


@dataclass(frozen=True, slots=True)
class Table:
    name: str  # the file's name without .csv
    header: tuple[str, ...]
    rows: Sequence[tuple[Cell, ...]]


def tables(contents: Contents, fair_tests: Sequence[FairTest] = ()) -> list[Table]:
    entries, treatments = contents.entries, contents.treatments
    impressions, findings = contents.impressions, contents.findings
    return [
        Table("entries", ENTRY, [_entry(e) for e in entries]),
        Table("entry_places", PLACE, [row for e in entries for row in _places(e)]),
        Table("treatments", TREATMENT, [_treatment(t) for t in treatments]),
        Table("impressions", IMPRESSION, [_impression(i) for i in impressions]),
        Table("findings", FINDING, [_finding(f) for f in findings]),
        Table("finding_marks", MARK, [row for f in findings for row in _marks(f)]),
        Table("finding_answers", ANSWER, [row for f in findings for row in _answers(f)]),
        Table("finding_press", PRESS, [row for f in findings for row in _press(f)]),
        Table("fair_tests", FAIR, [_fair(t) for t in fair_tests]),
    ]


def _when(when: When) -> tuple[Cell, ...]:
    return (
        when.utc.isoformat().replace("+00:00", "Z"),
        when.zone,
        when.local.replace(tzinfo=None).isoformat(timespec="minutes"),
    )


def _ids(values: Iterable[str]) -> str:
    return ";".join(values)


def _yes(value: bool) -> str:
    return "yes" if value else "no"


ENTRY = (
    "id",
    *TIME,
    "pain",
    "peg_pain",
    "peg_enjoyment",
    "peg_activity",
    "peg_score",
    "sleep_hours",
    "sleep_quality",
    "contexts",
    "notes",
)


def _entry(e: Entry) -> tuple[Cell, ...]:
    peg, sleep = e.peg, e.sleep
    return (
        e.id,
        *_when(e.when),
        e.pain,
        *((peg.pain, peg.enjoyment, peg.activity, peg.score) if peg else (None,) * 4),
        *((sleep.hours, sleep.quality) if sleep else (None, None)),
        _ids(e.contexts),
        e.notes,
    )


PLACE = ("entry_id", "position", "region", "pain", "qualities")


def _places(e: Entry) -> list[tuple[Cell, ...]]:
    return [(e.id, n, r.region, r.pain, _ids(r.qualities)) for n, r in enumerate(e.regions, 1)]


TREATMENT = (
    "id",
    *TIME,
    "kind",
    "muscle",
    "technique",
    "side",
    "region",
    "tool",
    "seconds",
    "strokes",
    "repetitions",
    "pressure",
    "medication",
    "medication_dose",
    "medication_schedule",
    "professional",
    "felt_during",
    "relief",
    "soreness",
    "notes",
)


def _treatment(t: Treatment) -> tuple[Cell, ...]:
    m, d = t.medication, t.dose
    return (
        t.id,
        *_when(t.when),
        t.kind,
        t.muscle,
        t.technique,
        t.side,
        t.region,
        t.tool,
        d.seconds,
        d.strokes,
        d.repetitions,
        d.pressure,
        *((m.name, m.dose, m.schedule) if m else (None, None, None)),
        t.professional,
        t.felt_during,
        t.relief,
        t.soreness,
        t.notes,
    )


IMPRESSION = ("id", *TIME, "value", "label", "notes")


def _impression(i: Impression) -> tuple[Cell, ...]:
    return (i.id, *_when(i.when), i.value, i.label, i.notes)


FINDING = ("id", *TIME, "safety_level", "words", "muscles_shown", "cautions")


def _finding(f: Finding) -> tuple[Cell, ...]:
    return (f.id, *_when(f.when), f.level, f.text, _ids(f.muscles), _ids(f.cautions))


MARK = ("finding_id", "position", "region", "intensity", "main")


def _marks(f: Finding) -> list[tuple[Cell, ...]]:
    return [(f.id, n, m.region, m.intensity, _yes(m.main)) for n, m in enumerate(f.marks, 1)]


ANSWER = ("finding_id", "question", "answer")


def _answers(f: Finding) -> list[tuple[Cell, ...]]:
    return [(f.id, question, _yes(answer)) for question, answer in f.answers]


PRESS = ("finding_id", "muscle", "answer")


def _press(f: Finding) -> list[tuple[Cell, ...]]:
    return [(f.id, muscle, answer) for muscle, answer in f.press]


FAIR = ("id", *TIME, "a", "a_kind", "a_muscle", "b", "b_kind", "b_muscle", "outcome", "start",
        "seed", "orders", "first_blocks", "period_days", "set_aside_days", "stopped_on",
        "stop_reason")  # fmt: skip


def _fair(t: FairTest) -> tuple[Cell, ...]:
    """A fair test's plan (its result is computed from the entries: see the report)."""
    s = t.schedule
    return (
        t.id,
        *_when(t.created),
        t.a.name,
        t.a.kind,
        t.a.muscle,
        t.b.name,
        t.b.kind,
        t.b.muscle,
        t.outcome,
        t.start.isoformat(),
        s.seed,
        ";".join(s.orders),
        t.first_blocks,
        s.period_days,
        s.washout_days,
        None if t.stopped_on is None else t.stopped_on.isoformat(),
        t.stop_reason,
    )
