"""Web throughput and page weight, measured against a running `knotwork serve` on localhost.

Prints, in one run: requests per second of the finder endpoint (POST /api/find, the drawings
of the evaluation cases in turn) and of a trivial endpoint of the same server (GET /healthz),
their ratio, and the 50th and 99th percentile latency at 32 concurrent connections (wrk), then
the total bytes of the Find page's first load (HTML, CSS, JS, SVG, icon), uncompressed.
Targets: finder >= half the trivial endpoint's throughput; p99 < 100 ms; page <= 150 KB.

    python bench/web_load.py [--seconds N] [--rounds N] [--connections N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from knotwork.core.finder.evaluate import load_cases

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "finder" / "cases"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, cache: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "KNOTWORK_CACHE_DIR": cache, "KNOTWORK_LOG_LEVEL": "warning"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "knotwork", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def lua_script() -> str:
    bodies = []
    for case in load_cases(sorted(CASES.glob("*.yaml"))):
        regions = []
        for mark in case.drawing:
            parts = mark.split(":")
            region: dict[str, object] = {"id": parts[0]}
            if len(parts) > 1 and parts[1]:
                region["intensity"] = int(parts[1])
            regions.append(region)
        bodies.append(json.dumps({"regions": regions}))
    quoted = ",\n".join("[[" + b + "]]" for b in bodies)
    return f"""
local bodies = {{
{quoted}
}}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i % #bodies + 1
  return wrk.format(nil, "/api/find", nil, bodies[i])
end
"""


def run_wrk(
    url: str, seconds: int, connections: int, script: str | None = None
) -> dict[str, float]:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": rps,
        "p50": _ms(out, "50%"),
        "p99": _ms(out, "99%"),
        "errors": float(non2xx.group(1)) if non2xx else 0.0,
    }


def _ms(out: str, label: str) -> float:
    match = re.search(rf"{re.escape(label)}\s+([\d.]+)(us|ms|s)", out)
    assert match, out
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def page_weight(base: str) -> dict[str, int]:
    html = urllib.request.urlopen(base + "/find").read()
    sizes = {"/find (HTML with the inline SVG map)": len(html)}
    for ref in re.findall(rb'(?:href|src)="(/static/[^"]+)"', html):
        path = ref.decode()
        sizes[path] = len(urllib.request.urlopen(base + path).read())
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=5, help="per endpoint and round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    rounds: list[tuple[dict[str, float], dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(port, tmp)
        try:
            script = Path(tmp) / "find.lua"
            script.write_text(lua_script(), encoding="utf-8")
            run_wrk(base + "/healthz", 2, args.connections)  # warm up
            run_wrk(base + "/api/find", 2, args.connections, str(script))
            # Rounds alternate which endpoint goes first, so a slow spell on a shared machine
            # lands on both sides of the ratio; the median round is the figure.
            for n in range(args.rounds):
                trivial_url = (base + "/healthz", None)
                finder_url = (base + "/api/find", str(script))
                order = (trivial_url, finder_url) if n % 2 == 0 else (finder_url, trivial_url)
                got = {url: run_wrk(url, args.seconds, args.connections, lua) for url, lua in order}
                rounds.append((got[trivial_url[0]], got[finder_url[0]]))
            sizes = page_weight(base)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(
        f"wrk, 1 thread, {args.connections} connections, {args.rounds} rounds of "
        f"{args.seconds} s per endpoint; one uvicorn worker on 127.0.0.1"
    )
    ratios = []
    for n, (trivial, finder) in enumerate(rounds, 1):
        ratios.append(finder["rps"] / trivial["rps"])
        print(
            f"  round {n}: GET /healthz {trivial['rps']:6.0f} req/s (p99 {trivial['p99']:5.1f} ms)"
            f"   POST /api/find {finder['rps']:6.0f} req/s (p50 {finder['p50']:5.1f}, "
            f"p99 {finder['p99']:5.1f} ms)   ratio {ratios[-1]:.2f}"
            + (f"   non-2xx {finder['errors'] + trivial['errors']:.0f}" if finder["errors"] else "")
        )
    ratio = statistics.median(ratios)
    p99 = statistics.median(f["p99"] for _, f in rounds)
    worst = max(f["p99"] for _, f in rounds)
    print(
        f"  finder / trivial throughput, median round: {ratio:.2f} (spread "
        f"{min(ratios):.2f}-{max(ratios):.2f}; target >= 0.5: "
        f"{'met' if ratio >= 0.5 else 'NOT met'})"
    )
    print(
        f"  finder p50 {statistics.median(f['p50'] for _, f in rounds):.1f} ms, p99 {p99:.1f} ms "
        f"(worst round {worst:.1f} ms; target < 100 ms: {'met' if worst < 100 else 'NOT met'})"
    )
    total = sum(sizes.values())
    print("Find page, first load (uncompressed):")
    for name, size in sizes.items():
        print(f"  {name:40} {size / 1024:7.1f} KB")
    print(
        f"  {'total':40} {total / 1024:7.1f} KB (target <= 150 KB: "
        f"{'met' if total <= 150 * 1024 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
