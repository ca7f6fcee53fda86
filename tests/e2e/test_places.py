"""Browse by place in real headless Chromium, with JavaScript off: tap a place on the map or
pick it from the list, read the muscles, answer the questions on the page, see where to press."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.e2e


@pytest.fixture
def no_script(browser: Browser, base_url: str) -> Iterator[Page]:
    ctx = browser.new_context(viewport=PHONE, base_url=base_url, java_script_enabled=False)
    yield ctx.new_page()
    ctx.close()


def test_tap_a_place_answer_the_questions_and_see_where_to_press(no_script: Page) -> None:
    page = no_script
    page.goto("/places")
    page.locator('.places-map a:has([data-region="heel-right"])').first.click()
    expect(page).to_have_url(re.compile(r"/places/heel-right$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Muscles that refer pain to your right heel"
    )
    expect(page.get_by_role("heading", name="Usually refer pain here")).to_be_visible()
    expect(page.locator(".press")).to_have_count(0)
    page.locator("summary", has_text="safety questions").click()
    for group in page.locator("fieldset.qgroup").all():
        group.get_by_label("None of these").check()
    page.get_by_role("button", name="Show where to press").click()
    expect(page.locator(".press").first).to_contain_text("Press to check:")
    # The muscle page keeps the place and the answers: its techniques are not held back.
    page.locator(".place-muscle h3 a").first.click()
    expect(page.locator(".self .notice").first).to_contain_text(
        "Your answers raised no warning sign"
    )


def test_the_list_reaches_every_place_by_keyboard(no_script: Page) -> None:
    page = no_script
    page.goto("/places")
    page.locator("summary", has_text="Leg, ankle and foot").click()
    page.get_by_role("link", name="Calf (left)").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/places/calf-left$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("your left calf")
