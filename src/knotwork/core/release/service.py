"""Release sessions' use cases: plan, record, the next-morning check, routines and Today.

Each takes the person's repository and a clock. A plan is gated by the safety screen and
capped by the guard; a recorded session is checked against the plan it claims (the same
caps, server-side) and saved with its treatment events in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from knotwork.core.diary.service import new_id
from knotwork.core.diary.treatment import Dose, Treatment
from knotwork.core.diary.when import Clock, When
from knotwork.core.errors import InvalidInput
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.model import Muscle
from knotwork.core.release import guard
from knotwork.core.release.gate import Gate, gate
from knotwork.core.release.plan import SIDES, Choice, Skipped, Step, build_steps
from knotwork.core.release.record import Hold, Routine, Session
from knotwork.core.release.repository import SessionRepository
from knotwork.core.release.soreness import Light, light, soreness_word
from knotwork.core.safety.cautions import Personal

CHECK_DAYS = 2  # the morning check asks about sessions of the last two days


class Ask(NamedTuple):
    """What a person asks for: muscles, sides, dose choices, and their screen and cautions."""

    muscles: tuple[str, ...]
    sides: tuple[str, ...] = SIDES
    hold_seconds: int | None = None
    repetitions: int | None = None
    answers: Mapping[str, bool] = {}
    text: str = ""
    marked: tuple[str, ...] = ()
    personal: Personal = Personal()
    routine: str | None = None


class Plan(NamedTuple):
    muscles: tuple[Muscle, ...]
    sides: tuple[str, ...]
    gate: Gate
    steps: tuple[Step, ...]
    skipped: tuple[Skipped, ...]
    refusals: tuple[guard.Refusal, ...]
    routine: str | None = None

    @property
    def ready(self) -> bool:
        return self.gate.open and bool(self.steps)

    @property
    def seconds(self) -> int:
        return sum(s.seconds for s in self.steps)


class Check(NamedTuple):
    """A next-morning check still to answer: a muscle treated on a recent day."""

    muscle: str
    name: str
    day: date
    treatments: tuple[str, ...]


class Due(NamedTuple):
    routine: Routine
    last: date | None
    due: bool


class Release:
    def __init__(
        self,
        repo: SessionRepository,
        kb: KnowledgeBase,
        clock: Clock,
        zone: str = "UTC",
        ids: Callable[[], str] = new_id,
    ) -> None:
        self.repo = repo
        self.kb = kb
        self.clock = clock
        self.zone = zone
        self.ids = ids

    def now(self) -> When:
        return When.of(self.clock(), self.zone)

    def today(self) -> date:
        return self.now().day

    # -- the plan ------------------------------------------------------------------------

    def muscles(self, keys: Iterable[str]) -> tuple[Muscle, ...]:
        found = tuple(dict.fromkeys(self.kb.muscle(k) for k in keys if k.strip()))
        if not found:
            raise InvalidInput("Name a muscle to treat, e.g. upper-trapezius.")
        if len(found) > 12:
            raise InvalidInput("A session treats at most 12 muscles.")
        return found

    def plan(self, ask: Ask) -> Plan:
        muscles = self.muscles(ask.muscles)
        sides = tuple(s for s in SIDES if s in ask.sides)
        if not sides or set(ask.sides) - set(SIDES):
            raise InvalidInput("The side must be left, right or both.")
        g = gate(self.kb, muscles, sides, ask.answers, ask.text, ask.marked)
        choice = Choice(ask.hold_seconds, ask.repetitions, sides)
        steps, skipped = build_steps(self.kb, muscles, ask.personal, choice)
        refusals, ease = self._refusals(steps) if g.open else ([], {})
        whole = any(r.muscle is None for r in refusals)
        held = {r.muscle for r in refusals}
        kept = [] if whole or not g.open else [s for s in steps if s.muscle not in held]
        kept = [guard.lighter(s, ease[s.muscle]) if s.muscle in ease else s for s in kept]
        return Plan(
            muscles, sides, g, tuple(_reswitch(kept)), tuple(skipped), tuple(refusals), ask.routine
        )

    def _refusals(self, steps: Sequence[Step]) -> tuple[list[guard.Refusal], dict[str, str]]:
        """What the guard refuses, and the muscles to treat more lightly today."""
        today = self.today()
        since = today - timedelta(days=guard.LOOKBACK_DAYS)
        with self.repo.reading():
            treatments = self.repo.treatments(since, today)
            days = self.repo.day_pain(since, today)
            recorded = self.repo.sessions(today, today)
        session_of = {t: s.id for s in recorded for t in s.treatments}
        refusals = [
            *guard.check_trend(self.kb, days, today),
            *guard.check_soreness(self.kb, steps, treatments, today),
            *guard.check_day(steps, treatments, today, session_of),
            *guard.check_steps(steps),
        ]
        return refusals, guard.easing(steps, treatments, today)

    # -- recording -----------------------------------------------------------------------

    def record(
        self,
        plan: Plan,
        holds: Sequence[Hold],
        *,
        started: When | None = None,
        pain_before: int | None = None,
        pain_after: int | None = None,
        rom_before: int | None = None,
        rom_after: int | None = None,
        ended: str = "completed",
        stop_reason: str | None = None,
    ) -> Session:
        """Check the holds against the plan (its points, sides, doses and caps) and save
        the session with one treatment event per hold."""
        if not plan.gate.open:
            raise InvalidInput(plan.gate.message)
        if not plan.steps:
            raise InvalidInput(_why_none(plan))
        if ended == "completed" and not holds:
            raise InvalidInput("Tick each point you did, or say why you stopped.")
        by_key = {s.key: s for s in plan.steps}
        for h in holds:
            _check_hold(by_key, h)
        done = [_as_step(by_key[h.key], h) for h in holds]
        refusals = guard.check_steps(done)
        if refusals:
            raise InvalidInput(refusals[0].text)
        when = started or self.now()
        session_id = self.ids()
        change = _pain_change(pain_before, pain_after, rom_before, rom_after)
        treatments = [self._treatment(by_key[h.key], h, when, session_id, change) for h in holds]
        session = Session(
            session_id,
            when,
            tuple(m.id for m in plan.muscles),
            tuple(holds),
            pain_before,
            pain_after,
            rom_before,
            rom_after,
            ended,
            stop_reason,
            plan.routine,
            tuple(t.id for t in treatments),
        )
        self.repo.add_session(session, treatments)
        return session

    def _treatment(
        self, step: Step, h: Hold, when: When, session_id: str, change: str
    ) -> Treatment:
        side = f", {h.side}" if h.side else ""
        return Treatment(
            self.ids(),
            when,
            "self-treatment",
            muscle=step.muscle,
            technique=step.technique,
            side=h.side,
            tool=step.tool,
            dose=Dose(h.seconds, h.strokes, h.repetitions, h.pressure),
            notes=f"Session {session_id[:8]}: trigger point {h.point} ({step.label}{side})."
            + change,
        )

    # -- the next-morning check ----------------------------------------------------------

    def checks(self) -> list[Check]:
        """Muscles treated on the last two days (before today) whose soreness is not told."""
        today = self.today()
        treatments = self.repo.treatments(today - timedelta(days=CHECK_DAYS), today)
        pending: dict[tuple[str, date], list[str]] = {}
        for t in treatments:
            if t.kind == "self-treatment" and t.muscle and t.when.day < today and not t.soreness:
                pending.setdefault((t.muscle, t.when.day), []).append(t.id)
        return [
            Check(m, self.kb.muscles[m].name, day, tuple(ids))
            for (m, day), ids in sorted(pending.items(), key=lambda kv: kv[0][1], reverse=True)
            if m in self.kb.muscles
        ]

    def check_soreness(self, muscle: str, score: int, day: date | None = None) -> Light:
        """ "How sore is it today?" for a muscle treated on ``day`` (the latest check day
        if not given): kept as each of its events' next-day soreness; returns the light."""
        word = soreness_word(score)
        m = self.kb.muscle(muscle)
        pending = [c for c in self.checks() if c.muscle == m.id and (day is None or c.day == day)]
        if not pending:
            raise InvalidInput(f"No session of the {m.name.lower()} is waiting for its check.")
        self.repo.set_soreness(pending[0].treatments, word)
        return light(word)

    # -- routines and Today --------------------------------------------------------------

    def save_routine(
        self, name: str, muscles: Sequence[str], sides: Sequence[str], every_days: int, at: str
    ) -> Routine:
        ids = tuple(m.id for m in self.muscles(muscles))
        routine = Routine(self.ids(), self.now(), name.strip(), ids, tuple(sides), every_days, at)
        self.repo.add_routine(routine)
        return routine

    def due(self) -> list[Due]:
        """Each routine, with the day it was last done and whether it is due today."""
        today = self.today()
        with self.repo.reading():
            routines = self.repo.routines()
            recent = self.repo.sessions(today - timedelta(days=30), today)
        out = []
        for r in routines:
            days = [s.when.day for s in recent if s.routine == r.id]
            last = max(days) if days else None
            out.append(Due(r, last, last is None or (today - last).days >= r.every_days))
        return out


def _pain_change(
    before: int | None, after: int | None, rom_before: int | None, rom_after: int | None
) -> str:
    """The session's before and after, written into each of its events' notes, so the
    diary shows them where the holds are."""
    out = ""
    if before is not None or after is not None:
        out += f" Pain at the familiar place: {_or_blank(before)} before, {_or_blank(after)} after."
    if rom_before is not None or rom_after is not None:
        out += f" Movement: {_or_blank(rom_before)} before, {_or_blank(rom_after)} after."
    return out


def _or_blank(value: int | None) -> str:
    return "?" if value is None else f"{value}/10"


def _reswitch(steps: list[Step]) -> list[Step]:
    """Mark again where the side changes, once steps of a refused muscle are gone."""
    out = []
    for i, s in enumerate(steps):
        prev = steps[i - 1] if i else None
        switch = bool(prev and prev.muscle == s.muscle and prev.side != s.side)
        out.append(s._replace(switch=switch))
    return out


def _why_none(plan: Plan) -> str:
    if plan.refusals:
        return plan.refusals[0].text
    return "Nothing in this session can be done safely with your cautions."


def _check_hold(by_key: Mapping[str, Step], h: Hold) -> None:
    step = by_key.get(h.key)
    if step is None:
        raise InvalidInput(f"The point {h.key} is not in this session's plan.")
    if h.technique != step.technique:
        raise InvalidInput(f"The point {h.key} is released with {step.technique} in this plan.")
    if h.pressure is not None and step.pressure and h.pressure > step.pressure.max:
        raise InvalidInput(
            f"Pressure at most {step.pressure.max} out of 10 here (the dose, with your "
            "cautions): firm but tolerable, never sharp."
        )
    if h.strokes is not None and step.stroke_range and h.strokes > step.stroke_range.max:
        raise InvalidInput(
            f"At most {step.stroke_range.max} strokes on a point ({step.technique_name})."
        )


def _as_step(step: Step, h: Hold) -> Step:
    """The step as it was done, for the caps."""
    return step._replace(
        hold_seconds=h.seconds if h.seconds is not None else step.hold_seconds,
        strokes=h.strokes if h.strokes is not None else step.strokes,
        repetitions=h.repetitions,
    )
