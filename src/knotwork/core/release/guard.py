"""The overtreatment guard: caps read from the knowledge base's doses and the diary.

People over-treat (all their weight on a ball, every hour, and bruised the next day);
clinicians ask for short, capped, repeated treatment. Every cap comes from the dose of the
technique the plan uses, and a refusal says the cap and why:

- per point in a session: at most the dose's repetitions, each hold at most its longest hold;
- per muscle per day: at most the dose's times a day, counted from the diary's self-treatment
  events of that muscle today (events less than ``GAP`` apart are one session);
- per session: at most the sum of every step at its largest dose, and never more than
  ``SESSION_CAP`` seconds in all;
- the next-morning check: a red morning rests that muscle for two days; red twice in two
  weeks, or pain clearly worse over weeks, is the knowledge base's "no improvement" advice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from itertools import pairwise
from types import MappingProxyType
from typing import NamedTuple

from knotwork.core.diary.repository import DayPain
from knotwork.core.diary.treatment import Treatment
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.release.plan import STROKE_SECONDS, Step
from knotwork.core.release.soreness import REST_DAYS, light

GAP_MINUTES = 30  # self-treatment events closer than this are one session
# A whole session: however many muscles, about a quarter of an hour of pressure at most;
# longer leaves tissue sore (Knotwork's own ceiling, the length of the short, repeated
# sessions self-care books describe).
SESSION_CAP = 15 * 60
LOOKBACK_DAYS = 28
REPEATED_RED_DAYS = 14
WORSE_POINTS, WORSE_SHARE = 2.0, 0.3  # a meaningful change (IMMPACT; Farrar et al. 2001)
NO_IMPROVEMENT = "no-improvement"


class Refusal(NamedTuple):
    code: str
    muscle: str | None  # None: the whole session
    cap: str
    why: str

    @property
    def text(self) -> str:
        return f"{self.cap} {self.why}"


def sessions_today(
    treatments: Sequence[Treatment],
    muscle: str,
    today: date,
    session_of: Mapping[str, str] = MappingProxyType({}),
) -> int:
    """How many separate sessions treated ``muscle`` on ``today`` (local day): the recorded
    sessions its events belong to (``session_of``: treatment id -> session id), plus the
    events written into the diary by hand, where those less than ``GAP_MINUTES`` apart are
    one session."""
    mine = [
        t
        for t in treatments
        if t.kind == "self-treatment" and t.muscle == muscle and t.when.day == today
    ]
    recorded = {session_of[t.id] for t in mine if t.id in session_of}
    times = sorted(t.when.utc for t in mine if t.id not in session_of)
    gaps = sum(1 for a, b in pairwise(times) if b - a > _gap())
    return len(recorded) + (gaps + 1 if times else 0)


def _gap() -> timedelta:
    return timedelta(minutes=GAP_MINUTES)


def check_steps(steps: Sequence[Step]) -> list[Refusal]:
    """Per point: repetitions and hold length within the dose; per session: its length."""
    out: list[Refusal] = []
    for s in steps:
        if s.repetitions > s.repetition_range.max:
            out.append(
                Refusal(
                    "per-point",
                    s.muscle,
                    f"At most {s.repetition_range.max} holds on each point in a session.",
                    f"That is the most the dose of the {s.technique_name.lower()} gives "
                    f"({s.repetition_range} each time); more presses the same spot into "
                    "bruising.",
                )
            )
        if s.hold_seconds and s.hold_range and s.hold_seconds > s.hold_range.max:
            out.append(
                Refusal(
                    "hold-length",
                    s.muscle,
                    f"A hold lasts at most {s.hold_range.max} seconds.",
                    f"The dose of the {s.technique_name.lower()} is {s.hold_range} seconds a "
                    "hold; "
                    "longer pressure does not release more and leaves the spot sore.",
                )
            )
    return _unique(out) + _length(steps)


def _length(steps: Sequence[Step]) -> list[Refusal]:
    total = sum(s.seconds for s in steps)
    cap = min(SESSION_CAP, sum(_largest(s) for s in steps))
    if total <= cap:
        return []
    return [
        Refusal(
            "session-length",
            None,
            f"A session is at most {_minutes(cap)} of pressure; this one would be "
            f"{_minutes(total)}.",
            "Short sessions, repeated, are what the doses ask for. Treat fewer muscles now "
            "and the others later today.",
        )
    ]


def _largest(s: Step) -> int:
    one = s.hold_range.max if s.hold_range else (s.stroke_range.max if s.stroke_range else 0)
    per = one if s.hold_range else one * STROKE_SECONDS
    return per * s.repetition_range.max


def _minutes(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def check_day(
    steps: Sequence[Step],
    treatments: Sequence[Treatment],
    today: date,
    session_of: Mapping[str, str] = MappingProxyType({}),
) -> list[Refusal]:
    """Per muscle per day: the dose's times a day (the smallest cap of the techniques the
    plan uses on it), counted from the diary."""
    out = []
    for muscle, s in _first_steps(steps).items():
        done = sessions_today(treatments, muscle, today, session_of)
        cap = min(x.times_per_day.max for x in steps if x.muscle == muscle)
        if done >= cap:
            out.append(
                Refusal(
                    "per-day",
                    muscle,
                    f"At most {cap} session{'s' if cap > 1 else ''} a day for the "
                    f"{s.muscle_name.lower()}; your diary has {done} today.",
                    f"The dose of the {s.technique_name.lower()} is {s.times_per_day} times a "
                    "day. "
                    "More often does not speed recovery and can leave it bruised; try again "
                    "tomorrow.",
                )
            )
    return out


def check_soreness(
    kb: KnowledgeBase, steps: Sequence[Step], treatments: Sequence[Treatment], today: date
) -> list[Refusal]:
    """A red morning rests the muscle; red twice in two weeks is the no-improvement advice."""
    out = []
    advice = kb.safety.flags[NO_IMPROVEMENT].instruction
    for muscle, s in _first_steps(steps).items():
        reds = sorted(
            {
                t.when.day
                for t in treatments
                if t.muscle == muscle
                and t.soreness
                and light(t.soreness) == "red"
                and (today - t.when.day).days <= REPEATED_RED_DAYS
            }
        )
        name = s.muscle_name.lower()
        if len(reds) >= 2:
            out.append(
                Refusal(
                    NO_IMPROVEMENT,
                    muscle,
                    f"The {name} was too sore (red) the morning after {len(reds)} sessions "
                    "in two weeks.",
                    advice,
                )
            )
        elif reds and (today - reds[-1]).days < REST_DAYS:
            out.append(
                Refusal(
                    "rest",
                    muscle,
                    f"Rest the {name} for two days: it was too sore (red) the morning after "
                    f"the session of {reds[-1]:%a %d %b}.",
                    "Then start again with lighter pressure and shorter holds.",
                )
            )
    return out


def check_trend(kb: KnowledgeBase, days: Sequence[DayPain], today: date) -> list[Refusal]:
    """Pain clearly worse over weeks: the last week against the week three weeks before."""
    now = _mean(days, today - timedelta(days=6), today)
    then = _mean(days, today - timedelta(days=27), today - timedelta(days=21))
    if now is None or then is None:
        return []
    worse = now - then
    if worse < WORSE_POINTS and (then == 0 or worse / then < WORSE_SHARE):
        return []
    flag = kb.safety.flags[NO_IMPROVEMENT]
    return [
        Refusal(
            NO_IMPROVEMENT,
            None,
            f"Your pain is worse than three weeks ago: {then:.1f} then, {now:.1f} this week "
            "(out of 10).",
            flag.instruction,
        )
    ]


def _mean(days: Sequence[DayPain], since: date, until: date) -> float | None:
    """The mean of the daily means in a week, if at least three of its days have entries."""
    means = [d.mean for d in days if since <= d.day <= until]
    return sum(means) / len(means) if len(means) >= 3 else None


def _first_steps(steps: Sequence[Step]) -> dict[str, Step]:
    first: dict[str, Step] = {}
    for s in steps:
        first.setdefault(s.muscle, s)
    return first


def _unique(refusals: list[Refusal]) -> list[Refusal]:
    return list(dict.fromkeys(refusals))
