"""HEAD on every GET page: the same status and headers, no body.

FastAPI answers HEAD with 405 for routes declared GET; uptime monitors and link checkers ask
with HEAD first. A pure ASGI wrapper (no per-request cost for other methods) runs the GET and
drops the body, keeping its Content-Length as HTTP asks.
"""

from __future__ import annotations

from starlette.types import Message, Receive, Scope, Send

from knotwork.adapters.web.asgi import HttpMiddleware


class HeadAsGet(HttpMiddleware):
    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b""})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)
