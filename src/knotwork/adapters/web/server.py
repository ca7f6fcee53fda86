"""``knotwork serve``'s server: uvicorn with limits on what arrives before the app runs.

uvicorn's fast parser (httptools) has no limit on the request line or the headers, no time
limit on receiving them, and answers what it refuses in plain text. ``protocol_for`` adds, per
connection, before the app sees a request:

- an idle connection (no request begun) is closed after ``keep_alive_timeout`` seconds;
- the request line and headers must arrive within ``header_timeout`` seconds: else 408;
- a URL over ``max_url_bytes``: 414; headers over ``max_header_bytes`` in all or more than
  ``max_headers`` of them: 431;
- bytes that are not HTTP: 400; an unknown method: 501;
- past ``max_connections`` open connections or requests in flight: 503 with ``Retry-After``;
- the body must arrive within ``body_timeout`` seconds of the headers: else 408 if the app has
  not begun its answer (the app then sees the client gone, and its answer is dropped), or the
  connection closes if it has (a body the app did not wait for).

Each refusal is the one JSON error shape with the security headers and ``Cache-Control:
no-store``, then the connection closes. It is JSON, not an HTML page, because the app (and its
templates) has not run. ``listen`` binds the socket before anything says the server runs.
"""

from __future__ import annotations

import asyncio
import copy
import http
import re
import socket
import sys
from collections.abc import Callable
from typing import Any

import httptools
import orjson
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from knotwork.adapters.web.errors import STATUS_CODES, error_body
from knotwork.adapters.web.security import HEADERS as SECURITY_HEADERS
from knotwork.config import Limits
from knotwork.core.errors import InvalidInput

SWITCH_INTERVAL = 0.001  # seconds; see serve()
HEAD_SLACK = 4096  # the request line's method, version and line ends


class HeadRefused(Exception):
    """Raised from a parser callback to stop reading a request the server refuses."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def refusal(status: int, message: str, extra: tuple[tuple[bytes, bytes], ...] = ()) -> bytes:
    """A whole HTTP response in the one error shape, ending the connection."""
    body = orjson.dumps(error_body(status, STATUS_CODES.get(status, "error"), message))
    reason = http.HTTPStatus(status).phrase.encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        (b"connection", b"close"),
        *SECURITY_HEADERS,
        *extra,
    ]
    head = b"".join(k + b": " + v + b"\r\n" for k, v in headers)
    return b"HTTP/1.1 %d %s\r\n%s\r\n%s" % (status, reason, head, body)


METHOD = re.compile(rb"[A-Z]{1,20} ")  # a word that could be a method, then a space


def _parser_refusal(error: httptools.HttpParserError, start: bytes) -> tuple[int, str]:
    """What to answer bytes the parser refused; ``start`` is how the request began."""
    cause = error.__context__
    if isinstance(cause, HeadRefused):
        return cause.status, cause.message
    if isinstance(error, httptools.HttpParserInvalidMethodError) and METHOD.match(start):
        return 501, "This server does not know that HTTP method."
    return 400, "The request could not be read as HTTP."


class GuardedProtocol(HttpToolsProtocol):
    """One connection: uvicorn's httptools protocol with the limits above."""

    limits: Limits = Limits()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.in_message = False  # a request has begun and has not all arrived
        self.head_open = False  # a request has begun and its headers are not all in
        self.head_bytes = 0
        self.start = b""  # the first bytes of the request being read, to say what was wrong
        self.url_bytes = 0
        self.header_bytes = 0
        self.header_count = 0
        self.deadline: asyncio.TimerHandle | None = None

    # Timers: one at a time, each replacing the last.
    def _arm(self, seconds: float, then: Callable[[], None]) -> None:
        self._disarm()
        self.deadline = self.loop.call_later(seconds, then)

    def _disarm(self) -> None:
        if self.deadline is not None:
            self.deadline.cancel()
            self.deadline = None

    def _refuse(self, status: int, message: str, *extra: tuple[bytes, bytes]) -> None:
        self._disarm()
        if not self.transport.is_closing():
            self.transport.write(refusal(status, message, extra))
            self.transport.close()

    def _close(self) -> None:
        self._disarm()
        if not self.transport.is_closing():
            self.transport.close()

    def _head_too_slow(self) -> None:
        self._refuse(
            408, f"The request headers did not arrive within {self.limits.header_timeout}s."
        )

    def _body_too_slow(self) -> None:
        cycle = self.cycle
        if cycle is None or cycle.response_started:
            self._close()  # answered already: the rest of the body is not waited for
            return
        # The app's receive() now says the client went away, and what it sends is dropped.
        cycle.disconnected = True
        cycle.message_event.set()
        seconds = self.limits.body_timeout
        self._refuse(408, f"The request body did not arrive within {seconds}s.")

    # The connection.
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # A connection that never starts a request is closed like an idle keep-alive one.
        self._arm(self.limits.keep_alive_timeout, self._close)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        self._unset_keepalive_if_required()
        if not self.in_message:
            self.start = data[:32]
        if self.head_open or not self.in_message:
            self.head_bytes += len(data)  # a request's head, or the start of the next one
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            return  # served as plain HTTP/1.1 (no WebSocket or h2c here), as uvicorn does
        except httptools.HttpParserError as error:
            self._refuse(*_parser_refusal(error, self.start))
            return
        limit = self.limits.max_url_bytes + self.limits.max_header_bytes + HEAD_SLACK
        if self.head_open and self.head_bytes > limit:
            self._refuse(431, "The request line and headers are too large.")

    # Parser callbacks.
    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.in_message = self.head_open = True
        self.url_bytes = self.header_bytes = self.header_count = 0
        self._arm(self.limits.header_timeout, self._head_too_slow)

    def on_url(self, url: bytes) -> None:
        self.url_bytes += len(url)
        if self.url_bytes > self.limits.max_url_bytes:
            raise HeadRefused(414, f"The URL is longer than {self.limits.max_url_bytes} bytes.")
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self.header_count += 1
        self.header_bytes += len(name) + len(value)
        if self.header_count > self.limits.max_headers:
            raise HeadRefused(431, f"More than {self.limits.max_headers} headers were sent.")
        if self.header_bytes > self.limits.max_header_bytes:
            raise HeadRefused(
                431, f"The headers are larger than {self.limits.max_header_bytes} bytes."
            )
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self.head_open = False
        self.head_bytes = 0
        busy = max(len(self.connections), len(self.tasks) + 1)
        if busy > self.limits.max_connections:
            self._refuse(503, "The server is busy; try again in a moment.", (b"retry-after", b"1"))
            raise HeadRefused(503, "busy")  # stop parsing this connection
        self._arm(self.limits.body_timeout, self._body_too_slow)
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._disarm()  # uvicorn arms its keep-alive timer once the response is sent
        self.in_message = False
        self.head_bytes = 0
        super().on_message_complete()


def protocol_for(limits: Limits) -> type[GuardedProtocol]:
    return type("KnotworkProtocol", (GuardedProtocol,), {"limits": limits})


def log_config(level: str) -> dict[str, Any]:
    """uvicorn's logging, with the app's own logger (``knotwork.web``) beside its error log."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["knotwork"] = {
        "handlers": ["default"],
        "level": level.upper(),
        "propagate": False,
    }
    return config


def build(app: Any, limits: Limits, log_level: str, own_logging: bool = True) -> Any:
    """The uvicorn server for ``app`` with these limits (``own_logging=False`` leaves the
    process's logging as it is, as tests want)."""
    import uvicorn

    config = uvicorn.Config(
        app,
        http=protocol_for(limits),
        ws="none",
        timeout_keep_alive=limits.keep_alive_timeout,
        # Not behind a proxy: an X-Forwarded-* header from a local client is not believed.
        proxy_headers=False,
        server_header=False,
        log_level=log_level,
        log_config=log_config(log_level) if own_logging else None,
        access_log=log_level == "debug",
    )
    return uvicorn.Server(config)


def serve(app: Any, sock: socket.socket, limits: Limits, log_level: str) -> None:
    """Run the app on a socket ``listen`` bound, until Ctrl+C or SIGTERM."""
    # A heavy request works in a thread (work.py); the event loop gets the interpreter back
    # within a millisecond instead of Python's default five, so others wait less.
    sys.setswitchinterval(SWITCH_INTERVAL)
    build(app, limits, log_level).run(sockets=[sock])


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host and port, or ``InvalidInput`` saying why not in one line."""
    if not 1 <= port <= 65535:
        raise InvalidInput(f"--port {port} is out of range; use 1 to 65535.")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (socket.gaierror, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise InvalidInput(f"Cannot listen on --host {host}: {reason}.") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as error:
        sock.close()
        raise InvalidInput(
            f"Cannot listen on {host} port {port}: {error.strerror or error}."
        ) from None
    sock.set_inheritable(True)
    return sock
