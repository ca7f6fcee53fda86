"""Strict security headers on every response (pure ASGI middleware, no per-request objects).

The Content-Security-Policy allows nothing but this origin: no inline scripts or styles, no
other hosts, no framing. The app never requests anything from another host.
"""

from __future__ import annotations

from starlette.types import Message, Receive, Scope, Send

from knotwork.adapters.web.asgi import HttpMiddleware

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]


class SecurityHeaders(HttpMiddleware):
    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                # A response with its own policy (SVG images) keeps it; the rest get ours.
                own = any(k == b"content-security-policy" for k, _ in headers)
                message["headers"] = headers + (HEADERS[1:] if own else HEADERS)
            await send(message)

        await self.app(scope, receive, with_headers)
