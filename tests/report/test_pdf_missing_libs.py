"""Without WeasyPrint's system libraries a PDF request is one clear error, not a traceback."""

from __future__ import annotations

import sys

import pytest

from knotwork.adapters.report.pdf import render_pdf
from knotwork.core.errors import ConfigError


def test_a_missing_pdf_library_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # importing it now fails
    with pytest.raises(ConfigError, match="system-deps"):
        render_pdf({}, {}, "a4")
