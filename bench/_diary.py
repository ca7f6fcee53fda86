"""Shared by the diary benchmarks: temporary stores (an SQLite file, a PostgreSQL database
created and dropped here) and synthetic people."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg

from knotwork.core.diary.model import Entry, RegionRating
from knotwork.core.diary.treatment import Dose, Treatment
from knotwork.core.diary.when import When

SERVER = "postgresql://postgres@127.0.0.1:5432"
REGIONS = ("back-of-neck-right", "top-of-shoulder-right", "temple-right", "low-back-left",
           "calf-left", "front-of-knee-right")  # fmt: skip


@contextmanager
def temporary_store(backend: str, folder: Path) -> Iterator[str]:
    """The URL of a new, empty store; dropped (PostgreSQL) at the end."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'bench.db'}"
        return
    name = f"knotwork_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def record_id(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def entries(rng: random.Random, count: int, last: date, per_day: int, zone: str) -> list[Entry]:
    """``count`` entries, ``per_day`` a day, ending on ``last``; one to three places each."""
    tz = ZoneInfo(zone)
    out = []
    days = -(-count // per_day)
    first = last - timedelta(days=days - 1)
    hours = [7 + (14 * i) // max(per_day - 1, 1) for i in range(per_day)]
    for n in range(count):
        day = first + timedelta(days=n // per_day)
        local = datetime.combine(day, time(hours[n % per_day], rng.randrange(60)), tzinfo=tz)
        pain = rng.randrange(11)
        places = rng.sample(REGIONS, rng.randrange(1, 4))
        regions = tuple(
            RegionRating(r, max(0, pain - i), ("aching",)) for i, r in enumerate(places)
        )
        out.append(Entry(record_id(rng), When(local.astimezone(UTC), zone), pain, regions))
    return out


def treatments(rng: random.Random, first: date, last: date, zone: str) -> list[Treatment]:
    tz = ZoneInfo(zone)
    out = []
    day = first
    while day <= last:
        local = datetime.combine(day, time(20, 30), tzinfo=tz)
        out.append(
            Treatment(
                record_id(rng),
                When(local.astimezone(UTC), zone),
                "self-treatment",
                muscle="upper-trapezius",
                side="right",
                dose=Dose(seconds=60, pressure=5),
                relief=rng.randrange(11),
            )
        )
        day += timedelta(days=1)
    return out
