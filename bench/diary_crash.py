"""Crash test: the server takes diary entries from 8 concurrent clients over HTTP, is killed
with SIGKILL in the middle of the load, and is started again on the same store. Every entry
it acknowledged (201) must be there, exactly as sent; no entry may be half-written (each has
all of its places, and the daily sums agree with the entries). On SQLite and on PostgreSQL
(127.0.0.1:5432; a database is created and dropped here). Prints the counts.

    python bench/diary_crash.py [--seconds 5] [--clients 8] [--rounds 3]
                                [--stores sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _diary import REGIONS, temporary_store

PY = sys.executable


@dataclass
class Counts:
    sent: int = 0
    acknowledged: int = 0
    failed: int = 0  # refused or cut off by the kill
    found: int = 0  # acknowledged and found, exactly as sent
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    in_flight_saved: int = 0  # sent, not acknowledged, but saved whole (allowed)
    half_written: list[str] = field(default_factory=list)
    sums_agree: bool = False
    total_in_store: int = 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(url: str, port: int, folder: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "KNOTWORK_DATABASE_URL": url, "KNOTWORK_CACHE_DIR": str(folder / "c")}
    with (folder / f"server-{port}.log").open("ab") as log:  # the child keeps its own copy
        proc = subprocess.Popen(
            [PY, "-m", "knotwork", "serve", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server stopped: {(folder / f'server-{port}.log').read_text()}")
        try:
            if request(port, "GET", "/healthz")[0] == 200:
                return proc
        except OSError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the server did not start in 120 s")


def request(
    port: int,
    method: str,
    path: str,
    body: Any = None,
    conn: http.client.HTTPConnection | None = None,
) -> tuple[int, Any]:
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        data = None if body is None else json.dumps(body)
        headers = {"content-type": "application/json"} if data else {}
        conn.request(method, path, data, headers)
        reply = conn.getresponse()
        raw = reply.read()
        return reply.status, json.loads(raw) if raw else None
    finally:
        if own:
            conn.close()


def entry(client: int, n: int, tag: str = "") -> dict[str, Any]:
    """A distinct entry: its note names it; 1-3 places whose pains are worked out from it."""
    places = [REGIONS[(client + n + i) % len(REGIONS)] for i in range(1 + (n % 3))]
    return {
        "at": f"2026-11-{1 + n % 28:02d} {8 + client:02d}:{n % 60:02d}",
        "zone": "Europe/London",
        "regions": [
            {"region": r, "pain": (n + i) % 11, "qualities": ["aching"]}
            for i, r in enumerate(places)
        ],
        "notes": f"crash-test {tag} client {client} entry {n}",
    }


def client_loop(
    port: int, client: int, stop: threading.Event, out: dict[str, Any], tag: str
) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    n = 0
    while not stop.is_set():
        body = entry(client, n, tag)
        out["sent"].append(body["notes"])
        try:
            status, answer = request(port, "POST", "/api/diary/entries", body, conn)
        except (OSError, http.client.HTTPException):
            out["failed"] += 1
            break  # the server is gone
        if status == 201:
            out["acked"][answer["record"]["id"]] = body
        else:
            out["failed"] += 1
        n += 1
    conn.close()


def crash_once(url: str, seconds: float, clients: int, folder: Path, tag: str = "1") -> Counts:
    """One run against the store at ``url``; ``tag`` marks this run's entries (a store may
    hold earlier runs')."""
    port = free_port()
    server = start(url, port, folder)
    stop = threading.Event()
    results = [{"sent": [], "acked": {}, "failed": 0} for _ in range(clients)]
    threads = [
        threading.Thread(target=client_loop, args=(port, c, stop, results[c], tag))
        for c in range(clients)
    ]
    for t in threads:
        t.start()
    time.sleep(seconds)
    server.send_signal(signal.SIGKILL)  # mid-load: requests are in flight
    server.wait()
    stop.set()
    for t in threads:
        t.join()
    counts = Counts(
        sent=sum(len(r["sent"]) for r in results),
        acknowledged=sum(len(r["acked"]) for r in results),
        failed=sum(r["failed"] for r in results),
    )
    server = start(url, port, folder)
    try:
        check(port, url, results, counts, tag)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait()
    return counts


def check(port: int, url: str, results: list[dict[str, Any]], counts: Counts, tag: str) -> None:
    acked = {i: body for r in results for i, body in r["acked"].items()}
    for record_id, body in acked.items():
        status, answer = request(port, "GET", f"/api/diary/records/{record_id}")
        if status != 200:
            counts.missing.append(record_id)
            continue
        got = answer["record"]
        if got["regions"] != body["regions"] or got["notes"] != body["notes"]:
            counts.changed.append(record_id)
        else:
            counts.found += 1
    records = all_entries(url)
    sent = {name: (c, n) for c, r in enumerate(results) for n, name in enumerate(r["sent"])}
    records = [r for r in records if r["notes"].startswith(f"crash-test {tag} ")]
    counts.total_in_store = len(records)
    for r in records:
        client, n = sent[r["notes"]]
        if r["regions"] != entry(client, n, tag)["regions"]:
            counts.half_written.append(r["id"])
        elif r["id"] not in acked:
            counts.in_flight_saved += 1
    counts.sums_agree = sums_agree(url)


def all_entries(url: str) -> list[dict[str, Any]]:
    """Every entry in the store, read directly (as the API shapes them)."""
    from knotwork.adapters.store.store import open_store
    from knotwork.core.diary.codec import to_dict

    store = open_store(url)
    try:
        return [to_dict(e) for e in store.repository().entries()]
    finally:
        store.close()


def sums_agree(url: str) -> bool:
    """The daily sums the store keeps equal the sums of its entries."""
    from knotwork.adapters.store.store import open_store

    store = open_store(url)
    try:
        repo = store.repository()
        kept = repo.day_pain(date(2026, 1, 1), date(2026, 12, 31))
        by_day: dict[date, list[int]] = {}
        for e in repo.entries(date(2026, 1, 1), date(2026, 12, 31)):
            by_day.setdefault(e.when.day, []).append(e.pain)
        worked = [(d, len(v), sum(v)) for d, v in sorted(by_day.items())]
        return [(d.day, d.count, d.total) for d in kept] == worked
    finally:
        store.close()


def report(name: str, n: int, c: Counts) -> None:
    ok = c.acknowledged > 0 and not (c.missing or c.changed or c.half_written) and c.sums_agree
    print(
        f"{name} round {n}: sent {c.sent}, acknowledged {c.acknowledged}, found after restart "
        f"{c.found}/{c.acknowledged}, missing {len(c.missing)}, changed {len(c.changed)}, "
        f"half-written {len(c.half_written)}, saved but cut off before the answer "
        f"{c.in_flight_saved}, in the store {c.total_in_store}, daily sums agree: "
        f"{'yes' if c.sums_agree else 'NO'} -> {'ok' if ok else 'FAILED'}",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=5.0, help="load before the kill")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--stores", default="sqlite,postgresql")
    args = parser.parse_args()
    failures = 0
    for backend in args.stores.split(","):
        with ExitStack() as stack:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            url = stack.enter_context(temporary_store(backend, folder))
            for n in range(1, args.rounds + 1):  # each round adds to the same store
                counts = crash_once(url, args.seconds, args.clients, folder, str(n))
                report(backend, n, counts)
                failures += bool(counts.missing or counts.changed or counts.half_written)
                failures += counts.acknowledged == 0  # no load, no test
                failures += not counts.sums_agree
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
