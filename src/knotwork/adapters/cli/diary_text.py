"""Diary records as text for the terminal: one line in a list, a few lines shown alone."""

from __future__ import annotations

from knotwork.core.diary.model import Entry
from knotwork.core.diary.parse import region_text
from knotwork.core.diary.present import summary, treatment_summary
from knotwork.core.diary.repository import Record, kind_of
from knotwork.core.diary.treatment import Treatment


def short_id(record: Record) -> str:
    return record.id[:8]


def stamp(record: Record) -> str:
    return record.when.local.strftime("%Y-%m-%d %H:%M")


def detail(record: Record) -> list[str]:
    """Every field worth reading, one per line."""
    lines = [f"{kind_of(record)} {record.id}", f"  when:  {stamp(record)} ({record.when.zone})"]
    if isinstance(record, Entry):
        lines.append(f"  pain:  {record.pain}/10")
        lines += [f"  place: {region_text(r)}" for r in record.regions]
        if record.peg:
            p = record.peg
            lines.append(f"  PEG:   {p.pain}, {p.enjoyment}, {p.activity} (score {p.score})")
        if record.sleep:
            lines.append(f"  sleep: {record.sleep.hours or '-'} h, quality {record.sleep.quality}")
        if record.contexts:
            lines.append(f"  doing: {', '.join(record.contexts)}")
    elif isinstance(record, Treatment):
        lines.append(f"  what:  {treatment_summary(record)}")
        d = record.dose
        dose = [
            f"{v} {k}"
            for k, v in (("s", d.seconds), ("strokes", d.strokes), ("reps", d.repetitions))
            if v
        ]
        if d.pressure is not None:
            dose.append(f"pressure {d.pressure}/10")
        if dose:
            lines.append(f"  dose:  {', '.join(dose)}")
        if record.tool:
            lines.append(f"  tool:  {record.tool}")
        if record.felt_during is not None:
            lines.append(f"  felt during: {record.felt_during}/10")
        if record.soreness:
            lines.append(f"  next day: {record.soreness} soreness")
    else:
        lines.append(f"  {summary(record)}")
    notes = getattr(record, "notes", "")
    if notes:
        lines.append(f"  notes: {notes}")
    return lines
