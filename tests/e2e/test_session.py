"""Release sessions in Chromium, run whole in milliseconds with Playwright's clock: one
completed, one stopped with a reason, one refused by a cap; the keys; axe-core finds no
violations; screenshots of the player at phone and desktop widths."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import AXE, DESKTOP, PHONE, SHOTS
from tests.e2e.test_accessibility import TAGS

pytestmark = pytest.mark.e2e


def session_url(page: Page, muscle: str, side: str = "right") -> str:
    """The session page with every safety question for it answered no."""
    base = [("muscle", muscle), ("side", side)]
    data = page.request.get("/session.json?" + urlencode(base)).json()
    answers = [("answer", f"{q['id']}:no") for q in data["gate"]["unanswered"]]
    return "/session?" + urlencode([*base, *answers])


# Records what the player asks of the browser: the screen kept awake, and each tone made.
SPY = """
window.__locks = [];
window.__tones = [];
Object.defineProperty(navigator, "wakeLock", { value: {
  request: async (kind) => { window.__locks.push(kind); return { release: async () => {} }; },
} });
const make = AudioContext.prototype.createOscillator;
AudioContext.prototype.createOscillator = function () {
  const osc = make.call(this);
  const start = osc.start.bind(osc);
  osc.start = (when) => { window.__tones.push(osc.frequency.value); start(when); };
  return osc;
};
"""


def start(page: Page, muscle: str = "upper-trapezius") -> None:
    page.add_init_script(SPY)
    page.clock.install()
    page.goto(session_url(page, muscle))
    expect(page.locator("#player")).to_be_visible()
    expect(page.locator("#session-form")).to_be_hidden()  # the player took over the checklist
    page.locator("#player select[name=p_pain_before]").select_option("6")
    page.locator("#player select[name=p_rom_before]").select_option("4")
    page.get_by_role("button", name="Start").click()


def test_a_whole_session_completes_and_records_itself(page: Page) -> None:
    start(page)
    live = page.locator("#p-live")
    expect(live).to_contain_text("Hold 1 of 2, 30 seconds")
    expect(page.locator("#p-count")).to_have_text("0:30")
    page.clock.run_for(10_000)
    expect(page.locator("#p-count")).to_have_text("0:20")
    # Keys: P pauses (time stands still), Space resumes.
    page.keyboard.press("p")
    expect(live).to_have_text("Paused.")
    page.clock.run_for(60_000)
    expect(page.locator("#p-count")).to_have_text("0:20")
    page.locator("#p-live").focus()  # off the buttons: Space is the player's
    page.keyboard.press(" ")
    expect(live).to_have_text("Resumed.")
    # Two points on the right side, two 30-second holds each, 5 seconds' rest between.
    page.clock.run_for(20_000 + 5_000 + 30_000 + 30_000 + 5_000 + 30_000 + 1_000)
    expect(page.locator("#p-end")).to_be_visible()
    expect(live).to_contain_text("Done: every point")
    assert page.evaluate("window.__locks") == ["screen"]  # kept awake while it ran
    # Made in the browser: a start tone and a two-note end tone per hold, and the last chord.
    tones = page.evaluate("window.__tones")
    assert tones.count(660) >= 4 + 4 and tones.count(880) >= 4 and tones[-3:] == [660, 880, 990]
    page.locator("#player select[name=p_pain_after]").select_option("3")
    page.locator("#player select[name=p_rom_after]").select_option("7")
    page.get_by_role("button", name="Save to my diary").click()
    expect(page.get_by_role("heading", name="Session saved")).to_be_visible()
    data = page.request.get(page.url + ".json").json()["session"]
    assert (data["pain_before"], data["pain_after"], data["rom_before"], data["rom_after"]) == (
        6,
        3,
        4,
        7,
    )
    assert [(h["point"], h["side"], h["seconds"], h["repetitions"]) for h in data["holds"]] == [
        (1, "right", 30, 2),
        (2, "right", 30, 2),
    ]
    assert data["ended"] == "completed"
    diary = page.request.get("/diary.json").json()["records"]
    mine = [r["record"] for r in diary if r["record"]["id"] in data["treatments"]]
    assert len(mine) == 2 and all(r["type"] == "self-treatment" for r in mine)
    # Saved as a routine, it is due on Today with its calendar file.
    page.get_by_label("Name").fill("Neck, evenings")
    page.get_by_label("Every").select_option("2")
    page.get_by_role("button", name="Save routine").click()
    routine = page.locator(".card", has_text="Neck, evenings")
    expect(routine).to_contain_text("every 2 days at 08:00")
    ics = page.request.get(
        routine.get_by_role("link", name="Add to calendar").get_attribute("href") or ""
    )
    assert ics.headers["content-type"].startswith("text/calendar")
    assert b"RRULE:FREQ=DAILY;INTERVAL=2\r\n" in ics.body()


def test_a_session_stopped_with_a_reason(page: Page) -> None:
    start(page)
    page.clock.run_for(12_000)
    page.get_by_role("button", name="Stop").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name="Save and end")).to_be_disabled()
    dialog.get_by_label("Numbness or tingling").check()
    expect(dialog.get_by_role("alert")).to_contain_text("may be on a nerve")
    dialog.get_by_role("button", name="Save and end").click()
    expect(page.get_by_role("heading", name="You stopped: numbness or tingling")).to_be_visible()
    data = page.request.get(page.url + ".json").json()["session"]
    assert data["ended"] == "stopped" and data["stop_reason"] == "numbness"
    assert [(h["point"], h["seconds"], h["repetitions"]) for h in data["holds"]] == [(1, 12, 1)]


def test_a_stroke_step_is_counted_with_keys(page: Page) -> None:
    url = session_url(page, "flexor-digitorum-brevis")
    plan = page.request.get(url.replace("/session?", "/session.json?")).json()
    (step,) = plan["steps"]
    assert step["strokes"] and not step["hold_seconds"]
    page.clock.install()
    page.goto(url)
    page.locator("#p-start").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#p-count")).to_have_text(f"0/{step['strokes']}")
    for n in range(step["repetitions"]):
        page.locator("#p-live").focus()  # off the buttons: Space counts a stroke
        for _ in range(step["strokes"]):
            page.keyboard.press(" ")
        if n + 1 < step["repetitions"]:
            expect(page.locator("#p-rep")).to_have_text("Let go and rest")
            page.clock.run_for(5_100)
    expect(page.locator("#p-end")).to_be_visible()
    page.locator("#player select[name=p_pain_after]").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Session saved")).to_be_visible()
    (hold,) = page.request.get(page.url + ".json").json()["session"]["holds"]
    assert (hold["strokes"], hold["seconds"], hold["repetitions"]) == (
        step["strokes"],
        None,
        step["repetitions"],
    )


def test_a_session_over_the_daily_cap_is_refused(page: Page) -> None:
    url = session_url(page, "levator-scapulae")
    plan = page.request.get(url.replace("/session?", "/session.json?")).json()
    assert plan["ready"]
    step = plan["steps"][0]
    cap = step["times_per_day"]["max"]
    answers = {a.split(":")[0]: False for k, a in plan["carry"] if k == "answer"}
    for _ in range(cap):  # the day's sessions, recorded through the API
        body = {
            "muscles": ["levator-scapulae"],
            "side": "right",
            "answers": answers,
            "holds": [
                {
                    "muscle": step["muscle"],
                    "point": step["point"],
                    "side": step["side"],
                    "technique": step["technique"],
                    "seconds": step["hold_seconds"],
                    "repetitions": 1,
                }
            ],
        }
        assert page.request.post("/api/sessions", data=body).status == 201
    page.goto(url)
    refused = page.get_by_role("note").filter(has_text="Not now")
    expect(refused).to_contain_text(f"At most {cap} session")
    expect(refused).to_contain_text(f"your diary has {cap} today")
    expect(page.locator("#player")).to_have_count(0)
    expect(page.get_by_role("button", name="Start")).to_have_count(0)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "session-refused-desktop.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(SHOTS / "session-refused-phone.png"), full_page=True)


@pytest.fixture
def axe_page(browser: Browser, base_url: str) -> Iterator[Page]:
    ctx = browser.new_context(viewport=DESKTOP, base_url=base_url, bypass_csp=True)
    yield ctx.new_page()
    ctx.close()


def audit(page: Page) -> list[object]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    assert result["passes"]
    return [
        (v["id"], v["help"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]
    ]


def test_axe_finds_no_violations_in_the_player_and_today(axe_page: Page) -> None:
    axe_page.clock.install()
    axe_page.goto("/session?muscle=upper-trapezius")  # the questions first
    assert audit(axe_page) == []
    axe_page.goto(session_url(axe_page, "infraspinatus", "both"))
    assert audit(axe_page) == []  # ready to start
    axe_page.get_by_role("button", name="Start").click()
    axe_page.clock.run_for(3_000)
    assert audit(axe_page) == []  # mid-hold
    axe_page.get_by_role("button", name="Stop").click()
    axe_page.get_by_label("Dizziness or feeling faint").check()
    assert audit(axe_page) == []  # the stop dialog with its advice
    axe_page.get_by_role("button", name="Save and end").click()
    expect(axe_page.get_by_role("heading", name="Session saved")).to_be_visible()
    assert audit(axe_page) == []
    axe_page.goto("/today")
    assert audit(axe_page) == []
    nojs = axe_page.context.browser.new_context(  # type: ignore[union-attr]
        viewport=DESKTOP, base_url=axe_page.url.split("/today")[0], bypass_csp=True,
        java_script_enabled=False,
    )  # fmt: skip
    checklist = nojs.new_page()
    checklist.goto(session_url(checklist, "infraspinatus"))
    expect(checklist.locator("#session-form")).to_be_visible()
    nojs.close()


@pytest.mark.parametrize(("label", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_screenshots_of_the_player(
    browser: Browser, base_url: str, label: str, viewport: dict[str, int]
) -> None:
    SHOTS.mkdir(exist_ok=True)
    ctx = browser.new_context(viewport=viewport, base_url=base_url)
    page = ctx.new_page()
    page.clock.install()
    page.goto(session_url(page, "infraspinatus", "both"))
    page.screenshot(path=str(SHOTS / f"session-ready-{label}.png"), full_page=True)
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(7_000)
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"the player scrolls sideways at {label} width"
    page.screenshot(path=str(SHOTS / f"session-player-{label}.png"), full_page=True)
    page.get_by_role("button", name="Stop").click()
    page.get_by_label("Sharp or shooting pain").check()
    page.screenshot(path=str(SHOTS / f"session-stop-{label}.png"))
    ctx.close()
    nojs = browser.new_context(viewport=viewport, base_url=base_url, java_script_enabled=False)
    page = nojs.new_page()
    page.goto(session_url(page, "infraspinatus", "both"))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"the checklist scrolls sideways at {label} width"
    page.screenshot(path=str(SHOTS / f"session-checklist-{label}.png"), full_page=True)
    page.goto("/today")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.screenshot(path=str(SHOTS / f"today-{label}.png"), full_page=True)
    done = page.request.get("/today.json").json()["sessions"][0]["id"]
    page.goto(f"/session/done/{done}")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.screenshot(path=str(SHOTS / f"session-done-{label}.png"), full_page=True)
    nojs.close()
