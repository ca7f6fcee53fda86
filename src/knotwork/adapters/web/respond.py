"""Responses: a page and its JSON twin are rendered from the same context dict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from knotwork import __version__

TEMPLATES = Path(__file__).resolve().parent / "templates"
ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(),
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.globals["version"] = __version__


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.endswith(".json") or path.startswith("/api/") or path == "/healthz"


def json_response(data: Any, status: int = 200) -> Response:
    # orjson: several times faster than json for the finder's large documents.
    return Response(orjson.dumps(data), status_code=status, media_type="application/json")


def page(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    html = ENV.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status)


def twin(
    request: Request, template: str, context: dict[str, Any], data: dict[str, Any]
) -> Response:
    """The page, or its JSON twin when the path ends in .json."""
    if request.url.path.endswith(".json"):
        return json_response({"ok": True, **data})
    return page(request, template, {**context, "data": data})
