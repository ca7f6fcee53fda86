"""The diary store under load: 1,000,000 entries for 1,000 people, one of them with ten years
of several entries a day, on SQLite and on PostgreSQL (the server at 127.0.0.1:5432; a
database is created and dropped here). Prints, for each store:

- how long the build took (bulk insert: executemany on SQLite, COPY on PostgreSQL);
- adding one durable entry through the use case (checks, one transaction, commit synced to
  disk): p50 and p99, wall clock (waiting for the disk is the cost);
- the Progress page's data for the heaviest person (90 days, and the whole ten years): p95,
  target at most 20 ms;
- a light person's diary page (the latest 50 records as JSON): p50 and p95;
- one primary-key read, for scale.

Rounds of each measurement alternate between the stores, so both see the same machine.

    python bench/diary_load.py                       # the full run (1,000,000 entries)
    python bench/diary_load.py --entries 100000      # a smaller run
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _diary import entries, temporary_store, treatments
from _timing import median_ms, p99_ms
from knotwork.adapters.store.store import Store, open_store
from knotwork.core.diary.codec import to_dict
from knotwork.core.diary.model import RegionRating
from knotwork.core.diary.present import progress_dict
from knotwork.core.diary.repository import Contents
from knotwork.core.diary.service import Diary
from knotwork.core.diary.when import fixed_clock
from knotwork.core.kb import load_kb

NOW = datetime(2026, 12, 7, 21, 0, tzinfo=UTC)
TODAY = NOW.date()
HEAVY = 1
HEAVY_PER_DAY = 5
YEARS = 10
ZONE = "Europe/London"


def build(store: Store, people: int, total: int, rng: random.Random) -> tuple[float, int]:
    """Fill the store; returns seconds taken and the number of entries written."""
    start = time.perf_counter()
    heavy_days = YEARS * 365 + YEARS // 4
    heavy = heavy_days * HEAVY_PER_DAY
    light = (total - heavy) // (people - 1)
    written = 0
    batch: list[tuple[int, Contents]] = []
    for person in range(1, people + 1):
        store.add_person(person)
        if person == HEAVY:
            contents = Contents(
                entries(rng, heavy, TODAY, HEAVY_PER_DAY, ZONE),
                treatments(rng, TODAY - timedelta(days=heavy_days - 1), TODAY, ZONE),
            )
        else:
            count = light + (1 if person - 2 < (total - heavy) % (people - 1) else 0)
            contents = Contents(entries(rng, count, TODAY - timedelta(days=person % 30), 2, ZONE))
        written += len(contents.entries)
        batch.append((person, contents))
        if sum(len(c.entries) for _, c in batch) >= 50_000 or person == people:
            _write(store, batch)
            batch = []
    return time.perf_counter() - start, written


def _write(store: Store, batch: list[tuple[int, Contents]]) -> None:
    from knotwork.adapters.store.engine import WRITE

    with store.engine.execution_options(**{WRITE: True}).begin() as conn:
        for person, contents in batch:
            store.repository(person).bulk_insert(conn, contents)


def p95_ms(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000


class Measured:
    """One store's figures, gathered over interleaved rounds."""

    def __init__(self, name: str, store: Store, kb: object, people: int) -> None:
        self.name = name
        self.store = store
        clock = fixed_clock(NOW)
        self.heavy = Diary(store.repository(HEAVY), kb, clock, ZONE)  # type: ignore[arg-type]
        self.light = Diary(store.repository(people // 2), kb, clock, ZONE)  # type: ignore[arg-type]
        self.writer = Diary(store.repository(people), kb, clock, ZONE)  # type: ignore[arg-type]
        self.pk_id = self.light.timeline(limit=1)[0].id
        self.times: dict[str, list[float]] = {}
        self.cpu: dict[str, list[float]] = {}

    def time(self, what: str, fn: object, runs: int) -> None:
        out = self.times.setdefault(what, [])
        cpu = self.cpu.setdefault(what, [])
        for _ in range(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()  # type: ignore[operator]
            out.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)

    def round(self, runs: int) -> None:
        neck = (RegionRating("back-of-neck-right", 5, ("aching",)),)
        self.time("add", lambda: self.writer.add_entry(pain=5, regions=neck), runs)
        self.time("progress90", lambda: progress_dict(self.heavy.progress(90)), runs)
        self.time(
            "progress_all", lambda: progress_dict(self.heavy.progress(None)), max(1, runs // 10)
        )
        self.time("light_page", lambda: [to_dict(r) for r in self.light.timeline(limit=50)], runs)
        self.time("pk", lambda: self.light.repo.get(self.pk_id), runs)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--stores", default="sqlite,postgresql")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=40, help="per round and measurement")
    args = parser.parse_args()
    kb = load_kb()
    backends = args.stores.split(",")
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        measured = []
        for backend in backends:
            url = stack.enter_context(temporary_store(backend, folder))
            store = open_store(url)
            stack.callback(store.close)
            seconds, written = build(store, args.people, args.entries, random.Random(7))
            size = _size(store, folder)
            print(
                f"{backend}: built {written:,} entries for {args.people:,} people in "
                f"{seconds:.0f} s ({written / seconds:,.0f} entries/s); {size}",
                flush=True,
            )
            if backend == "postgresql":
                with store.engine.connect() as conn:
                    conn.exec_driver_sql("ANALYZE")
                    conn.commit()
            measured.append(Measured(backend, store, kb, args.people))
        heavy = measured[0].heavy.counts()["entry"]
        light = measured[0].light.counts()["entry"]
        print(f"heaviest person: {heavy:,} entries over {YEARS} years; light person: {light:,}")
        for n in range(args.rounds):
            for m in measured:  # interleaved: each store takes its turn in every round
                m.round(args.runs)
            load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
            print(f"  round {n + 1}/{args.rounds} done (machine load average {load})", flush=True)
    report(measured)


def report(measured: list[Measured]) -> None:
    print(f"\n{'figure':<44}" + "".join(f"{m.name:>14}" for m in measured))
    rows = [
        ("add one durable entry, p50 (ms)", "add", median_ms),
        ("add one durable entry, p99 (ms)", "add", p99_ms),
        ("Progress data, heaviest, 90 days, p95 (ms)", "progress90", p95_ms),
        ("Progress data, heaviest, 10 years, p95 (ms)", "progress_all", p95_ms),
        ("light person's diary page, p50 (ms)", "light_page", median_ms),
        ("light person's diary page, p95 (ms)", "light_page", p95_ms),
        ("one primary-key read, p50 (ms)", "pk", median_ms),
    ]
    for label, key, stat in rows:
        print(f"{label:<44}" + "".join(f"{stat(m.times[key]):>14.2f}" for m in measured))
    print(
        "this process's CPU time (the machine is shared; SQLite's work is all in here, "
        "PostgreSQL's server work is not):"
    )
    for label, key, stat in rows[2:]:
        print(f"  {label:<42}" + "".join(f"{stat(m.cpu[key]):>14.2f}" for m in measured))
    for m in measured:
        ratio = p95_ms(m.times["progress90"]) / median_ms(m.times["pk"])
        verdict = "met" if p95_ms(m.times["progress90"]) <= 20 else "NOT met"
        print(
            f"{m.name}: Progress p95 is {ratio:.0f}x a primary-key read; target <= 20 ms {verdict}"
        )
    print(f"(wall clock; {len(measured[0].times['add'])} samples of each per store)")


def _size(store: Store, folder: Path) -> str:
    if store.backend == "sqlite":
        return f"file {(folder / 'bench.db').stat().st_size / 1e6:,.0f} MB"
    with store.engine.connect() as conn:
        size = conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar()
    return f"database {size / 1e6:,.0f} MB"  # type: ignore[operator]


if __name__ == "__main__":
    main()
