"""Cache-Control: nothing that may carry a person's words, answers or diary is ever stored.

The rule is simple so that it holds for every page to come: every response is ``no-store``,
except the static files and the referral maps. Those are the same for everyone; at a URL with
this release's version (``?v=``) they never change, so they are cached for a year; at any
other URL they are revalidated. A map that outlines the places a person marked (``mark=``)
shows where they hurt, so it is ``no-store`` too, as is every error.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from knotwork.adapters.web.asgi import HttpMiddleware

NO_STORE = b"no-store"
REVALIDATE = b"no-cache"
FOREVER = b"public, max-age=31536000, immutable"
SHARED = ("/static/", "/maps/")


def policy(scope: Scope, version: str) -> bytes:
    path: str = scope["path"]
    if not path.startswith(SHARED):
        return NO_STORE
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    if "mark" in query:
        return NO_STORE
    return FOREVER if query.get("v") == [version] else REVALIDATE


class CachePolicy(HttpMiddleware):
    def __init__(self, app: ASGIApp, version: str) -> None:
        super().__init__(app)
        self.version = version

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        value = policy(scope, self.version)

        async def with_policy(message: Message) -> None:
            if message["type"] == "http.response.start":
                chosen = value if message["status"] < 400 else NO_STORE
                headers = [(k, v) for k, v in message.get("headers", []) if k != b"cache-control"]
                message["headers"] = [*headers, (b"cache-control", chosen)]
            await send(message)

        await self.app(scope, receive, with_policy)
