"""The request body's limits, enforced as it streams in: its size and how long it may take.

A declared ``Content-Length`` over the limit is refused before a byte of the body is read; a
body without one (chunked) is counted as it arrives and refused the moment it passes the
limit, so a large body is never held whole. Both answer 413 in the one error shape, and a body
that has not arrived within the time allowed answers 408; each closes the connection, since
the rest of the body would otherwise still be on its way. The request line, headers, idle
connections and the number of connections are limited before the app runs
(``server.py``).
"""

from __future__ import annotations

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from knotwork.adapters.web.asgi import HttpMiddleware
from knotwork.adapters.web.errors import Refused

CLOSE = {"connection": "close"}


def too_large(limit: int) -> Refused:
    return Refused(
        413, "too_large", f"The request body is larger than {limit} bytes.", headers=CLOSE
    )


def too_slow(seconds: float) -> Refused:
    return Refused(
        408,
        "request_timeout",
        f"The request body did not arrive within {seconds:g} seconds.",
        headers=CLOSE,
    )


def declared_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


class BodyLimit(HttpMiddleware):
    def __init__(self, app: ASGIApp, max_bytes: int, timeout: float) -> None:
        super().__init__(app)
        self.max_bytes = max_bytes
        self.timeout = timeout

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        declared = declared_length(scope)
        if declared is not None and declared > self.max_bytes:
            raise too_large(self.max_bytes)
        received = 0
        deadline: float | None = None

        async def limited() -> Message:
            nonlocal received, deadline
            if deadline is None:  # the clock starts when the app first asks for the body
                deadline = anyio.current_time() + self.timeout
            try:
                with anyio.fail_after(max(0.0, deadline - anyio.current_time())):
                    message = await receive()
            except TimeoutError:
                raise too_slow(self.timeout) from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise too_large(self.max_bytes)
            return message

        await self.app(scope, receive if declared == 0 else limited, send)
