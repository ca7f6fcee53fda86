"""What the app's own layers cost a request, in CPU time, in process (no network, no server):
GET /healthz and a typical POST /api/find (two marked places), called
straight through the ASGI app. With --against, the same is measured for another source tree
(e.g. main's, from `git archive main src | tar -x -C /tmp/main`) in alternating fresh processes,
and the medians compared: CPU time, so the figures hold on a busy shared machine.

    python bench/web_overhead.py [--requests 3000] [--rounds 5] [--against /tmp/main/src]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MEASURE = r"""
import asyncio, json, sys, tempfile, time
from pathlib import Path
from knotwork.adapters.web.app import create_app
from knotwork.config import load_settings

n = int(sys.argv[1])
app = create_app(load_settings({"KNOTWORK_CACHE_DIR": tempfile.mkdtemp()}))
marks = [{"id": "temple-right", "intensity": 6}, {"id": "side-of-neck-right"}]
body = json.dumps({"regions": marks}).encode()

def scope(method, path, headers):
    return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
            "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
            "root_path": "", "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000),
            "headers": [(b"host", b"127.0.0.1:8000"), *headers]}

async def call(method, path, headers, payload):
    status = []
    async def receive():
        return {"type": "http.request", "body": payload, "more_body": False}
    async def send(message):
        if message["type"] == "http.response.start":
            status.append(message["status"])
    await app(scope(method, path, headers), receive, send)
    return status[0]

async def timed(method, path, headers, payload):
    assert await call(method, path, headers, payload) == 200
    start = time.process_time()
    for _ in range(n):
        await call(method, path, headers, payload)
    return (time.process_time() - start) / n * 1e6

json_headers = [
    (b"content-type", b"application/json"),
    (b"content-length", str(len(body)).encode()),
]
healthz = asyncio.run(timed("GET", "/healthz", [], b""))
find = asyncio.run(timed("POST", "/api/find", json_headers, body))
print(json.dumps({"healthz": healthz, "find": find}))
"""


def measure(src: str | None, requests: int) -> dict[str, float]:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(requests)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--against", help="another tree's src directory to compare with")
    args = parser.parse_args()
    trees = {"this tree": str(HERE.parent / "src")}
    if args.against:
        trees["against"] = args.against
    got: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, src in trees.items():  # alternating, so both see the same machine
            got[name].append(measure(src, args.requests))
    print(f"CPU time per request in process, median of {args.rounds} alternating processes:")
    for name, runs in got.items():
        healthz = statistics.median(r["healthz"] for r in runs)
        find = statistics.median(r["find"] for r in runs)
        print(
            f"  {name:10s} GET /healthz {healthz:6.1f} us   POST /api/find {find:6.1f} us   "
            f"finder/trivial cost {find / healthz:.2f}"
        )


if __name__ == "__main__":
    main()
