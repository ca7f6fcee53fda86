"""The shape of the app's own pure ASGI middleware: HTTP requests pass through ``http``,
anything else (lifespan events) goes straight on. Pure ASGI, not Starlette's
``BaseHTTPMiddleware``: no request objects or extra tasks on every request."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send


class HttpMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.http(scope, receive, send)

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError
