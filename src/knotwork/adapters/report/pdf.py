"""The report as a PDF: WeasyPrint, tagged for accessibility (PDF/UA-1: a structure tree, the
language, the title), one A4 or Letter page. WeasyPrint is imported on first use (about a
second), so commands that make no PDF do not pay for it."""

from __future__ import annotations

from typing import Any

from knotwork.adapters.report.render import STYLESHEET, document
from knotwork.core.errors import ConfigError, InvalidInput

PAPERS = {"a4": "A4", "letter": "letter"}


def render_pdf(data: dict[str, Any], pictures: dict[str, str], paper: str = "a4") -> bytes:
    if paper not in PAPERS:
        raise InvalidInput(f"The paper must be a4 or letter, not '{paper}'.")
    try:
        from weasyprint import CSS, HTML  # type: ignore[import-untyped]
    except (ImportError, OSError) as missing:
        # ./scripts/run sets up only Python packages; WeasyPrint also needs Pango from the
        # system, which scripts/system-deps installs. Say so instead of a traceback.
        raise ConfigError(
            "Making a PDF needs WeasyPrint's system libraries (Pango): run "
            "./scripts/system-deps, or on Debian: apt install libpango-1.0-0 libpangoft2-1.0-0."
        ) from missing

    html = HTML(string=document(data, pictures), base_url=str(STYLESHEET.parent))
    sheets = [CSS(filename=str(STYLESHEET)), CSS(string=f"@page {{ size: {PAPERS[paper]}; }}")]
    pdf: bytes = html.write_pdf(stylesheets=sheets, pdf_variant="pdf/ua-1")
    return pdf
