"""What the server refuses before the app runs (adapters/web/server.py), over real sockets.

A real `knotwork serve` server (uvicorn with Knotwork's protocol) on a free localhost port,
with small limits and one-second timeouts so the tests stay quick.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from knotwork.adapters.web.app import create_app
from knotwork.adapters.web.server import build, listen
from knotwork.config import load_settings
from knotwork.core.finder import FinderIndex
from knotwork.core.kb.base import KnowledgeBase

LIMITS = {
    "KNOTWORK_MAX_HEADERS": "20",
    "KNOTWORK_MAX_HEADER_BYTES": "2048",
    "KNOTWORK_MAX_URL_BYTES": "1024",
    "KNOTWORK_HEADER_TIMEOUT": "1",
    "KNOTWORK_BODY_TIMEOUT": "1",
    "KNOTWORK_KEEP_ALIVE_TIMEOUT": "1",
    "KNOTWORK_MAX_CONNECTIONS": "6",
}


@pytest.fixture(scope="module")
def address(index: FinderIndex, kb: KnowledgeBase) -> Iterator[tuple[str, int]]:
    settings = load_settings(LIMITS)
    sock = listen("127.0.0.1", free_port())
    server = build(create_app(settings, index, kb), settings.limits, "warning", own_logging=False)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield sock.getsockname()[:2]
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def exchange(address: tuple[str, int], *parts: bytes, pause: float = 0.0) -> bytes:
    """Send the parts (pausing between them), then read until the server closes."""
    with socket.create_connection(address, timeout=10) as conn:
        for part in parts:
            conn.sendall(part)
            time.sleep(pause)
        return read_all(conn)


def read_all(conn: socket.socket) -> bytes:
    chunks = []
    while True:
        try:
            chunk = conn.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def refusal(raw: bytes, status: int, code: str) -> dict[str, str]:
    """The response's headers, after checking it is ``status`` in the one error shape."""
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    assert lines[0].startswith(f"HTTP/1.1 {status} "), lines[0]
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    data: dict[str, Any] = json.loads(body)
    assert data["ok"] is False and data["status"] == status
    assert data["error"]["code"] == code and data["error"]["message"]
    assert set(data["error"]) == {"code", "message", "suggestions", "details"}
    assert headers["content-type"] == "application/json"
    assert headers["connection"] == "close"
    assert headers["cache-control"] == "no-store"
    assert "default-src 'self'" in headers["content-security-policy"]
    return headers


def request(path: str = "/healthz", *headers: str) -> bytes:
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", *headers, "Connection: close", "", ""]
    return "\r\n".join(lines).encode()


def find_head(length: int) -> bytes:
    """A POST /api/find head declaring a body of ``length`` bytes."""
    return (
        b"POST /api/find HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\n\r\n" % length
    )


def test_a_normal_request_is_answered_and_kept_alive(address: tuple[str, int]) -> None:
    with socket.create_connection(address, timeout=10) as conn:
        for _ in range(2):
            conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert conn.recv(65536).startswith(b"HTTP/1.1 200 ")
    assert b'{"ok":true}' in exchange(address, request())


def test_too_many_headers(address: tuple[str, int]) -> None:
    many = [f"X-Filler-{i}: {i}" for i in range(25)]
    refusal(exchange(address, request("/healthz", *many)), 431, "headers_too_large")


def test_headers_too_large(address: tuple[str, int]) -> None:
    big = "X-Big: " + "a" * 4000
    refusal(exchange(address, request("/healthz", big)), 431, "headers_too_large")
    # One header that never ends is refused as it grows, not held whole.
    endless = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Endless: " + b"a" * 8000
    refusal(exchange(address, endless), 431, "headers_too_large")


def test_a_url_too_long(address: tuple[str, int]) -> None:
    refusal(exchange(address, request("/find?text=" + "a" * 2000)), 414, "uri_too_long")


def test_bytes_that_are_not_http_and_unknown_methods(address: tuple[str, int]) -> None:
    bad_length = b"POST /api/find HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: x\r\n\r\n"
    refusal(exchange(address, bad_length), 400, "invalid_input")
    refusal(
        exchange(address, b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"), 400, "invalid_input"
    )
    refusal(exchange(address, b"FROB /healthz HTTP/1.1\r\n\r\n"), 501, "not_implemented")


def test_headers_that_arrive_too_slowly(address: tuple[str, int]) -> None:
    start = time.monotonic()
    raw = exchange(address, b"GET /healthz HTTP/1.1\r\n", b"Host: 127.0.0.1\r\n", pause=0.6)
    refusal(raw, 408, "request_timeout")
    assert time.monotonic() - start < 5


def test_an_idle_connection_is_closed(address: tuple[str, int]) -> None:
    start = time.monotonic()
    with socket.create_connection(address, timeout=10) as conn:
        assert read_all(conn) == b""  # closed without a word: nothing was asked
    assert 0.5 < time.monotonic() - start < 5


def test_a_body_that_stops_arriving_gets_408(
    address: tuple[str, int], caplog: pytest.LogCaptureFixture
) -> None:
    head = find_head(100)
    start = time.monotonic()
    with caplog.at_level(logging.DEBUG), socket.create_connection(address, timeout=10) as conn:
        conn.sendall(head + b'{"text": ')
        raw = read_all(conn)
    refusal(raw, 408, "request_timeout")
    assert b"The request body did not arrive within 1s." in raw
    assert raw.count(b"HTTP/1.1") == 1  # the app's own answer, had it made one, is dropped
    assert time.monotonic() - start < 5
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_past_the_connection_cap_the_answer_is_503(address: tuple[str, int]) -> None:
    held = [socket.create_connection(address, timeout=10) for _ in range(6)]
    try:
        time.sleep(0.2)
        headers = refusal(exchange(address, request()), 503, "unavailable")
        assert headers["retry-after"] == "1"
    finally:
        for conn in held:
            conn.close()
    time.sleep(0.3)
    assert exchange(address, request()).startswith(b"HTTP/1.1 200 ")


def test_a_client_that_goes_away_leaves_no_error_in_the_log(
    address: tuple[str, int], caplog: pytest.LogCaptureFixture
) -> None:
    head = find_head(5000)
    with caplog.at_level(logging.DEBUG, logger="knotwork.web"):
        for _ in range(3):
            with socket.create_connection(address, timeout=10) as conn:
                conn.sendall(head + b'{"text": "my heel')
                time.sleep(0.2)
        time.sleep(0.5)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []
    assert any("went away" in r.getMessage() for r in caplog.records)
