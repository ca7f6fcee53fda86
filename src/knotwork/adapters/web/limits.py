"""The request body's size limit, enforced as it streams in.

A declared ``Content-Length`` over the limit is refused before a byte of the body is read; a
body without one (chunked) is counted as it arrives and refused the moment it passes the
limit, so a large body is never held whole. Both answer 413 in the one error shape and close
the connection, since the rest of the body would otherwise still be on its way. A body within
its declared length needs no counting: the server's parser never delivers more than declared.

How long a body may take, the request line, the headers, idle connections and the number of
connections are limited by the server (``server.py``): those limits need its clock, and cost
a request nothing here.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from knotwork.adapters.web.asgi import HttpMiddleware
from knotwork.adapters.web.errors import Refused


def too_large(limit: int) -> Refused:
    return Refused(
        413,
        "too_large",
        f"The request body is larger than {limit} bytes.",
        headers={"connection": "close"},
    )


def declared_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


class BodyLimit(HttpMiddleware):
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        super().__init__(app)
        self.max_bytes = max_bytes

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        declared = declared_length(scope)
        if declared is not None:
            if declared > self.max_bytes:
                raise too_large(self.max_bytes)
            await self.app(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise too_large(self.max_bytes)
            return message

        await self.app(scope, counted, send)
