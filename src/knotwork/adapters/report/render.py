"""The report as HTML: the sheet (for the web page, inside the site's layout) and the whole
document (for WeasyPrint). One Jinja template, so the page and the PDF say the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from knotwork import __version__

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
STYLESHEET = STATIC / "report.css"
ENV = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.globals["version"] = __version__


def sheet(data: dict[str, Any], pictures: dict[str, str]) -> str:
    return ENV.get_template("sheet.html").render(data=data, pictures=pictures)


def document(data: dict[str, Any], pictures: dict[str, str]) -> str:
    return ENV.get_template("document.html").render(data=data, pictures=pictures)
