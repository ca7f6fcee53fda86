"""Answer only the host names this server is meant to be reached by.

A page on another site can point a name it controls at 127.0.0.1 (DNS rebinding) and then
read this app as if it were its own; its requests still carry its own name in the ``Host``
header. So while the server listens on localhost it answers only localhost names (and the
address it is bound to); anything else must be listed in ``KNOTWORK_ALLOWED_HOSTS``. A refused
host gets 400 in the one error shape.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from knotwork.adapters.web.asgi import HttpMiddleware
from knotwork.adapters.web.errors import Refused
from knotwork.config import Settings

LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARDS = frozenset({"", "0.0.0.0", "::"})


def allowed_hosts(settings: Settings) -> frozenset[str] | None:
    """The host names answered, or None for any (``KNOTWORK_ALLOWED_HOSTS=*``)."""
    if "*" in settings.allowed_hosts:
        return None
    bound = settings.host.strip().strip("[]").lower()
    names = set(LOCAL_NAMES) | {h.strip("[]") for h in settings.allowed_hosts}
    if bound not in WILDCARDS:
        names.add(bound)  # an address literal cannot be rebound
    return frozenset(names)


def host_name(value: str) -> str:
    """The name in a Host header: lower case, without port, brackets or a trailing dot."""
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[1:end] if end > 0 else value
    name, colon, port = value.rpartition(":")
    return (name if colon and port.isdigit() else value).rstrip(".")


class HostCheck(HttpMiddleware):
    def __init__(self, app: ASGIApp, allowed: frozenset[str] | None) -> None:
        super().__init__(app)
        self.allowed = allowed

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.allowed is not None:
            raw = next((v for k, v in scope["headers"] if k == b"host"), b"")
            name = host_name(raw.decode("latin-1"))
            if name not in self.allowed:
                raise Refused(
                    400,
                    "unknown_host",
                    f"This Knotwork server does not answer to the name '{name}'. Open it by "
                    "the address it runs at, or list the name in KNOTWORK_ALLOWED_HOSTS.",
                )
        await self.app(scope, receive, send)
