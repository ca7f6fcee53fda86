"""A session plan: each chosen muscle's trigger points, on each side, with the technique,
tool, position and dose the knowledge base gives, as the person's cautions allow it.

A point is released with a pressure or massage technique applied where the point lies (the
technique's ``applied_at`` meets the point's sites); the first such technique the muscle
lists that the caution filter leaves unblocked is used, through the very filter the muscle
pages use (``core/safety/cautions.filter_technique``), so a session never asks for more than
the muscle page would show. Left first, then right: every point of one side, then a "switch
sides" cue, then the same points on the other side.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.model import Muscle, Span, Technique, TriggerPoint
from knotwork.core.kb.present import shown
from knotwork.core.safety.cautions import Filtered, Personal, filter_technique

RELEASE_KINDS = ("pressure", "massage")
SIDES = ("left", "right")
# A slow stroke (Davies: slow, short strokes) takes about two seconds; used only to size a
# session that has stroke counts in it.
STROKE_SECONDS = 2


class Step(NamedTuple):
    """One point on one side: what the player shows and times."""

    muscle: str
    muscle_name: str
    area: str
    point: int
    label: str
    lay: str
    view: str
    sites: tuple[str, ...]
    side: str | None  # left, right, or None for a point on the midline
    technique: str
    technique_name: str
    kind: str
    tool: str
    position: str
    how: tuple[str, ...]
    hold_seconds: int | None  # a hold timer, or
    strokes: int | None  # a stroke counter
    repetitions: int
    hold_range: Span | None
    stroke_range: Span | None
    repetition_range: Span
    times_per_day: Span
    pressure: Span | None  # firm but tolerable: the dose's range, capped by the cautions
    stop_if: tuple[str, ...]
    changes: tuple[str, ...]  # what a caution changed, and why
    switch: bool = False  # the first step after the side changed

    @property
    def seconds(self) -> int:
        """How long the step's work takes, all repetitions together."""
        one = self.hold_seconds or (self.strokes or 0) * STROKE_SECONDS
        return one * self.repetitions

    @property
    def key(self) -> str:
        """The point on its side, as holds name it: ``upper-trapezius:1:left``."""
        return f"{self.muscle}:{self.point}:{self.side or 'midline'}"


class Skipped(NamedTuple):
    """A point the plan leaves out, and why (a caution blocked every technique for it)."""

    muscle: str
    point: int
    label: str
    reason: str


class Choice(NamedTuple):
    """What a person may choose within the dose: hold length, repetitions, sides."""

    hold_seconds: int | None = None
    repetitions: int | None = None
    sides: tuple[str, ...] = SIDES


def release_technique(
    kb: KnowledgeBase, m: Muscle, point: TriggerPoint, personal: Personal
) -> tuple[Filtered | None, str]:
    """The technique that releases this point for this person, or None and why not."""
    reasons: list[str] = []
    for technique in m.self_treatment:
        if technique.kind not in RELEASE_KINDS:
            continue
        if not set(technique.applied_at) & set(point.location.site):
            continue
        filtered = filter_technique(kb.safety, kb.atlas, technique, personal, m.cautions)
        if not filtered.blocked:
            return filtered, ""
        reasons.extend(c.reason for c in filtered.changes)
    if reasons:
        return None, reasons[0]
    return None, "The knowledge base has no pressure or massage technique for this spot."


def sides_of(kb: KnowledgeBase, point: TriggerPoint, wanted: Sequence[str]) -> list[str | None]:
    """The sides a point is treated on: a paired place on each side wanted, in left-right
    order; a point on the midline once."""
    paired = any(len(kb.atlas.bases[s]) > 1 for s in point.location.site)
    return [s for s in SIDES if s in wanted] if paired else [None]


def build_steps(
    kb: KnowledgeBase, muscles: Sequence[Muscle], personal: Personal, choice: Choice
) -> tuple[list[Step], list[Skipped]]:
    steps: list[Step] = []
    skipped: list[Skipped] = []
    for m in muscles:
        chosen: list[tuple[TriggerPoint, Filtered]] = []
        for point in m.trigger_points:
            filtered, why = release_technique(kb, m, point, personal)
            if filtered is None:
                skipped.append(Skipped(m.id, point.number, point.label, why))
            else:
                chosen.append((point, filtered))
        by_side = _by_side(kb, chosen, choice.sides)
        for number, (side, points) in enumerate(by_side):
            for index, (point, filtered) in enumerate(points):
                switch = number > 0 and index == 0
                steps.append(_step(m, point, filtered, side, choice, switch))
    return steps, skipped


def _by_side(
    kb: KnowledgeBase, chosen: list[tuple[TriggerPoint, Filtered]], wanted: Sequence[str]
) -> list[tuple[str | None, list[tuple[TriggerPoint, Filtered]]]]:
    groups: dict[str | None, list[tuple[TriggerPoint, Filtered]]] = {}
    for point, filtered in chosen:
        for side in sides_of(kb, point, wanted):
            groups.setdefault(side, []).append((point, filtered))
    order = [None, *SIDES]
    return [(s, groups[s]) for s in order if s in groups]


def _step(
    m: Muscle,
    point: TriggerPoint,
    filtered: Filtered,
    side: str | None,
    choice: Choice,
    switch: bool,
) -> Step:
    t: Technique = filtered.technique
    dose = filtered.dose
    hold = None
    if dose.hold_seconds:
        hold = choice.hold_seconds or dose.hold_seconds.min
    strokes = None if hold else (dose.strokes.min if dose.strokes else None)
    how = shown({"steps": list(t.steps)}, filtered)["steps"]  # pressure words capped too
    return Step(
        muscle=m.id,
        muscle_name=m.name,
        area=m.area,
        point=point.number,
        label=point.label,
        lay=point.location.lay,
        view=point.location.view,
        sites=point.location.site,
        side=side,
        technique=t.id,
        technique_name=t.name,
        kind=t.kind,
        tool=t.tool,
        position=t.position,
        how=tuple(how),
        hold_seconds=hold,
        strokes=strokes,
        repetitions=choice.repetitions or dose.repetitions.min,
        hold_range=dose.hold_seconds,
        stroke_range=dose.strokes,
        repetition_range=dose.repetitions,
        times_per_day=dose.times_per_day,
        pressure=dose.pressure,
        stop_if=t.stop_if,
        changes=tuple(c.reason for c in filtered.changes),
        switch=switch,
    )
