"""A live server and Debian's Chromium (Playwright with executable_path, never a browser
download). Screenshots of every page land in screenshots/ for people to look at."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from knotwork.adapters.store.store import open_store
from knotwork.adapters.web.app import create_app
from knotwork.adapters.web.diary_store import DiaryStore
from knotwork.config import load_settings
from knotwork.core.diary.repository import Contents
from knotwork.core.diary.service import Diary
from knotwork.core.diary.when import fixed_clock
from knotwork.core.finder import load_index
from knotwork.core.kb import load_kb
from tests import personas

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "screenshots"
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("Debian's chromium is needed for the browser tests: run scripts/system-deps")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a live server, with Alice's year of neck pain in its diary (a store of its
    own, on a clock frozen at the end of her year)."""
    cache = tmp_path_factory.mktemp("cache")
    url = f"sqlite:///{tmp_path_factory.mktemp('diary') / 'knotwork.db'}"
    kb = load_kb(cache_dir=cache)
    store = open_store(url)
    clock = fixed_clock(personas.ALICE_NOW)
    alice = personas.alice()
    Diary(store.repository(), kb, clock, personas.ALICE_ZONE).restore(
        Contents(alice.entries, alice.treatments, alice.impressions, personas.alice_findings())
    )
    settings = load_settings(
        {"KNOTWORK_DATABASE_URL": url, "KNOTWORK_TIMEZONE": personas.ALICE_ZONE}
    )
    diary = DiaryStore(url, store, clock)
    app = create_app(settings, load_index(cache_dir=cache), kb, diary=diary)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    diary.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def context(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport=DESKTOP, base_url=base_url)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext, base_url: str) -> Iterator[Page]:
    """A page that fails the test on a script error or a request to any other host."""
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.on(
        "request",
        lambda r: (
            errors.append(f"request to {r.url}")
            if not r.url.startswith((base_url, "data:", "about:"))
            else None
        ),
    )
    yield p
    assert errors == []
