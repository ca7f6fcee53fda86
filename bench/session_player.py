"""The session player in real Chromium: its first load weight and its timer's drift.

1. **First load**: the session page for the upper trapezius (both sides, 4 steps) loaded in
   Chromium with JavaScript on; every response the browser received, summed by kind: the
   HTML, the scripts and the stylesheets (target: HTML + JS + CSS at most 100 KB, raw, as
   the server sends them; gzip sizes are shown for what a compressing proxy would send).
   The point maps are images, listed apart: the player loads one per step, as it shows it.
2. **Timer drift over a 90 s hold**: the player runs a real 90-second hold in real time (no
   fake clock) in ``--pages`` browser pages at once; when the hold ends the page reports how
   late it ended against its deadline on ``performance.now()`` (the monotonic clock it times
   with), and the same interval on ``Date.now()`` as a cross-check (target: at most 100 ms).

    python bench/session_player.py [--pages 3] [--seconds 90] [--skip-drift]

A live server on 127.0.0.1 with a store of its own; Debian's chromium (never downloaded).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import uvicorn  # noqa: E402
from playwright.sync_api import Page, sync_playwright  # noqa: E402

from knotwork.adapters.web.app import create_app  # noqa: E402
from knotwork.config import load_settings  # noqa: E402

TARGET_KB = 100
TARGET_DRIFT_MS = 100
VISIBLE = "document.visibilityState"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(store: str) -> tuple[str, uvicorn.Server, threading.Thread]:
    settings = load_settings({"KNOTWORK_DATABASE_URL": store})
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


def session_url(page: Page, **params: str) -> str:
    base = list(params.items())
    data = page.request.get("/session.json?" + urlencode(base)).json()
    answers = [("answer", f"{q['id']}:no") for q in data["gate"]["unanswered"]]
    return "/session?" + urlencode([*base, *answers])


def first_load(page: Page) -> None:
    url = session_url(page, muscle="upper-trapezius", side="both")
    seen: dict[str, list[tuple[str, bytes]]] = defaultdict(list)

    def keep(response: Any) -> None:
        kind = response.request.resource_type
        with contextlib.suppress(Exception):  # a redirect has no body
            seen[kind].append((response.url, response.body()))

    page.on("response", keep)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", keep)
    print("First load of the session page (upper trapezius, both sides, JavaScript on):")
    total = total_gz = 0
    for kind in ("document", "script", "stylesheet", "image", "other", "fetch"):
        for address, body in seen.get(kind, []):
            raw, gz = len(body), len(gzip.compress(body, 6))
            name = address.split("?")[0].removeprefix(page.url.split("/session")[0])
            print(f"  {kind:<10} {name:<48} {raw:>8,} B  gzip {gz:>7,} B")
            if kind in ("document", "script", "stylesheet"):
                total, total_gz = total + raw, total_gz + gz
    verdict = "met" if total <= TARGET_KB * 1024 else "NOT met"
    print(
        f"  HTML + JS + CSS: {total:,} B = {total / 1024:.1f} KB raw "
        f"({total_gz / 1024:.1f} KB gzip); target <= {TARGET_KB} KB: {verdict}"
    )


def drift(browser: Any, base: str, pages: int, seconds: int) -> None:
    print(
        f"\nTimer drift: a {seconds} s hold in real time in {pages} page(s) at once "
        f"(load average before: {os.getloadavg()[0]:.2f})"
    )
    running = []
    for _ in range(pages):
        # The page's CSP forbids eval, which Playwright's wait_for_function uses; timers
        # are not affected by the CSP.
        ctx = browser.new_context(base_url=base, bypass_csp=True)
        page = ctx.new_page()
        page.goto(session_url(page, muscle="upper-trapezius", side="right", hold=str(seconds)))
        page.evaluate(
            "() => document.addEventListener('knotwork:hold-end',"
            " (e) => { window.__hold = e.detail; }, { once: true })"
        )
        running.append((ctx, page))
    for _, page in running:
        page.get_by_role("button", name="Start").click()
    results = []
    for ctx, page in running:
        page.wait_for_function(
            "window.__hold !== undefined", polling=200, timeout=(seconds + 30) * 1000
        )
        results.append({**page.evaluate("window.__hold"), "visible": page.evaluate(VISIBLE)})
        ctx.close()
    late = [r["late"] for r in results]
    wall = [r["wall"] - seconds * 1000 for r in results]
    for n, r in enumerate(results, 1):
        print(
            f"  page {n}: ended {r['late']:.1f} ms after its deadline (performance.now); "
            f"{r['elapsed']:.1f} ms from start; Date.now says {r['wall']} ms; "
            f"page {r['visible']}"
        )
    worst = max(max(late), max(abs(w) for w in wall))
    verdict = "met" if worst <= TARGET_DRIFT_MS else "NOT met"
    print(
        f"  drift: median {statistics.median(late):.1f} ms, max {max(late):.1f} ms "
        f"(performance.now); wall clock max {max(abs(w) for w in wall)} ms; "
        f"target <= {TARGET_DRIFT_MS} ms: {verdict}"
    )
    print(f"  load average after: {os.getloadavg()[0]:.2f}")


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=90)
    parser.add_argument("--skip-drift", action="store_true")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("Debian's chromium is needed: run scripts/system-deps")
    with tempfile.TemporaryDirectory() as tmp:
        base, server, thread = serve(f"sqlite:///{tmp}/knotwork.db")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, args=ARGS)
                ctx = browser.new_context(base_url=base)
                first_load(ctx.new_page())
                ctx.close()
                if not args.skip_drift:
                    drift(browser, base, args.pages, args.seconds)
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=10)


if __name__ == "__main__":
    main()
