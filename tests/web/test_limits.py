"""Limits inside the app: the body's size and time, keys in answers, the Host header, what a
browser may keep, and links that never leave the site."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from fastapi.testclient import TestClient

from knotwork.adapters.web.app import create_app
from knotwork.config import load_settings
from knotwork.core.finder import FinderIndex
from knotwork.core.kb.base import KnowledgeBase
from tests.web.conftest import BASE, run_async
from tests.web.test_error_shape import shaped

JSON = {"content-type": "application/json"}


def test_a_declared_body_over_the_limit_is_refused_before_it_is_read(client: TestClient) -> None:
    limit = client.app.state.knotwork.settings.limits.max_body_bytes  # type: ignore[attr-defined]
    body = json.dumps({"text": "heel " * (limit // 5)}).encode()
    response = client.post("/api/find", content=body, headers=JSON)
    data = shaped(response, 413, "too_large")
    assert data["error"]["message"] == f"The request body is larger than {limit} bytes."
    assert response.headers["connection"] == "close"


def test_a_streamed_body_is_counted_as_it_arrives(index: FinderIndex, kb: KnowledgeBase) -> None:
    """No Content-Length (chunked): refused the moment it passes the limit, not read whole."""
    app = create_app(load_settings({}), index, kb)
    limit = app.state.knotwork.settings.limits.max_body_bytes
    pulled = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += 1  # up to 1,000 chunks of 16 KB: 16 MB in all
        return {"type": "http.request", "body": b"a" * 16384, "more_body": pulled < 1000}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    run_async(app, _scope("POST", "/api/find", JSON), receive, send)
    assert sent[0]["status"] == 413
    assert json.loads(sent[1]["body"])["error"]["code"] == "too_large"
    assert pulled == limit // 16384 + 1  # the chunk that passed the limit, and no more


def test_a_body_up_to_the_limit_is_read(client: TestClient) -> None:
    limit = client.app.state.knotwork.settings.limits.max_body_bytes  # type: ignore[attr-defined]
    body = json.dumps({"text": "my right heel hurts", "symptoms": []})
    padded = body[:-1] + " " * (limit - len(body)) + "}"
    assert len(padded.encode()) == limit
    assert client.post("/api/find", content=padded, headers=JSON).status_code == 200


def _scope(method: str, path: str, headers: dict[str, str]) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000")]
        + [(k.encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
    }


def test_answers_and_press_keys_are_capped(index: FinderIndex, kb: KnowledgeBase) -> None:
    app = create_app(load_settings({"KNOTWORK_MAX_ANSWERS": "3"}), index, kb)
    flags = sorted(index.kb.safety.flags)
    with TestClient(app, base_url=BASE) as client:
        ok = {"text": "heel", "answers": dict.fromkeys(flags[:3], False)}
        assert client.post("/api/find", json=ok).status_code == 200
        many = {"text": "heel", "answers": dict.fromkeys(flags[:4], False)}
        data = shaped(client.post("/api/find", json=many), 422, "invalid_input")
        assert data["error"]["message"] == "At most 3 entries in 'answers', not 4."
        press = {"text": "heel", "press": dict.fromkeys(sorted(index.kb.muscles)[:4], "no")}
        shaped(client.post("/api/find", json=press), 422, "invalid_input")
        shaped(client.post("/api/screen", json=many), 422, "invalid_input")


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "", "localhost.evil"]
)
def test_only_localhost_names_are_answered_on_localhost(client: TestClient, host: str) -> None:
    response = client.get("/api/regions", headers={"host": host})
    data = shaped(response, 400, "unknown_host")
    assert "KNOTWORK_ALLOWED_HOSTS" in data["error"]["message"]
    page = client.get("/find", headers={"host": host})
    assert page.status_code == 400 and "does not answer to the name" in page.text


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "127.0.0.1:8000", "localhost:8000", "LOCALHOST", "localhost.", "[::1]:8000"],
)
def test_localhost_names_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/healthz", headers={"host": host}).status_code == 200


def test_other_hosts_are_answered_when_listed(index: FinderIndex, kb: KnowledgeBase) -> None:
    settings = load_settings({"KNOTWORK_ALLOWED_HOSTS": "knotwork.home, 192.168.1.20"})
    with TestClient(create_app(settings, index, kb), base_url=BASE) as client:
        for host in ("knotwork.home", "192.168.1.20:8000", "127.0.0.1"):
            assert client.get("/healthz", headers={"host": host}).status_code == 200
        assert client.get("/healthz", headers={"host": "evil.example"}).status_code == 400
    bound = load_settings({"KNOTWORK_HOST": "10.1.2.3"})
    with TestClient(create_app(bound, index, kb), base_url="http://10.1.2.3") as client:
        assert client.get("/healthz").status_code == 200  # the address it is bound to
    anything = load_settings({"KNOTWORK_ALLOWED_HOSTS": "*"})
    with TestClient(create_app(anything, index, kb), base_url=BASE) as client:
        assert client.get("/healthz", headers={"host": "whatever"}).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/find?text=my+heel",
        "/check?text=my+heel",
        "/results?text=my+heel",
        "/results.json?text=my+heel",
        "/muscles/soleus?text=my+heel&answer=fever:no",
        "/api/regions",
        "/openapi.json",
        "/maps/soleus.svg?side=right&mark=heel-right",  # where the person hurts
        "/nothing-here",
        "/static/app.css?v=0",  # an error-free static file at an old version: revalidated
    ],
)
def test_what_may_carry_a_persons_words_is_never_stored(client: TestClient, path: str) -> None:
    expected = "no-cache" if path.startswith("/static/") else "no-store"
    assert client.get(path).headers["cache-control"] == expected
    assert client.post("/api/find", json={"text": "heel"}).headers["cache-control"] == "no-store"


def test_versioned_static_files_and_maps_are_kept(client: TestClient) -> None:
    from knotwork import __version__

    forever = "public, max-age=31536000, immutable"
    for path in (
        f"/static/app.css?v={__version__}",
        f"/maps/soleus.svg?side=right&v={__version__}",
    ):
        assert client.get(path).headers["cache-control"] == forever
    assert client.get("/maps/soleus.svg?side=right").headers["cache-control"] == "no-cache"
    missing = client.get(f"/static/nothing.css?v={__version__}")
    assert missing.status_code == 404 and missing.headers["cache-control"] == "no-store"
    # The muscle page asks for its map (one picture per view) at the versioned address.
    page = client.get("/muscles/soleus").text
    assert f"/maps/soleus.svg?side=right&amp;view=back&amp;v={__version__}" in page


@pytest.mark.parametrize(
    ("path", "twin"),
    [
        ("//evil.example/x", 'href="/evil.example/x.json"'),
        ("/%2F/evil.example/x", 'href="/evil.example/x.json"'),
        ("/%5Cevil.example/x", 'href="/%5Cevil.example/x.json"'),
        ("/%09/evil.example/x", 'href="/%09/evil.example/x.json"'),
        ("/find?text=heel", 'href="/find.json?text=heel"'),
        ("/", 'href="/.json"'),
    ],
)
def test_the_json_twin_link_stays_on_the_site(client: TestClient, path: str, twin: str) -> None:
    page = client.get(BASE + path).text  # a full URL: "//host/x" alone would name a host
    assert twin in page
    assert 'href="//' not in page and 'href="/\\' not in page


@pytest.mark.parametrize(
    "referer",
    [
        "http://127.0.0.1:8000//evil.example/y",
        "http://127.0.0.1:8000/\\evil.example/y",
        "http://127.0.0.1:8000/%09/evil.example/y",
    ],
)
def test_go_back_never_leads_to_another_site(client: TestClient, referer: str) -> None:
    page = client.get("/results?region=templ-right", headers={"referer": referer}).text
    back = page.split('class="button primary" href="', 1)[1].split('"', 1)[0]
    assert back.startswith("/") and not back.startswith(("//", "/\\"))
    assert "evil.example/y" in back  # kept as a path on this site
    other_scheme = client.get(
        "/results?region=templ-right", headers={"referer": "https://127.0.0.1:8000/find"}
    ).text
    assert "Go back and change it" not in other_scheme


def test_errors_in_middleware_are_logged_quietly(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    """A refused host or body is an answer, not a server error: nothing at ERROR."""
    with caplog.at_level(logging.INFO):
        client.get("/healthz", headers={"host": "evil.example"})
        client.post("/api/find", content=b"x" * 70_000, headers=JSON)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_heavy_work_leaves_the_event_loop_and_light_work_stays() -> None:
    """A large request is worked out in a thread, so the event loop keeps answering others
    (the effect is measured by bench/web_hardening.py)."""
    import threading

    from knotwork.adapters.web.work import INLINE_BYTES, sized

    def where() -> int:
        return threading.get_ident()

    async def both() -> tuple[int, int, int]:
        loop = threading.get_ident()
        return loop, await sized(INLINE_BYTES, where), await sized(INLINE_BYTES + 1, where)

    loop, light, heavy = run_async(both)
    assert light == loop
    assert heavy != loop
