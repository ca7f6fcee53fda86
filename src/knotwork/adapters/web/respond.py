"""Responses: a page and its JSON twin are rendered from the same context dict."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import orjson
from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from knotwork import __version__

TEMPLATES = Path(__file__).resolve().parent / "templates"
ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(),
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.globals["version"] = __version__
# Characters a path keeps as they are; everything else (a backslash, a tab, a newline, which
# browsers drop or read as "/") is percent-encoded.
PATH_SAFE = "/-._~!$&'()*+,;=:@"


def same_site_path(path: str) -> str:
    """``path`` as a link that stays on this site: one leading slash and nothing a browser
    could read as the start of another host (``//evil.example``, ``/\\evil.example``,
    ``/\t/evil.example``)."""
    return "/" + quote(path, safe=PATH_SAFE).lstrip("/")


def twin_href(request: Request) -> str:
    """The footer's link to this page's JSON twin."""
    path = same_site_path(request.scope["path"])
    query = request.url.query
    return f"{path}.json" + (f"?{query}" if query else "")


ENV.globals["twin_href"] = twin_href

# Emergency numbers an instruction names ("999, 911 or 112"): each a tap to call on a phone.
PHONE = re.compile(r"(?<![\d/.:-])(999|911|112|000|111|119)(?![\d/.:-])")


def phone_links(text: str) -> Markup:
    """``text`` escaped, with each emergency number in it a ``tel:`` link."""
    return Markup(PHONE.sub(r'<a class="tel" href="tel:\1">\1</a>', str(escape(text))))


ENV.filters["phone_links"] = phone_links


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.endswith(".json") or path.startswith("/api/") or path == "/healthz"


def json_response(data: Any, status: int = 200) -> Response:
    # orjson: several times faster than json for the finder's large documents.
    return Response(orjson.dumps(data), status_code=status, media_type="application/json")


def page(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    from knotwork.adapters.web.csrf import set_cookie

    html = ENV.get_template(template).render(request=request, **context)
    response = HTMLResponse(html, status_code=status)
    set_cookie(request, response)  # a form on the page made this browser's CSRF secret
    return response


def twin(
    request: Request, template: str, context: dict[str, Any], data: dict[str, Any]
) -> Response:
    """The page, or its JSON twin when the path ends in .json."""
    if request.url.path.endswith(".json"):
        return json_response({"ok": True, **data})
    return page(request, template, {**context, "data": data})
