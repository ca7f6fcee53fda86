""" "What seemed to help": relief right after each kind of treatment and the soreness it left
the next day, from the diary alone, without a fair test.

These are associations, not effects, and the page says why they mislead: people treat on bad
days and bad days are followed by better ones anyway (regression to the mean); other things
change at the same time; and relief rated right after something expected to help is partly
the expectation. Each row offers to turn the comparison into a fair test.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from statistics import fmean, stdev

from knotwork.core.diary.treatment import Treatment
from knotwork.core.diary.vocab import SORENESS, TREATMENT_LABELS
from knotwork.core.fairtest.plan import MAX_NAME, Arm
from knotwork.core.stats.student_t import t_ppf

MIN_RATINGS = 3  # no interval from fewer relief ratings
LEVEL = 0.9  # the same 90% as the fair test's interval

REASONS = (
    (
        "Regression to the mean",
        "People reach for a treatment on bad days, and a bad day is usually followed by a "
        "better one whatever was done: the relief is partly the day getting back to normal.",
    ),
    (
        "Other changes",
        "Sleep, work, weather, other treatments and the natural course of the pain change at "
        "the same time, and the diary cannot tell them apart.",
    ),
    (
        "Expectation",
        "Relief rated straight after something you expect to help is partly the expectation; "
        "a treatment you doubt is rated lower for the same reason.",
    ),
)
SUMMARY = (
    "These are associations from your diary, not proof that a treatment works for you. "
    "A fair test compares two options in random order and can tell them apart."
)


@dataclass(frozen=True, slots=True)
class Helped:
    key: str
    kind: str
    name: str
    count: int  # treatments logged
    reliefs: int  # of them with relief rated
    relief_mean: float | None
    relief_interval: tuple[float, float] | None  # 90%, from MIN_RATINGS ratings
    soreness: dict[str, int]  # next-day soreness: none/mild/moderate/severe -> count
    sore_share: float | None  # moderate or severe, among those rated
    arm: Arm  # the option a fair test of it would plan


def group_key(t: Treatment) -> tuple[str, str]:
    """What counts as "the same treatment": its kind and what it was done to or with."""
    if t.medication is not None:
        what = t.medication.name.strip().casefold()
    elif t.professional is not None:
        what = t.professional
    else:
        what = ":".join(x for x in (t.muscle, t.technique) if x) or (t.region or "")
    return t.kind, what


def _name(t: Treatment, name: Callable[[str], str]) -> str:
    if t.medication is not None:
        return f"{t.medication.name.strip()}"
    if t.professional is not None:
        return t.professional.replace("-", " ").capitalize()
    label = TREATMENT_LABELS[t.kind]
    if t.muscle:
        label += f": {name(t.muscle)}" + (
            f" ({t.technique.replace('-', ' ')})" if t.technique else ""
        )
    elif t.region:
        label += f": {name(t.region)}"
    return label


def interval(values: list[float], level: float = LEVEL) -> tuple[float, float] | None:
    """A t interval for the mean rating, within 0-10 (None below ``MIN_RATINGS``)."""
    n = len(values)
    if n < MIN_RATINGS:
        return None
    half = t_ppf(0.5 + level / 2, n - 1) * stdev(values) / math.sqrt(n)
    mean = fmean(values)
    return max(0.0, mean - half), min(10.0, mean + half)


def what_helped(treatments: Iterable[Treatment], name: Callable[[str], str] = str) -> list[Helped]:
    """One row per treatment, highest mean relief first (rows without enough ratings last,
    most used first)."""
    groups: dict[tuple[str, str], list[Treatment]] = {}
    for t in treatments:
        groups.setdefault(group_key(t), []).append(t)
    rows = [_row(key, found, name) for key, found in groups.items()]
    rows.sort(key=lambda h: (h.relief_interval is None, -(h.relief_mean or 0.0), -h.count, h.name))
    return rows


def _row(key: tuple[str, str], found: list[Treatment], name: Callable[[str], str]) -> Helped:
    reliefs = [float(t.relief) for t in found if t.relief is not None]
    sore: dict[str, int] = dict.fromkeys(SORENESS, 0)
    for t in found:
        if t.soreness is not None:
            sore[t.soreness] += 1
    rated = sum(sore.values())
    first = found[0]
    label = _name(first, name)
    return Helped(
        key=":".join(key).rstrip(":"),
        kind=first.kind,
        name=label,
        count=len(found),
        reliefs=len(reliefs),
        relief_mean=fmean(reliefs) if reliefs else None,
        relief_interval=interval(reliefs),
        soreness=sore,
        sore_share=(sore["moderate"] + sore["severe"]) / rated if rated else None,
        arm=Arm(label[:MAX_NAME], first.kind, first.muscle),
    )
