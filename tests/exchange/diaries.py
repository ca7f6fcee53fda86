"""Hypothesis strategies for whole diaries: every kind of record, every optional field, notes
with commas, quotes, line breaks and any printable Unicode, times in several zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import strategies as st

from knotwork.core.diary.model import Entry, Peg, RegionRating, Sleep
from knotwork.core.diary.records import Finding, Impression, Mark
from knotwork.core.diary.repository import Contents
from knotwork.core.diary.treatment import Dose, Medication, Treatment
from knotwork.core.diary.vocab import (
    PROFESSIONAL_KINDS,
    QUALITIES,
    SCHEDULES,
    SORENESS,
    TREATED_SIDES,
)
from knotwork.core.diary.when import When
from knotwork.core.kb import load_kb

KB = load_kb()
REGIONS = sorted(r.id for r in KB.atlas)[:40]
MUSCLES = sorted(KB.muscles)[:30]
CONTEXTS = sorted(KB.contexts)[:10]
FLAGS = sorted(KB.safety.flags)[:12]
FACTORS = sorted(f for f, v in KB.safety.factors.items() if not v.needs_site)[:5]
ZONES = ("Europe/London", "America/New_York", "Asia/Kolkata", "UTC", "Pacific/Auckland")
START = datetime(2025, 1, 1, tzinfo=UTC)

# Printable text (no NUL, no lone surrogates: a store cannot keep them and the diary refuses
# them), with the characters that break naive CSV and JSON writers made likely.
NOTES = st.text(
    st.one_of(
        st.sampled_from([",", '"', "\n", "\r", ";", "'", "=", "é", "\u2013", "😀", " "]),
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    ),
    max_size=60,
)
score = st.integers(0, 10)
maybe = st.none() | score


@st.composite
def whens(draw: st.DrawFn) -> When:
    seconds = draw(st.integers(0, 400 * 86_400))
    micro = draw(st.sampled_from([0, 0, 123_456]))
    moment = START + timedelta(seconds=seconds, microseconds=micro)
    return When(moment, draw(st.sampled_from(ZONES)))


ids = st.uuids(version=4).map(lambda u: u.hex)


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    places = draw(st.lists(st.sampled_from(REGIONS), max_size=4, unique=True))
    regions = tuple(
        RegionRating(
            p,
            draw(score),
            tuple(draw(st.lists(st.sampled_from(QUALITIES), max_size=3, unique=True))),
        )
        for p in places
    )
    return Entry(
        draw(ids),
        draw(whens()),
        draw(score),
        regions,
        draw(st.none() | st.builds(Peg, score, score, score)),
        draw(
            st.none()
            | st.builds(
                Sleep,
                st.none() | st.floats(0, 24, allow_nan=False).map(lambda h: round(h, 1)),
                score,
            )
        ),
        tuple(draw(st.lists(st.sampled_from(CONTEXTS), max_size=3, unique=True))),
        draw(NOTES),
    )


@st.composite
def treatments(draw: st.DrawFn) -> Treatment:
    kind = draw(
        st.sampled_from(
            [
                "self-treatment",
                "stretching",
                "heat",
                "cold",
                "exercise",
                "medication",
                "professional",
            ]
        )
    )
    common = {
        "felt_during": draw(maybe),
        "relief": draw(maybe),
        "soreness": draw(st.none() | st.sampled_from(SORENESS)),
        "notes": draw(NOTES),
    }
    if kind == "medication":
        med = Medication(
            draw(NOTES.filter(str.strip)), draw(NOTES), draw(st.sampled_from(SCHEDULES))
        )
        return Treatment(draw(ids), draw(whens()), kind, medication=med, **common)
    count = st.none() | st.integers(1, 600)
    dose = Dose(draw(count), draw(count), draw(count), draw(maybe))
    muscle = (
        draw(st.sampled_from(MUSCLES))
        if kind == "self-treatment"
        else draw(st.none() | st.sampled_from(MUSCLES))
    )
    return Treatment(
        draw(ids),
        draw(whens()),
        kind,
        muscle=muscle,
        side=draw(st.none() | st.sampled_from(TREATED_SIDES)),
        region=draw(st.none() | st.sampled_from(REGIONS)),
        dose=dose,
        professional=draw(st.sampled_from(PROFESSIONAL_KINDS)) if kind == "professional" else None,
        **common,
    )


@st.composite
def impressions(draw: st.DrawFn) -> Impression:
    return Impression(draw(ids), draw(whens()), draw(st.integers(1, 7)), notes=draw(NOTES))


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    marks = draw(st.lists(st.sampled_from(REGIONS), min_size=1, max_size=3, unique=True))
    muscles = draw(st.lists(st.sampled_from(MUSCLES), max_size=4, unique=True))
    return Finding(
        draw(ids),
        draw(whens()),
        tuple(Mark(r, draw(maybe), n == 0) for n, r in enumerate(marks)),
        draw(NOTES),
        tuple(
            (q, draw(st.booleans()))
            for q in draw(st.lists(st.sampled_from(FLAGS), max_size=4, unique=True))
        ),
        tuple(muscles),
        tuple((m, draw(st.sampled_from(["yes", "no", "unsure"]))) for m in muscles[:2]),
        tuple(draw(st.lists(st.sampled_from(FACTORS), max_size=2, unique=True))),
        draw(st.sampled_from(["none", "soon"])),
    )


@st.composite
def diaries(draw: st.DrawFn) -> Contents:
    return Contents(
        draw(st.lists(entries(), max_size=6, unique_by=lambda r: r.id)),
        draw(st.lists(treatments(), max_size=5, unique_by=lambda r: r.id)),
        draw(st.lists(impressions(), max_size=3, unique_by=lambda r: r.id)),
        draw(st.lists(findings(), max_size=3, unique_by=lambda r: r.id)),
    )
