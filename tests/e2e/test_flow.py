"""The whole flow in real headless Chromium: mark regions, describe, answer the safety
questions, read the ranked results, answer a press test, be stopped by a red flag, and do it
all by keyboard alone."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e
CHEST = "crushing pain in my chest spreading down my left arm and I'm sweating"


def answer_all_no(page: Page) -> None:
    for group in page.locator("fieldset.qgroup").all():
        group.get_by_label("None of these").check()


def results_url(page: Page, text: str) -> str:
    """The results URL for `text` with every safety question answered no."""
    data = page.request.get("/check.json?" + urlencode({"text": text})).json()
    pairs = [("text", text)] + [(f"a_{q['id']}", "no") for q in data["questions"]]
    return "/results?" + urlencode(pairs)


def test_mark_describe_answer_and_read_the_results(page: Page) -> None:
    page.goto("/find")
    temple = page.locator('#bodymap [data-region="temple-right"]').first
    temple.click()
    temple.click()
    expect(page.locator('input[name="region"][value="temple-right:6"]')).to_be_checked()
    expect(temple).to_have_attribute("aria-pressed", "true")
    page.locator("#text").fill("and an ache down the side of my neck")
    page.get_by_role("button", name="Next: safety questions").click()
    expect(page.get_by_role("heading", name="A few safety questions")).to_be_visible()
    expect(page.locator(".chip", has_text="Temple (right)")).to_be_visible()
    answer_all_no(page)
    page.get_by_role("button", name="See results").click()
    expect(page.get_by_role("heading", name="What may be behind your pain")).to_be_visible()
    names = page.locator(".candidate h2 a").all_inner_texts()
    assert len(names) == 5
    assert "Upper trapezius" in names[:3]
    expect(page.locator(".candidate").first.locator(".press")).to_contain_text("Where:")


def test_a_caution_ticked_before_the_results_holds_back_pressing_there(page: Page) -> None:
    page.goto("/check?" + urlencode({"region": "calf-right:6"}))
    answer_all_no(page)
    page.get_by_label("I have, or a doctor suspects, a blood clot").check()
    page.get_by_role("button", name="See results").click()
    expect(page.locator(".press.held").first).to_contain_text("suspected clot")
    expect(page.get_by_text("Press to check")).to_have_count(0)
    # The muscle page opened from the results keeps the caution, and its box stays ticked.
    page.locator(".candidate h2 a").first.click()
    expect(page.locator(".tp .blocked").first).to_contain_text("suspected clot")
    expect(page.get_by_label("I have, or a doctor suspects, a blood clot")).to_be_checked()


def test_a_press_test_answer_reranks_in_place(page: Page) -> None:
    page.goto(results_url(page, "throbbing at my right temple and the side of my neck"))
    before = page.locator(".candidate").evaluate_all("els => els.map(e => e.id)")
    muscle = before[2]
    page.evaluate("window.notReloaded = true")
    page.locator(f"#{muscle}").get_by_role("link", name="Yes, that's my pain").click()
    expect(page.locator(f"#{muscle} .button.chosen")).to_have_text("Yes, that's my pain")
    after = page.locator(".candidate").evaluate_all("els => els.map(e => e.id)")
    assert after != before
    assert after.index(muscle) < before.index(muscle)  # a "yes" moves it up the list
    assert page.evaluate("window.notReloaded === true")  # replaced in place, no page load
    assert "press=" in page.url
    # And "no" moves the top candidate down.
    top = after[0]
    page.locator(f"#{top}").get_by_role("link", name="No", exact=True).click()
    expect(page.locator(f"#{top} .button.chosen")).to_have_text("No")
    assert page.locator(".candidate").first.get_attribute("id") != top


def test_a_red_flag_stops_the_flow(page: Page) -> None:
    page.goto("/find")
    page.locator("#text").fill(CHEST)
    page.get_by_role("button", name="Next: safety questions").click()
    gate = page.locator(".gate-emergency")
    expect(gate).to_contain_text("Call your emergency number now")
    expect(gate).to_contain_text("Why")
    expect(page.locator("form.questions")).to_have_count(0)
    page.goto("/results?" + urlencode({"text": CHEST}))
    expect(page.locator(".gate-emergency")).to_be_visible()
    expect(page.locator(".candidate")).to_have_count(0)
    expect(page.get_by_text("Press to check")).to_have_count(0)


def tab_to(page: Page, selector: str, limit: int = 400) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_the_whole_flow_by_keyboard_alone(page: Page) -> None:
    page.goto("/find")
    tab_to(page, "#bodymap .kw-region")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    expect(page.locator('input[name="region"]:checked')).to_have_count(1)
    tab_to(page, "#text")
    page.keyboard.type("pain at the back of my right knee")
    tab_to(page, 'button[type="submit"]')
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="A few safety questions")).to_be_visible()
    for value in page.locator("fieldset.qgroup input[name='none']").evaluate_all(
        "els => els.map(e => e.value)"
    ):
        tab_to(page, f'input[name="none"][value="{value}"]')
        page.keyboard.press("Space")
    tab_to(page, 'button[type="submit"]')
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="What may be behind your pain")).to_be_visible()
    first = page.locator(".candidate").first.get_attribute("id")
    tab_to(page, "a[data-press]")
    page.keyboard.press("Enter")
    expect(page.locator(f"#{first} .button.chosen")).to_be_visible()


def test_the_main_area_can_be_chosen_among_the_marked_places(page: Page) -> None:
    page.goto("/find")
    page.locator('#bodymap [data-region="temple-right"]').first.click()
    main = page.locator("#main-place")
    expect(main).to_be_hidden()  # one place: nothing to choose between
    page.locator('input[name="region"][data-region="jaw-right"]').check()
    expect(main).to_be_visible()
    main.select_option("jaw-right")
    page.get_by_role("button", name="Next: safety questions").click()
    chips = page.locator(".chip").all_inner_texts()
    assert "Jaw (right)" in chips
    data = page.request.get(page.url.replace("/check?", "/check.json?")).json()
    main_marks = [r for r in data["understood"]["regions"] if r["main"]]
    assert [r["id"] for r in main_marks] == ["jaw-right"]
