"""The report as a PDF: WeasyPrint, tagged for accessibility (PDF/UA-1: a structure tree, the
language, the title), one A4 or Letter page. WeasyPrint is imported on first use (about a
second), so commands that make no PDF do not pay for it."""

from __future__ import annotations

from typing import Any

from knotwork.adapters.report.render import STYLESHEET, document
from knotwork.core.errors import InvalidInput

PAPERS = {"a4": "A4", "letter": "letter"}


def render_pdf(data: dict[str, Any], pictures: dict[str, str], paper: str = "a4") -> bytes:
    if paper not in PAPERS:
        raise InvalidInput(f"The paper must be a4 or letter, not '{paper}'.")
    from weasyprint import CSS, HTML  # type: ignore[import-untyped]

    html = HTML(string=document(data, pictures), base_url=str(STYLESHEET.parent))
    sheets = [CSS(filename=str(STYLESHEET)), CSS(string=f"@page {{ size: {PAPERS[paper]}; }}")]
    pdf: bytes = html.write_pdf(stylesheets=sheets, pdf_variant="pdf/ua-1")
    return pdf
