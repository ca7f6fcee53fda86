"""The Diary in Chromium: repeating last time's places takes one press (the brief allows
three), a treatment is recorded, a deleted record comes back with Undo, and the browser's own
time zone goes with the form."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_repeating_last_times_places_takes_one_press(page: Page) -> None:
    page.goto("/diary")
    last_entry = page.locator(".records .record.kind-entry").first
    before = last_entry.locator(".what").inner_text()
    neck = page.get_by_label("Back of the neck (right)")
    expect(neck).to_have_value("2")  # last time's number, ready to keep
    interactions = 0
    page.get_by_role("button", name="Save entry").click()
    interactions += 1
    expect(page.get_by_role("status")).to_contain_text("Saved.")
    # (The server's clock is frozen, so records made in these tests share a time: the one
    # just saved is the one the page marks as saved.)
    newest = page.locator(".records .record.saved")
    expect(newest).to_have_class("record kind-entry saved")
    assert newest.locator(".what").inner_text() == before  # the same places, the same numbers
    assert interactions <= 3


def test_changing_one_number_is_two_interactions(page: Page) -> None:
    page.goto("/diary")
    page.get_by_label("Back of the neck (right)").fill("5")
    page.get_by_role("button", name="Save entry").click()
    newest = page.locator(".records .record.saved")
    expect(newest.locator(".what")).to_contain_text("Back of the neck (right) 5")


def test_a_treatment_and_undoing_a_delete(page: Page) -> None:
    page.goto("/diary")
    page.get_by_text("Record a treatment").click()
    page.get_by_label("What you did").select_option("heat")
    page.get_by_label("Where (heat, cold)").select_option("back-of-neck-right")
    page.get_by_label("Seconds").fill("900")
    page.get_by_label("Relief right after (0 none, 10 complete)").fill("3")
    page.get_by_role("button", name="Save treatment").click()
    newest = page.locator(".records .record.saved")
    expect(newest.locator(".what")).to_contain_text("Heat: Back of the neck (right); relief 3/10")
    newest.get_by_role("button", name="Delete").click()
    expect(page.get_by_role("status")).to_contain_text("Deleted the treatment of")
    expect(page.locator(".records .what", has_text="Heat")).to_have_count(0)
    page.get_by_role("button", name="Undo").click()
    expect(page.locator(".records .record.saved .what")).to_contain_text("Heat")


def test_the_form_says_the_browsers_time_zone(page: Page) -> None:
    page.goto("/diary")
    zone = page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone")
    expect(page.locator('.quick input[name="zone"]')).to_have_value(zone)
