"""Web throughput and page weight, measured against a running `knotwork serve` on localhost.

Prints, in one run: requests per second of the finder endpoint (POST /api/find, the drawings
of the evaluation cases in turn) and of a trivial endpoint of the same server (GET /healthz),
their ratio, and the 50th and 99th percentile latency at 32 concurrent connections (wrk), then
the total bytes of the Find page's first load (HTML, CSS, JS, SVG, icon), uncompressed.
Targets: finder >= half the trivial endpoint's throughput; p99 < 100 ms; page <= 150 KB.

Then the server's own CPU time per request (user + system, read from /proc for the server
process before and after each wrk run, divided by the requests wrk completed) for the trivial
endpoint, a finder request with a drawing and a finder request with words (the evaluation
cases said in words), in interleaved rounds; medians. CPU time survives a noisy machine better
than requests per second. Target (issue 14): a text finder request costs at most 3x the CPU of
a trivial request.

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


def lua_script(words: bool = False) -> str:
    bodies = []
    for case in load_cases(sorted(CASES.glob("*.yaml"))):
        if words:
            bodies.append(json.dumps({"text": case.text}))
            continue
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
    done = re.search(r"(\d+) requests in", out)
    return {
        "requests": float(done.group(1)) if done else 0.0,
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


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_per_request(
    pid: int, url: str, seconds: int, connections: int, script: str | None = None
) -> float:
    """The server's CPU milliseconds per completed request over one wrk run."""
    before = cpu_seconds(pid)
    got = run_wrk(url, seconds, connections, script)
    return (cpu_seconds(pid) - before) * 1000 / max(got["requests"], 1)


def cpu_rounds(
    pid: int, base: str, scripts: dict[str, str], seconds: int, connections: int, rounds: int
) -> dict[str, list[float]]:
    """CPU ms per request of the trivial endpoint, a drawing find and a text find, the three
    interleaved (the order rotating each round)."""
    targets = [
        ("trivial", base + "/healthz", None),
        ("drawing", base + "/api/find", scripts["drawing"]),
        ("text", base + "/api/find", scripts["text"]),
    ]
    found: dict[str, list[float]] = {name: [] for name, _, _ in targets}
    for n in range(rounds):
        for name, url, lua in targets[n % 3 :] + targets[: n % 3]:
            found[name].append(cpu_per_request(pid, url, seconds, connections, lua))
    return found


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
            text_script = Path(tmp) / "find-text.lua"
            text_script.write_text(lua_script(words=True), encoding="utf-8")
            run_wrk(base + "/api/find", 2, args.connections, str(text_script))  # warm up
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
            scripts = {"drawing": str(script), "text": str(text_script)}
            cpu = cpu_rounds(server.pid, base, scripts, args.seconds, args.connections, args.rounds)
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
    trivial = statistics.median(cpu["trivial"])
    print("Server CPU time per request (user + system of the server process), median round:")
    for name, label in (
        ("trivial", "GET /healthz"),
        ("drawing", "POST /api/find, drawing"),
        ("text", "POST /api/find, words"),
    ):
        ms = statistics.median(cpu[name])
        print(f"  {label:28} {ms:6.3f} ms   {ms / trivial:5.2f}x trivial")
    text_ratio = statistics.median(cpu["text"]) / trivial
    print(
        f"  text finder / trivial CPU: {text_ratio:.2f}x (target <= 3x: "
        f"{'met' if text_ratio <= 3 else 'NOT met'})"
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
