"""The safety questions in a real browser: answered by groups, with ticks and "None of these",
by keyboard; axe-core clean; photographed at phone and desktop widths (the issue's example,
a desk worker's temple headache with a stiff neck, and its page height on a phone)."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import AXE, DESKTOP, PHONE, SHOTS

pytestmark = pytest.mark.e2e
TEMPLE = "/check?" + urlencode(
    [
        ("region", "temple-right:6"),
        ("region", "back-of-neck-right:5"),
        ("text", "temple headache with a stiff neck"),
        ("context", "desk-work"),
    ]
)


def test_answering_by_groups_with_none_of_these(page: Page) -> None:
    page.goto(TEMPLE)
    groups = page.locator("fieldset.qgroup")
    n = groups.count()
    assert n >= 5
    expect(page.get_by_text(f"{n} groups left")).to_be_visible()
    # Every group is a fieldset named by its legend, each box labelled by its condition.
    expect(page.get_by_role("group", name="Numbness, weakness or control")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Slurred or muddled speech")).not_to_be_checked()
    # Leave one group blank: the results hold back self-treatment and the page counts it.
    for i in range(1, n):
        groups.nth(i).get_by_label("None of these").check()
    page.get_by_role("button", name="See results").click()
    expect(page.get_by_role("heading", name="Safety questions first")).to_be_visible()
    page.get_by_role("link", name="Answer the safety questions").first.click()
    expect(page.get_by_text("1 group left")).to_be_visible()
    # The answered groups come back answered; the blank one does not.
    expect(page.locator("fieldset.qgroup.answered")).to_have_count(n - 1)
    page.locator("fieldset.qgroup:not(.answered)").get_by_label("None of these").check()
    page.get_by_role("button", name="See results").click()
    expect(page.get_by_role("heading", name="What may be behind your pain")).to_be_visible()
    expect(page.locator(".candidate").first.locator(".press")).to_contain_text("Where:")


def test_a_tick_raises_its_flag_and_answers_the_rest_of_the_group(page: Page) -> None:
    page.goto(TEMPLE)
    for group in page.locator("fieldset.qgroup").all():
        group.get_by_label("None of these").check()
    # One condition ticked, "None of these" left ticked too: the tick stands.
    page.get_by_role("checkbox", name="A headache that wakes you from sleep").check()
    page.get_by_role("button", name="See results").click()
    gate = page.locator(".gate-soon")
    expect(gate).to_contain_text("Please see a doctor or physiotherapist soon")
    expect(page.get_by_text("Press to check")).to_have_count(0)


def test_the_groups_by_keyboard_alone(page: Page) -> None:
    page.goto(TEMPLE)
    boxes = page.locator("fieldset.qgroup input[name='none']")
    for _ in range(boxes.count()):
        page.keyboard.press("Tab")
        while not page.evaluate("document.activeElement.name === 'none'"):
            page.keyboard.press("Tab")
        page.keyboard.press("Space")
    expect(page.locator("fieldset.qgroup input[name='none']:checked")).to_have_count(boxes.count())
    page.get_by_role("button", name="See results").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="What may be behind your pain")).to_be_visible()


def test_the_questions_page_is_axe_clean(browser: Browser, base_url: str) -> None:
    ctx = browser.new_context(viewport=DESKTOP, base_url=base_url, bypass_csp=True)
    page = ctx.new_page()
    for path in (
        TEMPLE,
        "/check?"
        + urlencode(
            {
                "region": "low-back-right:5",
                "text": "I've lost weight without trying and my back aches",
            }
        ),
        "/places/heel-right",
    ):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "() => axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        assert [v["id"] for v in result["violations"]] == [], path
        assert result["passes"]
    ctx.close()


def test_screenshots_of_the_questions_and_the_phone_height(browser: Browser, base_url: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    heights = {}
    for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        ctx = browser.new_context(viewport=viewport, base_url=base_url)
        page = ctx.new_page()
        page.goto(TEMPLE)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        heights[label] = page.evaluate("document.documentElement.scrollHeight")
        page.screenshot(path=str(SHOTS / f"questions-temple-{label}.png"), full_page=True)
        # The first screens at legible size, for looking at (the full page shrinks to a strip).
        clip = {"x": 0, "y": 0, "width": viewport["width"], "height": 2 * viewport["height"]}
        page.screenshot(
            path=str(SHOTS / f"questions-temple-{label}-top.png"), clip=clip, full_page=True
        )
        ctx.close()
    print(f"questions page height, temple headache with a stiff neck: {heights}")
    # A flag raised by the words at "soon": shown raised in its group, the rest still asked.
    said = {
        "region": "low-back-right:5",
        "text": "I've lost weight without trying and my back aches",
    }
    for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        ctx = browser.new_context(viewport=viewport, base_url=base_url)
        page = ctx.new_page()
        page.goto("/check?" + urlencode(said))
        expect(page.get_by_text("Already noted from your words")).to_be_visible()
        page.screenshot(path=str(SHOTS / f"questions-raised-{label}.png"), full_page=True)
        ctx.close()
