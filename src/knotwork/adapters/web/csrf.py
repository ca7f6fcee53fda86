"""Cross-site request forgery: no other site can make a person's browser change anything here.

Two checks, on every unsafe method (POST, PUT, PATCH, DELETE), for every route:

1. **Where the request comes from.** A browser says it: ``Sec-Fetch-Site`` (every current
   browser) and ``Origin`` (on every cross-origin request and every POST). A request another
   site made (``Sec-Fetch-Site`` other than ``same-origin``, an ``Origin`` other than this
   server's own, or the ``null`` origin of a sandboxed page) is refused with 403. A request
   with neither header is not a browser's and cannot be forged by one (the command line,
   scripts); it passes this check.
2. **A synchronizer token on form posts.** Each browser gets a random secret in a cookie that
   scripts cannot read (``HttpOnly``) and that no other site's request carries
   (``SameSite=Strict``). Every form carries a token made from that secret
   (``{{ csrf_field(request) }}`` in a template, or ``csrf_token(request)``), masked afresh on
   each page so it never repeats; a form post must send it back (field ``csrf_token``, or the
   ``X-CSRF-Token`` header from a script) and it must match the cookie's secret.

JSON requests need no token: a page on another site cannot send ``Content-Type:
application/json`` without a CORS preflight, which this app never grants, and the origin check
above applies to them. Anything that is neither JSON nor a form is refused with 415.

The cookie is named ``__Host-knotwork_csrf`` (``Secure``, ``Path=/``, no domain: only this
host over HTTPS can set it) when the request came over HTTPS, and ``knotwork_csrf`` otherwise:
a ``__Host-`` cookie must be ``Secure``, and a browser drops ``Secure`` cookies sent over plain
HTTP to an address on the local network (``http://localhost`` is the exception, but the same
server may also be reached at a LAN address). Cookies do not keep ports apart, so another
server on localhost could set the plain cookie; it still cannot pass check 1, which compares
the full origin, port included.

Every route gets ``require_csrf`` as an app-wide dependency (``create_app``), and
``tests/web/test_csrf.py`` walks the routes and fails if any unsafe route lacks it.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import secrets
from typing import Any

from fastapi import FastAPI, Request
from fastapi.dependencies.models import Dependant
from fastapi.responses import Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.routing import Mount

from knotwork.adapters.web.errors import Refused
from knotwork.adapters.web.respond import ENV

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
FIELD = "csrf_token"
HEADER = "x-csrf-token"
COOKIE = "knotwork_csrf"
SECURE_COOKIE = "__Host-knotwork_csrf"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
SIZE = 32  # bytes of randomness in a secret
NEW = "knotwork.csrf_new"  # request.state key: a secret made for this response's cookie


def cookie_name(request: Request) -> str:
    return SECURE_COOKIE if request.url.scheme == "https" else COOKIE


def _secret(request: Request) -> bytes:
    """This browser's secret: from its cookie, or a new one set on the response."""
    made: bytes | None = getattr(request.state, NEW, None)
    if made is not None:
        return made
    found = _decode(request.cookies.get(cookie_name(request), ""), SIZE)
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
        cookie_name(request),
        base64.urlsafe_b64encode(made).decode(),
        path="/",
        secure=request.url.scheme == "https",
        httponly=True,
        samesite="strict",
    )


def own_origin(request: Request) -> str:
    # The Host header has been checked against the allowed hosts (hosts.py) before this runs.
    return f"{request.url.scheme}://{request.headers.get('host', '')}".lower()


def cross_site(request: Request) -> str | None:
    """Why this request looks made by another site, or None."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site != "same-origin":
        return f"Sec-Fetch-Site is {fetch_site}"
    origin = request.headers.get("origin")
    if origin is not None and origin.lower() != own_origin(request):
        return f"it came from {origin}"
    return None


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").partition(";")[0].strip().lower()


def is_json(kind: str) -> bool:
    return kind == "application/json" or (
        kind.startswith("application/") and kind.endswith("+json")
    )


async def require_csrf(request: Request) -> None:
    """The app-wide dependency: nothing for safe methods; the origin check for every unsafe
    one; and for a form post, its token."""
    if request.method in SAFE_METHODS:
        return
    reason = cross_site(request)
    if reason:
        raise forbidden(
            "cross_site_request", f"This request was refused because {reason}, not this site."
        )
    kind = media_type(request)
    if is_json(kind):
        return
    if json_only(request):
        raise unsupported(kind, "JSON (Content-Type: application/json)")
    if kind not in FORM_TYPES:
        raise unsupported(kind, "JSON or a form")
    secret = _decode(request.cookies.get(cookie_name(request), ""), SIZE)
    form: Any = await request.form()
    token = request.headers.get(HEADER) or form.get(FIELD)
    if secret is None or not isinstance(token, str) or not token_matches(token, secret):
        raise forbidden(
            "csrf_token_invalid",
            "This form could not be accepted: it was opened before your browser's session "
            "here began, or from another site. Go back, reload the page and send it again.",
        )


def json_only(request: Request) -> bool:
    """Does the route asked for take JSON only (``require_json`` among its dependencies)?"""
    route = request.scope.get("route")
    return any(d.dependency is require_json for d in getattr(route, "dependencies", ()))


async def require_json(request: Request) -> None:
    """The JSON API takes JSON only: a plain form or text body from another site is refused
    before anything reads it."""
    if request.method not in SAFE_METHODS and not is_json(media_type(request)):
        raise unsupported(media_type(request), "JSON (Content-Type: application/json)")


def forbidden(code: str, message: str) -> Refused:
    return Refused(403, code, message)


def unsupported(kind: str, wanted: str) -> Refused:
    said = f"'{kind}'" if kind else "no Content-Type"
    return Refused(415, "unsupported_media_type", f"This takes {wanted}, not {said}.")


def unprotected_routes(app: FastAPI) -> list[str]:
    """Routes that could change something without ``require_csrf`` (tests/web/test_csrf.py
    asserts there are none): an unsafe method on a route without the dependency, a raw
    Starlette route, or a mounted app other than the static files (a mount answers every
    method)."""
    found = []
    for route in app.routes:
        methods = set(getattr(route, "methods", None) or ()) - SAFE_METHODS
        if isinstance(route, APIRoute):
            if methods and require_csrf not in _dependencies(route.dependant):
                found.append(f"{'/'.join(sorted(methods))} {route.path}")
        elif isinstance(route, Mount):
            if not isinstance(route.app, StaticFiles):
                found.append(f"mount {route.path}")
        elif methods:
            found.append(f"{'/'.join(sorted(methods))} {getattr(route, 'path', route)}")
    return found


def _dependencies(dependant: Dependant) -> set[Any]:
    calls: set[Any] = set()
    for sub in dependant.dependencies:
        calls.add(sub.call)
        calls |= _dependencies(sub)
    return calls
