"""The one error shape of every web response, and the one place errors are translated.

    {"ok": false, "status": 404,
     "error": {"code": "unknown_muscle", "message": "...", "suggestions": [...], "details": [...]}}

HTML pages show the same information on an error page; ``.json`` twins and ``/api`` answer the
JSON. Bad input is a 4xx and never changes anything. Errors inside a route are translated by
the handlers ``install`` registers; anything raised outside them (the app's own middleware, an
unexpected exception anywhere) by ``ErrorBoundary``, which sits just inside the security
headers, so a 500 carries them too and the connection stays open.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any
from urllib.parse import unquote, urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import Message, Receive, Scope, Send

from knotwork.adapters.web.asgi import HttpMiddleware
from knotwork.adapters.web.respond import json_response, same_site_path, wants_json
from knotwork.core.errors import InvalidInput, KnotworkError, UnknownId, UnknownMuscle

log = logging.getLogger("knotwork.web")

STATUS_CODES = {
    400: "invalid_input",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    422: "invalid_input",
    429: "too_many_requests",
    431: "headers_too_large",
    500: "internal_error",
    501: "not_implemented",
    503: "unavailable",
}


# Said to a person in place of a bare HTTP reason phrase ("Not Found").
PLAIN = {
    404: "There is nothing at this address.",
    405: "This address does not take that kind of request.",
}


class Refused(StarletteHTTPException):
    """An HTTP error with its own error code (the status alone would say less)."""

    def __init__(
        self, status: int, code: str, message: str, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(status, message, dict(headers) if headers else None)
        self.code = code


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


def from_http(error: StarletteHTTPException) -> dict[str, Any]:
    status = error.status_code
    code = getattr(error, "code", None) or STATUS_CODES.get(status, "error")
    message = str(error.detail or "")
    if not message or message in {s.phrase for s in HTTPStatus if s.value == status}:
        message = PLAIN.get(status) or code.replace("_", " ").capitalize() + "."
    return error_body(status, code, message)


def from_validation(error: RequestValidationError) -> dict[str, Any]:
    problems = error.errors()
    if any(p.get("type") == "json_invalid" for p in problems):
        return error_body(400, "invalid_json", "The request body is not valid JSON.")
    details = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in problems]
    return error_body(422, "invalid_input", "The request is not valid.", details=details)


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
        return respond(request, error)

    async def on_validation(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        return respond(request, error)

    async def on_http(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        return respond(request, error)

    app.add_exception_handler(KnotworkError, on_knotwork)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)


def respond(request: Request, error: Exception) -> Response:
    """The error as a response in the one shape, its own headers kept (``Allow`` on a 405,
    ``Retry-After`` on a 429 or 503, ``Connection: close`` after a refused body)."""
    headers: Mapping[str, str] = {}
    links = False
    if isinstance(error, KnotworkError):
        # The path as the route saw it (request.url.path drops tabs and newlines, so
        # "/api/muscles/foo%0A" would not match the muscle it names).
        path = request.scope["path"]
        body = from_knotwork(error, path)
        links = _missing_page(error, path)
    elif isinstance(error, RequestValidationError):
        body = from_validation(error)
    elif isinstance(error, StarletteHTTPException):
        body = from_http(error)
        headers = error.headers or {}
        if error.status_code == 405 and "allow" in {k.lower() for k in headers}:
            headers = {k: v for k, v in headers.items() if k.lower() != "allow"}
            allowed = headers["Allow"] = allowed_methods(request)
            body["error"]["message"] = f"This address takes {allowed}, not {request.method}."
    else:
        body = error_body(500, "internal_error", "Something went wrong on our side.")
    response = render(request, body, links)
    response.headers.update(headers)
    return response


def allowed_methods(request: Request) -> str:
    """Every method this address takes. Starlette's 405 names only the first route whose path
    matches; an address with a route per method (GET and DELETE /api/diary/records/{id})
    takes them all. Each method is tried against the route table as it stands."""
    from starlette.routing import Match

    def takes(method: str) -> bool:
        scope = {**request.scope, "method": method}
        return any(route.matches(scope)[0] is Match.FULL for route in request.app.routes)

    methods = {m for m in ("GET", "POST", "PUT", "PATCH", "DELETE") if takes(m)}
    if "GET" in methods:
        methods.add("HEAD")  # every page answers HEAD as its GET (head.py)
    return ", ".join(sorted(methods))


def render(request: Request, body: dict[str, Any], links: bool = False) -> Response:
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
    """Where the person came from on this site, to go back and change their input: only a
    Referer from this very origin, and only as a path here (``//host/...`` or ``/\\host`` in
    the Referer's path cannot turn the link into one to another site)."""
    referer = urlsplit(request.headers.get("referer", ""))
    if (referer.scheme, referer.netloc) != (request.url.scheme, request.url.netloc):
        return None
    return same_site_path(referer.path) + (f"?{referer.query}" if referer.query else "")


class ErrorBoundary(HttpMiddleware):
    """The last line: whatever escapes the app becomes a response in the one shape.

    An ``HTTPException`` or ``KnotworkError`` raised by the app's middleware (a refused host,
    a body too large) is answered like one raised in a route; an unexpected exception is
    logged once with its traceback and answered 500; a client that went away mid-request is
    logged at debug level and needs no answer."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except ClientDisconnect:
            log.debug("client went away during %s %s", scope["method"], scope["path"])
        except Exception as error:
            expected = isinstance(error, StarletteHTTPException | KnotworkError)
            if not expected:
                log.exception("error answering %s %s", scope["method"], scope["path"])
            if not started:
                await respond(Request(scope, receive), error)(scope, receive, send)
