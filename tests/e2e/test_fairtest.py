"""A fair test in Chromium over Alice's year of neck pain, on a server of its own whose frozen
clock the test moves: plan it with the form, answer today's three questions, live through six
weeks (their answers written straight into her diary), and read the result; axe-core finds
nothing on the Fair test, What seemed to help and How we compare pages, which are photographed
at phone and desktop widths into screenshots/."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect

from knotwork.adapters.store.store import open_store
from knotwork.adapters.web.app import create_app
from knotwork.adapters.web.diary_store import DiaryStore
from knotwork.config import load_settings
from knotwork.core.diary.model import Peg
from knotwork.core.diary.service import Diary
from knotwork.core.finder import load_index
from knotwork.core.kb import load_kb
from knotwork.core.stats.schedule import Schedule
from tests import personas
from tests.e2e.conftest import AXE, DESKTOP, PHONE, SHOTS, free_port
from tests.e2e.test_accessibility import TAGS
from tests.store.test_fairtests import Clock

pytestmark = pytest.mark.e2e


class Server:
    def __init__(self, url: str, clock: Clock, diary: Diary) -> None:
        self.url, self.clock, self.diary = url, clock, diary


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    cache = tmp_path_factory.mktemp("cache")
    url = f"sqlite:///{tmp_path_factory.mktemp('fair') / 'knotwork.db'}"
    kb = load_kb(cache_dir=cache)
    store = open_store(url)
    clock = Clock(personas.ALICE_NOW)
    diary = Diary(store.repository(), kb, clock, personas.ALICE_ZONE)
    diary.restore(personas.alice())
    settings = load_settings(
        {"KNOTWORK_DATABASE_URL": url, "KNOTWORK_TIMEZONE": personas.ALICE_ZONE}
    )
    holder = DiaryStore(url, store, clock)
    app = create_app(settings, load_index(cache_dir=cache), kb, diary=holder)
    port = free_port()
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield Server(f"http://127.0.0.1:{port}", clock, diary)
    uv.should_exit = True
    thread.join(timeout=10)
    holder.close()


def _page(browser: Browser, server: Server, viewport: dict[str, int], axe: bool = False) -> Page:
    ctx = browser.new_context(viewport=viewport, base_url=server.url, bypass_csp=axe)
    page = ctx.new_page()
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith((server.url, "data:", "about:"))
            else outside.append(r.url))  # fmt: skip
    page.on("pageerror", lambda e: outside.append(str(e)))
    page.outside = outside  # type: ignore[attr-defined]
    return page


def _audit(browser: Browser, server: Server, path: str, name: str) -> None:
    """axe-core finds no violation, nothing is fetched from elsewhere, and the page does not
    scroll sideways; photographed at 360 and 1280 px."""
    page = _page(browser, server, DESKTOP, axe=True)
    page.goto(path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    problems = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]]
    assert problems == [] and result["passes"], name
    page.context.close()
    SHOTS.mkdir(exist_ok=True)
    for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = _page(browser, server, viewport)
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{name} scrolls sideways at {label} width"
        page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=True)
        assert page.outside == []  # type: ignore[attr-defined]
        page.context.close()


def test_plan_answer_and_read_a_fair_test(browser: Browser, server: Server) -> None:
    _audit(browser, server, "/fair-test", "fair-test-plan")
    _audit(browser, server, "/what-helped?days=365", "what-helped")
    _audit(browser, server, "/fair-test/method", "fair-test-method")
    page = _page(browser, server, DESKTOP)
    page.goto("/what-helped?days=365")
    page.get_by_role("link", name="Test this fairly").first.click()
    expect(page.get_by_label("What you do in its weeks").first).to_have_value(
        "Self-treatment (trigger point release): Upper trapezius (pinch grip squeeze)"
    )
    page.get_by_label("What you do in its weeks").first.fill("ball release daily")
    page.locator("#b_name").fill("stretching daily")
    page.locator("#b_kind").select_option("stretching")
    page.get_by_label("Blocks").fill("3")
    page.get_by_role("button", name="Plan the test").click()
    expect(page.get_by_role("status")).to_contain_text("Your test is planned.")
    today = page.locator("section.today")
    expect(today.locator(".assignment")).to_contain_text("daily")
    for field, value in (("pain on average", "4"), ("enjoying life", "3"),
                         ("general activity", "5")):  # fmt: skip
        page.get_by_label(field).fill(value)
    page.get_by_role("button", name="Save today's answers").click()
    expect(page.get_by_role("status")).to_contain_text("Saved today's answers")
    expect(page.locator("section.today")).to_contain_text("You have answered today")
    _audit(browser, server, "/fair-test", "fair-test-today")

    # Six weeks pass: Alice keeps to the schedule, and her pain is lower in release weeks.
    data = page.request.get("/fair-test.json").json()["current"]["test"]
    schedule = Schedule(data["schedule"]["seed"], tuple(data["schedule"]["orders"]))
    for day in range(1, 42):
        server.clock.next_day()
        value = 3 if schedule.option_on(day) == "A" else 5
        server.diary.add_entry(pain=value, peg=Peg(value, value, value + 1))
    server.clock.moment += timedelta(days=1)
    page.goto("/fair-test")
    verdict = page.locator(".verdict.fair")
    expect(verdict).to_contain_text("Ball release daily probably helped you more")
    expect(verdict).to_contain_text("After 3 blocks")
    expect(page.locator("svg.fair-chart circle.mean-a")).to_have_count(3)
    expect(page.get_by_role("button", name="Add 2 blocks")).to_be_visible()
    page.get_by_text("The periods as a table").click()
    expect(page.locator("table").first).to_contain_text("over")
    assert page.outside == []  # type: ignore[attr-defined]
    page.context.close()
    _audit(browser, server, "/fair-test", "fair-test-results")
    phone = _page(browser, server, PHONE)
    phone.goto("/fair-test")
    phone.locator("figure.fair-chart-wrap").screenshot(
        path=str(SHOTS / "fair-test-chart-phone.png")
    )
    phone.context.close()
