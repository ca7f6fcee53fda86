"""Two people whose diaries the tests read, built with frozen time (a fixed clock) and a
seeded random source, so every figure they produce is the same on every run.

- Alice: a year of desk-work neck pain (2026). Two entries a day, right neck and shoulder,
  headaches at the right temple on bad days; from March she releases her upper trapezius
  most evenings and her pain settles from about 6 to about 3; a PGIC every Sunday.
- Ravi: a runner after right knee surgery (2026-09-01); three entries a day for twelve weeks,
  knee, front of the thigh and calf; physiotherapy weekly, exercises daily, ibuprofen as
  needed for the first three weeks, ice after runs once he runs again; pain from 7 to about 2.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from knotwork.core.diary.model import Entry, Peg, RegionRating, Sleep
from knotwork.core.diary.records import Finding, Impression, Mark
from knotwork.core.diary.repository import Contents
from knotwork.core.diary.treatment import Dose, Medication, Treatment
from knotwork.core.diary.when import When

ALICE_ZONE = "Europe/London"
RAVI_ZONE = "America/New_York"
ALICE_NOW = datetime(2026, 12, 31, 21, 0, tzinfo=UTC)  # the frozen "now" of her tests
RAVI_SURGERY = date(2026, 9, 1)
RAVI_NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # 21:00 on 23 Nov in New York


def _id(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def _at(day: date, hour: int, minute: int, zone: str) -> When:
    local = datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(zone))
    return When(local.astimezone(UTC), zone)


def _clip(value: float) -> int:
    return max(0, min(10, round(value)))


def alice() -> Contents:
    rng = random.Random(2026)
    entries, treatments, impressions = [], [], []
    day = date(2026, 1, 1)
    while day <= date(2026, 12, 31):
        n = (day - date(2026, 1, 1)).days
        level = (
            6.0 if day < date(2026, 3, 1) else max(3.0, 6.0 - (day - date(2026, 3, 1)).days / 40)
        )
        for hour, extra in ((8, -0.5), (18, 0.7)):
            pain = _clip(level + extra + rng.gauss(0, 0.9))
            regions = [
                RegionRating("back-of-neck-right", pain, ("aching", "stiff")),
                RegionRating("top-of-shoulder-right", _clip(pain - 1), ("aching",)),
            ]
            if pain >= 7:
                regions.append(RegionRating("temple-right", _clip(pain - 1), ("throbbing",)))
            entries.append(
                Entry(
                    _id(rng),
                    _at(day, hour, rng.randrange(60), ALICE_ZONE),
                    pain,
                    tuple(regions),
                    Peg(pain, _clip(pain - 1), _clip(pain - 0.5)) if day.weekday() == 6 else None,
                    Sleep(round(rng.uniform(5.5, 8), 1), _clip(8 - pain / 2))
                    if hour == 8
                    else None,
                    ("desk-work",) if day.weekday() < 5 else (),
                    "Long meeting day; the right side of my neck was tight by lunch."
                    if n % 17 == 0
                    else "",
                )
            )
        if day >= date(2026, 3, 1) and rng.random() < 0.8:
            treatments.append(
                Treatment(
                    _id(rng),
                    _at(day, 20, 30, ALICE_ZONE),
                    "self-treatment",
                    muscle="upper-trapezius",
                    technique="pinch-grip-squeeze",
                    side="right",
                    tool="pinch-grip",
                    dose=Dose(seconds=60, repetitions=3, pressure=5),
                    felt_during=4,
                    relief=rng.randrange(2, 6),
                    soreness="mild" if rng.random() < 0.2 else "none",
                )
            )
        if day.weekday() == 6 and day >= date(2026, 3, 8):
            value = 3 if day < date(2026, 6, 1) else 2
            impressions.append(Impression(_id(rng), _at(day, 21, 0, ALICE_ZONE), value))
        day += timedelta(days=1)
    return Contents(entries, treatments, impressions)


def ravi() -> Contents:
    rng = random.Random(91)
    entries, treatments = [], []
    for n in range(84):
        day = RAVI_SURGERY + timedelta(days=n)
        level = max(2.0, 7.0 - n / 14)
        for hour in (7, 13, 20):
            pain = _clip(level + rng.gauss(0, 0.8))
            entries.append(
                Entry(
                    _id(rng),
                    _at(day, hour, rng.randrange(60), RAVI_ZONE),
                    pain,
                    (
                        RegionRating("front-of-knee-right", pain, ("aching", "stiff")),
                        RegionRating("thigh-front-right", _clip(pain - 2), ("tender",)),
                        RegionRating("calf-right", _clip(pain - 3), ()),
                    ),
                    contexts=("after-surgery",) + (("running",) if n >= 56 else ()),
                )
            )
        treatments.append(
            Treatment(
                _id(rng),
                _at(day, 18, 0, RAVI_ZONE),
                "exercise",
                muscle="vastus-medialis",
                side="right",
                dose=Dose(repetitions=30),
                felt_during=3,
            )
        )
        if day.weekday() == 2:
            treatments.append(
                Treatment(
                    _id(rng),
                    _at(day, 10, 0, RAVI_ZONE),
                    "professional",
                    professional="physiotherapy",
                    relief=3,
                )
            )
        if n < 21 and rng.random() < 0.6:
            treatments.append(
                Treatment(
                    _id(rng),
                    _at(day, 12, 0, RAVI_ZONE),
                    "medication",
                    medication=Medication("ibuprofen", "400 mg", "as-needed"),
                    relief=4,
                )
            )
        if n >= 56 and n % 2 == 0:
            treatments.append(
                Treatment(
                    _id(rng),
                    _at(day, 19, 0, RAVI_ZONE),
                    "cold",
                    region="front-of-knee-right",
                    dose=Dose(seconds=900),
                    relief=3,
                )
            )
    return Contents(entries, treatments)


GLOBAL_ANSWERS = (
    ("cancer-history", False),
    ("fever", False),
    ("major-trauma", False),
    ("night-pain", False),
    ("progressive-neuro-deficit", False),
    ("stroke-signs", False),
    ("weight-loss-night-sweats", False),
)


def alice_findings() -> list[Finding]:
    """What Alice saved from the finder: in January (neck and a right-sided headache) and in
    June (the neck again, the trapezius confirmed by the press test both times)."""
    rng = random.Random(7)
    january = Finding(
        _id(rng),
        _at(date(2026, 1, 3), 19, 10, ALICE_ZONE),
        (Mark("back-of-neck-right", 6, True), Mark("temple-right", 5)),
        "ache at the back of my neck on the right, headaches at my right temple after work",
        GLOBAL_ANSWERS,
        ("upper-trapezius", "levator-scapulae", "splenius-capitis", "suboccipitals"),
        (("upper-trapezius", "yes"), ("levator-scapulae", "unsure")),
    )
    june = Finding(
        _id(rng),
        _at(date(2026, 6, 14), 18, 40, ALICE_ZONE),
        (Mark("back-of-neck-right", 4, True),),
        "",
        (*GLOBAL_ANSWERS[:3], ("night-pain", True), *GLOBAL_ANSWERS[4:]),
        ("upper-trapezius", "levator-scapulae"),
        (("upper-trapezius", "yes"), ("levator-scapulae", "no")),
        level="soon",
    )
    return [january, june]


def ravi_findings() -> list[Finding]:
    """Ravi's one saved result, four weeks after surgery: the front of the knee."""
    rng = random.Random(8)
    return [
        Finding(
            _id(rng),
            _at(RAVI_SURGERY + timedelta(days=28), 20, 15, RAVI_ZONE),
            (Mark("front-of-knee-right", 5, True), Mark("thigh-front-right", 3)),
            "front of my right knee aches after physio",
            (("fever", False), ("major-trauma", False), ("acute-limb-ischaemia", False)),
            ("rectus-femoris", "vastus-medialis", "vastus-lateralis"),
            (("vastus-medialis", "yes"),),
        )
    ]
