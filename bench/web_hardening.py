"""Does the server stay responsive while hostile clients push it? (issue 13)

Starts `knotwork serve` on a free localhost port and measures GET /healthz latency, p50 and p99,
from one client asking every 5 ms over a kept-alive connection:

1. alone;
2. while 8 clients send POST /api/find bodies of the maximum size (KNOTWORK_MAX_BODY_BYTES,
   64 KiB: a real, expensive finder query, 120 marked places, 2,000 characters of words,
   every question answered, padded to the limit), each as soon as the last was answered;
   and 50 slow clients each hold a connection, sending a request's headers one byte a second
   (the server answers each 408 after KNOTWORK_HEADER_TIMEOUT; the client reconnects).

Target: p99 under load below 50 ms, and no 5xx to anyone. Also printed: what the body clients
got, what the slow clients got, and the server's peak memory (VmHWM from /proc). Only loopback
traffic, bounded in time: each phase runs --seconds, and the script stops by itself.

    python bench/web_hardening.py [--rounds 3] [--seconds 12]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing import Process, Queue
from pathlib import Path

HERE = Path(__file__).resolve().parent
KNOTWORK = str(Path(sys.executable).with_name("knotwork"))
HOST = "127.0.0.1"
MAX_BODY = 64 * 1024  # the default KNOTWORK_MAX_BODY_BYTES
BODY_CLIENTS = 8
SLOW_CLIENTS = 50
TARGET_P99_MS = 50.0


@dataclass
class Tally:
    healthz: list[float] = field(default_factory=list)  # seconds
    statuses: Counter[str] = field(default_factory=Counter)  # "who status"
    bodies_sent: int = 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def max_body() -> bytes:
    """A valid finder body that costs the finder the most a body can: every place marked
    that fits, a full text, every question answered; padded to exactly the limit."""
    sys.path.insert(0, str(HERE.parent / "src"))
    from knotwork.core.kb import load_kb

    kb = load_kb(cache_dir=None)
    said = "my right shoulder and neck ache after lifting at work, worse at night; "
    body = {
        "text": (said * 40)[:2000],
        "regions": [{"id": r.id, "intensity": 6} for r in list(kb.atlas)[:120]],
        "answers": dict.fromkeys(sorted(kb.safety.flags), False),
        "press": dict.fromkeys(sorted(kb.muscles)[:60], "no"),
        "limit": 100,
    }
    raw = json.dumps(body).encode()
    assert len(raw) < MAX_BODY, len(raw)
    return raw[:-1] + b" " * (MAX_BODY - len(raw)) + b"}"


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """(status, whether the server closes the connection) of one response, read whole."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:] if x)}
    await reader.readexactly(int(headers.get("content-length", "0")))
    return status, headers.get("connection", "").lower() == "close"


async def prober(port: int, until: float, tally: Tally) -> None:
    reader, writer = await asyncio.open_connection(HOST, port)
    request = f"GET /healthz HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode()
    while time.monotonic() < until:
        start = time.perf_counter()
        writer.write(request)
        status, closing = await read_response(reader)
        tally.healthz.append(time.perf_counter() - start)
        tally.statuses[f"healthz {status}"] += 1
        if closing:
            writer.close()
            reader, writer = await asyncio.open_connection(HOST, port)
        await asyncio.sleep(0.005)
    writer.close()


async def body_client(port: int, until: float, body: bytes, tally: Tally) -> None:
    head = (
        f"POST /api/find HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    reader, writer = await asyncio.open_connection(HOST, port)
    while time.monotonic() < until:
        writer.write(head + body)
        status, closing = await read_response(reader)
        tally.bodies_sent += 1
        tally.statuses[f"max-size body {status}"] += 1
        if closing:
            writer.close()
            reader, writer = await asyncio.open_connection(HOST, port)
    writer.close()


async def slow_client(port: int, until: float, tally: Tally) -> None:
    """A request's headers, one byte a second, for as long as the server keeps listening."""
    request = f"GET /healthz HTTP/1.1\r\nHost: {HOST}\r\nX-Slow: " + "z" * 200
    while time.monotonic() < until:
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            for byte in request.encode():
                if time.monotonic() >= until or reader.at_eof():
                    break
                writer.write(bytes([byte]))
                await writer.drain()
                try:
                    status, _ = await asyncio.wait_for(read_response(reader), timeout=1.0)
                except TimeoutError:
                    continue  # still held open: send the next byte
                tally.statuses[f"slow client {status}"] += 1
                break
        except (ConnectionError, asyncio.IncompleteReadError):
            tally.statuses["slow client dropped"] += 1
        writer.close()


async def load(port: int, seconds: float, body: bytes) -> Tally:
    """The hostile clients: slow ones first (they hold their connections), then the bodies."""
    tally = Tally()
    until = time.monotonic() + seconds
    tasks = [slow_client(port, until, tally) for _ in range(SLOW_CLIENTS)]
    await asyncio.sleep(1.0)
    tasks += [body_client(port, until, body, tally) for _ in range(BODY_CLIENTS)]
    await asyncio.gather(*tasks)
    return tally


def load_process(port: int, seconds: float, body: bytes, out: Queue[Tally]) -> None:
    out.put(asyncio.run(load(port, seconds, body)))


def phase(port: int, seconds: float, body: bytes | None) -> Tally:
    """/healthz probed from this process; the load, if any, from another, so that the time
    the load's own clients take (reading large answers) is not counted as the server's."""
    tally = Tally()
    if body is None:
        asyncio.run(prober(port, time.monotonic() + seconds, tally))
        return tally
    out: Queue[Tally] = Queue()
    worker = Process(target=load_process, args=(port, seconds + 1.0, body, out))
    worker.start()
    time.sleep(1.5)  # the slow clients connect, the bodies start
    asyncio.run(prober(port, time.monotonic() + seconds - 1.0, tally))
    loaded = out.get(timeout=seconds + 60)
    worker.join(timeout=30)
    tally.statuses += loaded.statuses
    tally.bodies_sent = loaded.bodies_sent
    return tally


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def percentile_ms(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_server(cache: str) -> tuple[subprocess.Popen[str], int]:
    port = free_port()
    env = {**os.environ, "KNOTWORK_CACHE_DIR": cache, "KNOTWORK_LOG_LEVEL": "warning"}
    server = subprocess.Popen(
        [KNOTWORK, "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert server.stdout is not None
    line = server.stdout.readline()
    if "running" not in line:
        server.kill()
        raise SystemExit(f"knotwork serve did not start: {line}{server.stderr.read()}")  # type: ignore[union-attr]
    return server, port


def one_round(cache: str, seconds: float, body: bytes) -> dict[str, float]:
    server, port = start_server(cache)
    try:
        alone = phase(port, seconds / 2, None)
        before, started = cpu_seconds(server.pid), time.monotonic()
        loaded = phase(port, seconds, body)
        busy = (cpu_seconds(server.pid) - before) / (time.monotonic() - started)
        peak = peak_rss_mb(server.pid)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    every = alone.statuses + loaded.statuses
    fives = sum(n for k, n in every.items() if k.split()[-1].startswith("5"))
    print(
        f"  alone: /healthz p50 {percentile_ms(alone.healthz, 0.5):5.1f} ms  "
        f"p99 {percentile_ms(alone.healthz, 0.99):5.1f} ms  ({len(alone.healthz)} requests)"
    )
    print(
        f"  load:  /healthz p50 {percentile_ms(loaded.healthz, 0.5):5.1f} ms  "
        f"p99 {percentile_ms(loaded.healthz, 0.99):5.1f} ms  ({len(loaded.healthz)} requests; "
        f"{loaded.bodies_sent} max-size bodies answered)"
    )
    print(f"  answers: {dict(sorted(loaded.statuses.items()))}")
    print(
        f"  5xx: {fives}   server peak memory (VmHWM): {peak:.0f} MB   server CPU under load: "
        f"{busy:.2f} cores   load average: {os.getloadavg()[0]:.1f}"
    )
    return {
        "alone_p50": percentile_ms(alone.healthz, 0.5),
        "alone_p99": percentile_ms(alone.healthz, 0.99),
        "load_p50": percentile_ms(loaded.healthz, 0.5),
        "load_p99": percentile_ms(loaded.healthz, 0.99),
        "fives": fives,
        "peak_mb": peak,
        "bodies": loaded.bodies_sent,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3, help="server starts, one after another")
    parser.add_argument("--seconds", type=float, default=12.0, help="length of the loaded phase")
    args = parser.parse_args()
    body = max_body()
    print(
        f"knotwork serve on {HOST}, {BODY_CLIENTS} clients sending {len(body)}-byte bodies, "
        f"{SLOW_CLIENTS} slow clients; {args.rounds} rounds of {args.seconds / 2:g} s alone "
        f"then {args.seconds:g} s loaded"
    )
    rounds = []
    with tempfile.TemporaryDirectory() as cache:
        for n in range(1, args.rounds + 1):
            print(f"round {n}")
            rounds.append(one_round(cache, args.seconds, body))
    med = {k: statistics.median(r[k] for r in rounds) for k in rounds[0]}
    met = med["load_p99"] < TARGET_P99_MS and all(r["fives"] == 0 for r in rounds)
    print(
        f"median of {len(rounds)} rounds: /healthz alone p50 {med['alone_p50']:.1f} ms, "
        f"p99 {med['alone_p99']:.1f} ms; under load p50 {med['load_p50']:.1f} ms, "
        f"p99 {med['load_p99']:.1f} ms (target < {TARGET_P99_MS:g} ms); "
        f"5xx {sum(r['fives'] for r in rounds):.0f}; peak memory {med['peak_mb']:.0f} MB; "
        f"{'met' if met else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
