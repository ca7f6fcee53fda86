"""The report page in Chromium: it prints as one page (the browser's own PDF, A4 and Letter),
and the PDF buttons download a PDF."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_the_page_prints_on_one_sheet_and_downloads_the_pdf(page: Page) -> None:
    page.goto("/report?name=Alice+Example")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pain diary: summary for a clinician")
    expect(page.locator(".r-badge")).to_have_text("Self-reported; not a diagnosis.")
    page.emulate_media(media="print")
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper, print_background=True)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, (paper, pages)
    page.emulate_media(media="screen")
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF, Letter").click()
    assert download.value.suggested_filename == "knotwork-report-2026-12-31-letter.pdf"
