"""The one error shape of every web response, and the one place errors are translated.

    {"ok": false, "status": 404,
     "error": {"code": "unknown_muscle", "message": "...", "suggestions": [...], "details": [...]}}

HTML pages show the same information on an error page; ``.json`` twins and ``/api`` answer the
JSON. Bad input is a 4xx and never changes anything.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from knotwork.adapters.web.respond import json_response, wants_json
from knotwork.core.errors import InvalidInput, KnotworkError, UnknownId, UnknownMuscle

STATUS_CODES = {
    400: "invalid_input",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_input",
    429: "too_many_requests",
}


def error_body(
    status: int,
    code: str,
    message: str,
    *,
    suggestions: list[str] | None = None,
    details: list[str] | None = None,
) -> dict[str, Any]:
    return {
        "ok": False,
        "status": status,
        "error": {
            "code": code,
            "message": message,
            "suggestions": suggestions or [],
            "details": details or [],
        },
    }


def from_knotwork(error: KnotworkError, path: str = "") -> dict[str, Any]:
    status = 422 if isinstance(error, InvalidInput) else error.http_status
    if _missing_page(error, path):
        status = 404  # the muscle named in the path is the resource asked for
    suggestions = error.suggestions if isinstance(error, UnknownId) else []
    return error_body(
        status, error.code, error.message, suggestions=suggestions, details=error.details
    )


def _missing_page(error: KnotworkError, path: str) -> bool:
    """An unknown muscle named in the URL path itself (not one in the query, such as
    ``rule_out=``): a 404 whose suggestions are pages to go to."""
    if type(error) is not UnknownMuscle or not path.startswith(("/muscles/", "/api/muscles/")):
        return False
    named = path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".json")
    return unquote(named) == error.value


def install(app: FastAPI) -> None:
    async def on_knotwork(request: Request, error: Exception) -> Response:
        assert isinstance(error, KnotworkError)
        path = request.url.path
        return _respond(request, from_knotwork(error, path), links=_missing_page(error, path))

    async def on_validation(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        details = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()]
        body = error_body(422, "invalid_input", "The request is not valid.", details=details)
        return _respond(request, body)

    async def on_http(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        code = STATUS_CODES.get(error.status_code, "error")
        message = str(error.detail) if error.detail else code.replace("_", " ")
        return _respond(request, error_body(error.status_code, code, message))

    async def on_unexpected(request: Request, error: Exception) -> Response:
        return _respond(
            request, error_body(500, "internal_error", "Something went wrong on our side.")
        )

    app.add_exception_handler(KnotworkError, on_knotwork)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_unexpected)


def _respond(request: Request, body: dict[str, Any], links: bool = False) -> Response:
    if wants_json(request):
        return json_response(body, status=body["status"])
    from knotwork.adapters.web.respond import page

    context = {
        "error": body["error"],
        "status": body["status"],
        "title": "Something is not right",
        # A suggested muscle for the page asked for is a page to go to; a suggestion for a bad
        # value in the query (a region, a flag, a ruled-out muscle) is not: shown as text.
        "links": links,
        "back": _same_site_referer(request),
        "query": f"?{request.url.query}" if request.url.query else "",  # kept on suggestions
    }
    return page(request, "error.html", context, status=body["status"])


def _same_site_referer(request: Request) -> str | None:
    """Where the person came from on this site, to go back and change their input."""
    from urllib.parse import urlsplit

    referer = urlsplit(request.headers.get("referer", ""))
    if referer.netloc != request.url.netloc or not referer.path.startswith("/"):
        return None
    return referer.path + (f"?{referer.query}" if referer.query else "")
