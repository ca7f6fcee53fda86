"""Dose ceilings every technique keeps, whoever wrote it (KB-030, KB-031).

The ceilings come from the evidence notes: pressure release to a clear but bearable 5-7/10
held 30-90 s (Hou 2002 and the trials in Lu 2022), self-massage in 6-12 short strokes
(Davies), and a heat pack for 10-15 minutes up to three times a day, wrapped, with the skin
checked (the NHS safe-use guidance, ``mpft-heat-treatment``). A caution may lower a dose for
one person; no file may ask more of everyone. Soaks and baths (tool ``none``) are not heat
packs: their dose rests on the trigger point manuals and is graded expert opinion.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from knotwork.core.problems import Problem

if TYPE_CHECKING:
    from knotwork.core.kb.check_context import Context
    from knotwork.core.kb.schema import MuscleFile, Range, Technique

RULES: dict[str, str] = {
    "KB-030": "a technique's dose keeps the ceilings: pressure at most 7/10, holds at most "
    "90 s, massage in 6-12 strokes",
    "KB-031": "a heat pack lasts at most 15 minutes, at most 3 times a day, and cites the "
    "safe-use guidance (mpft-heat-treatment)",
}

PRESSURE_MAX = 7
HOLD_MAX_SECONDS = 90
STROKES = (6, 12)
HEAT_PACK_MINUTES_MAX = 15
HEAT_PACK_TIMES_MAX = 3
HEAT_GUIDANCE = "mpft-heat-treatment"


def dose_problems(file: str, mf: MuscleFile, ctx: Context) -> Iterator[Problem]:
    for i, tech in enumerate(mf.self_treatment):
        where = f"self_treatment.{i}"
        for field, why in _over_ceiling(tech):
            yield Problem(file, f"{where}.{field}", "KB-030", why)
        if tech.kind == "heat" and tech.tool == "heat-pack":
            for field, why in _heat_pack(tech):
                yield Problem(file, f"{where}.{field}", "KB-031", why)


def _over_ceiling(tech: Technique) -> Iterator[tuple[str, str]]:
    d = tech.dose
    if d.pressure is not None and d.pressure.max > PRESSURE_MAX:
        yield "dose.pressure", f"pressure up to {d.pressure.max}/10 (ceiling {PRESSURE_MAX}/10)"
    if d.hold_seconds is not None and d.hold_seconds.max > HOLD_MAX_SECONDS:
        yield "dose.hold_seconds", f"holds up to {d.hold_seconds.max} s (ceiling 90 s)"
    if d.strokes is not None and not _within(d.strokes, *STROKES):
        yield "dose.strokes", f"{d.strokes.min}-{d.strokes.max} strokes (6-12 make a treatment)"


def _heat_pack(tech: Technique) -> Iterator[tuple[str, str]]:
    d = tech.dose
    if d.minutes is not None and d.minutes.max > HEAT_PACK_MINUTES_MAX:
        yield "dose.minutes", f"up to {d.minutes.max} minutes (at most 15)"
    if d.times_per_day.max > HEAT_PACK_TIMES_MAX:
        yield "dose.times_per_day", f"up to {d.times_per_day.max} times a day (at most 3)"
    if HEAT_GUIDANCE not in tech.citations:
        yield "citations", f"cite the safe-use guidance '{HEAT_GUIDANCE}' for the dose"


def _within(value: Range, low: int, high: int) -> bool:
    return low <= value.min and value.max <= high
