"""Cross-site request forgery: no other site can make a person's browser change anything here.

``CsrfGuard`` is middleware around the whole app, so every route gets it, the ones to come
included, with nothing to remember: a route, a raw Starlette route or a mounted app all sit
inside it. On every unsafe method (POST, PUT, PATCH, DELETE) it checks:

1. **Where the request comes from.** A browser says it: ``Sec-Fetch-Site`` (every current
   browser) and ``Origin`` (on every cross-origin request and every POST). A request another
   site made (``Sec-Fetch-Site`` other than ``same-origin``, an ``Origin`` other than this
   server's own, or the ``null`` origin of a sandboxed page) is refused with 403. A request
   with neither header is not a browser's and cannot be forged by one (the command line,
   scripts); it passes this check.
2. **What it carries.** JSON needs nothing more: a page on another site cannot send
   ``Content-Type: application/json`` without a CORS preflight, which this app never grants.
   Under ``/api/`` only JSON is taken (415 otherwise, before the body is read). Elsewhere a
   form (``application/x-www-form-urlencoded`` or ``multipart/form-data``) must carry the
   synchronizer token, and anything that is neither JSON nor a form is 415.

The token: each browser gets a random secret in a cookie that scripts cannot read
(``HttpOnly``) and that no other site's request carries (``SameSite=Strict``). Every form
carries a token made from that secret (``{{ csrf_field(request) }}`` in a template, or
``csrf_token(request)``), masked afresh on each page so it never repeats; a form post sends
it back (field ``csrf_token``, or the ``X-CSRF-Token`` header from a script) and it must
match the cookie's secret. The guard reads such a form itself (the body limit still applies)
and hands the route the same bytes.

The cookie is named ``__Host-knotwork_csrf`` (``Secure``, ``Path=/``, no domain: only this
host over HTTPS can set it) when the request came over HTTPS, and ``knotwork_csrf`` otherwise:
a ``__Host-`` cookie must be ``Secure``, and a browser drops ``Secure`` cookies sent over plain
HTTP to an address on the local network (``http://localhost`` is the exception, but the same
server may also be reached at a LAN address). Cookies do not keep ports apart, so another
server on localhost could set the plain cookie; it still cannot pass check 1, which compares
the full origin, port included. docs/web.md has the how-to for new forms.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import secrets

from fastapi import Request
from fastapi.responses import Response
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from knotwork.adapters.web.asgi import HttpMiddleware
from knotwork.adapters.web.errors import Refused
from knotwork.adapters.web.respond import ENV

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
FIELD = "csrf_token"
HEADER = "x-csrf-token"
COOKIE = "knotwork_csrf"
SECURE_COOKIE = "__Host-knotwork_csrf"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
JSON_ONLY = ("/api/",)  # paths that take JSON and nothing else
SIZE = 32  # bytes of randomness in a secret
NEW = "knotwork.csrf_new"  # request.state key: a secret made for this response's cookie


def cookie_name(scheme: str) -> str:
    return SECURE_COOKIE if scheme == "https" else COOKIE


def _secret(request: Request) -> bytes:
    """This browser's secret: from its cookie, or a new one set on the response."""
    made: bytes | None = getattr(request.state, NEW, None)
    if made is not None:
        return made
    found = _decode(request.cookies.get(cookie_name(request.url.scheme), ""), SIZE)
    if found is not None:
        return found
    made = secrets.token_bytes(SIZE)
    setattr(request.state, NEW, made)
    return made


def csrf_token(request: Request) -> str:
    """A token for one form: the secret masked with fresh random bytes (so the page never
    shows the same string twice, and the secret itself never appears in the page)."""
    secret = _secret(request)
    mask = secrets.token_bytes(SIZE)
    masked = bytes(a ^ b for a, b in zip(mask, secret, strict=True))
    return base64.urlsafe_b64encode(mask + masked).decode()


ENV.globals["csrf_token"] = csrf_token  # for templates: {{ csrf_field(request) }} uses it


def token_matches(token: str, secret: bytes) -> bool:
    raw = _decode(token, 2 * SIZE)
    if raw is None:
        return False
    unmasked = bytes(a ^ b for a, b in zip(raw[:SIZE], raw[SIZE:], strict=True))
    return hmac.compare_digest(unmasked, secret)


def _decode(text: str, size: int) -> bytes | None:
    try:
        raw = base64.urlsafe_b64decode(text.encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    return raw if len(raw) == size else None


def set_cookie(request: Request, response: Response) -> None:
    """Send the secret made while rendering this response (a page with a form)."""
    made: bytes | None = getattr(request.state, NEW, None)
    if made is None:
        return
    response.set_cookie(
        cookie_name(request.url.scheme),
        base64.urlsafe_b64encode(made).decode(),
        path="/",
        secure=request.url.scheme == "https",
        httponly=True,
        samesite="strict",
    )


def cross_site(scheme: str, headers: Headers) -> str | None:
    """Why this request looks made by another site, or None. The Host header has been
    checked against the allowed hosts (hosts.py) before this runs."""
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None:
        # The browser sets it and no page can, so it settles the question. The Origin of a
        # same-origin form post is "null" under this app's Referrer-Policy: no-referrer (the
        # Fetch standard serialises it so), which the check below would refuse.
        return None if fetch_site == "same-origin" else f"Sec-Fetch-Site is {fetch_site}"
    origin = headers.get("origin")
    if origin is not None and origin.lower() != f"{scheme}://{headers.get('host', '')}".lower():
        return f"it came from {origin}"
    return None


def media_type(headers: Headers) -> str:
    return headers.get("content-type", "").partition(";")[0].strip().lower()


def is_json(kind: str) -> bool:
    return kind == "application/json" or (
        kind.startswith("application/") and kind.endswith("+json")
    )


class CsrfGuard(HttpMiddleware):
    def __init__(self, app: ASGIApp, json_only: tuple[str, ...] = JSON_ONLY) -> None:
        super().__init__(app)
        self.json_only = json_only

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        reason = cross_site(scope["scheme"], headers)
        if reason:
            raise Refused(
                403,
                "cross_site_request",
                f"This request was refused because {reason}, not this site.",
            )
        kind = media_type(headers)
        if is_json(kind) or not (kind or _has_body(headers)):
            # JSON, or nothing at all (a bare DELETE): no body a form could have forged.
            await self.app(scope, receive, send)
            return
        if scope["path"].startswith(self.json_only):
            raise unsupported(kind, "JSON (Content-Type: application/json)")
        if kind not in FORM_TYPES:
            raise unsupported(kind, "JSON or a form")
        body = await _read(receive)
        await _check_token(scope, headers, _replay(body, receive))
        await self.app(scope, _replay(body, receive), send)


def _has_body(headers: Headers) -> bool:
    return headers.get("content-length", "0") != "0" or "transfer-encoding" in headers


async def _read(receive: Receive) -> bytes:
    """The whole body; the body limit (limits.py) applies as it is read."""
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives ``body`` again, then whatever the connection says next."""
    pending: list[Message] = [{"type": "http.request", "body": body}]

    async def replay() -> Message:
        return pending.pop() if pending else await receive()

    return replay


async def _check_token(scope: Scope, headers: Headers, receive: Receive) -> None:
    request = Request(scope, receive)
    secret = _decode(request.cookies.get(cookie_name(scope["scheme"]), ""), SIZE)
    form = await request.form()
    token = headers.get(HEADER) or form.get(FIELD)
    await form.close()
    if secret is None or not isinstance(token, str) or not token_matches(token, secret):
        raise Refused(
            403,
            "csrf_token_invalid",
            "This form could not be accepted: it was opened before your browser's session "
            "here began, or from another site. Go back, reload the page and send it again.",
        )


def unsupported(kind: str, wanted: str) -> Refused:
    said = f"'{kind}'" if kind else "no Content-Type"
    return Refused(415, "unsupported_media_type", f"This takes {wanted}, not {said}.")
