"""No other site can make a person's browser change anything (adapters/web/csrf.py).

The app has no form that changes anything yet; the diary will. These tests use a test-only
form route, rendered through the real page machinery with the ``csrf_field`` macro, to check
the whole design, and walk the real app's routes so that a new unsafe route without the check
fails here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import jinja2
import pytest
from fastapi import Request
from fastapi.responses import Response
from fastapi.testclient import TestClient

from knotwork.adapters.web import csrf
from knotwork.adapters.web.app import create_app
from knotwork.adapters.web.respond import ENV, json_response, page
from knotwork.config import load_settings
from knotwork.core.finder import FinderIndex
from knotwork.core.kb.base import KnowledgeBase
from tests.web.conftest import BASE
from tests.web.test_error_shape import shaped

FORM = """{% extends "base.html" %}{% from "_csrf.html" import csrf_field %}
{% block main %}<form method="post" action="/test/diary">{{ csrf_field(request) }}
<textarea name="note"></textarea><button>Save</button></form>{% endblock %}"""


@pytest.fixture
def diary(index: FinderIndex, kb: KnowledgeBase) -> Iterator[TestClient]:
    """The real app plus a form page and a state-changing route, as the diary will add."""
    original = ENV.loader
    ENV.loader = jinja2.ChoiceLoader([jinja2.DictLoader({"test_form.html": FORM}), original])
    ENV.cache = None  # the test template must not outlive the test
    app = create_app(load_settings({}), index, kb)

    @app.get("/test/diary")
    async def form(request: Request) -> Response:
        return page(request, "test_form.html", {"title": "Diary"})

    @app.post("/test/diary")
    async def save(request: Request) -> Response:
        form = await request.form()
        return json_response({"ok": True, "saved": form.get("note")})

    with TestClient(app, raise_server_exceptions=False, base_url=BASE) as client:
        yield client
    ENV.loader = original
    ENV.cache = {}


def refused_page(response: Response, status: int, code: str) -> None:
    """A form's error is a page (the person posted from one), in the same shape and headers."""
    assert response.status_code == status, response.text
    assert f"Error {status} ({code})" in response.text
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"


def token_in(html: str) -> str:
    found = re.search(r'<input type="hidden" name="csrf_token" value="([^"]+)">', html)
    assert found, "the form carries no token"
    return found.group(1)


def test_a_form_page_sets_the_secret_and_carries_a_masked_token(diary: TestClient) -> None:
    response = diary.get("/test/diary")
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("knotwork_csrf=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain HTTP (see csrf.py for why not __Host- here)
    secret = diary.cookies["knotwork_csrf"]
    first = token_in(response.text)
    second = token_in(diary.get("/test/diary").text)
    assert first != second  # masked afresh on every page
    assert secret not in response.text
    assert "set-cookie" not in diary.get("/test/diary").headers  # the secret is kept


def test_a_form_post_with_its_token_is_accepted(diary: TestClient) -> None:
    token = token_in(diary.get("/test/diary").text)
    saved = diary.post("/test/diary", data={"csrf_token": token, "note": "slept badly"})
    assert saved.json() == {"ok": True, "saved": "slept badly"}
    # The same token from a script, in the header.
    header = diary.post("/test/diary", data={"note": "x"}, headers={"x-csrf-token": token})
    assert header.status_code == 200
    # A browser sends where it comes from; its own origin passes.
    same = {"origin": BASE, "sec-fetch-site": "same-origin"}
    assert diary.post("/test/diary", data={"csrf_token": token}, headers=same).status_code == 200
    # What Chromium sends for a same-origin form post under Referrer-Policy: no-referrer.
    private = {"origin": "null", "sec-fetch-site": "same-origin"}
    assert diary.post("/test/diary", data={"csrf_token": token}, headers=private).status_code == 200


@pytest.mark.parametrize("bad", ["", "abc", "A" * 88, None])
def test_a_form_post_without_the_right_token_is_refused(diary: TestClient, bad: str | None) -> None:
    diary.get("/test/diary")
    data = {"note": "x"} if bad is None else {"note": "x", "csrf_token": bad}
    refused_page(diary.post("/test/diary", data=data), 403, "csrf_token_invalid")


def test_a_token_needs_its_own_browsers_secret(diary: TestClient) -> None:
    token = token_in(diary.get("/test/diary").text)
    diary.cookies.clear()
    refused_page(diary.post("/test/diary", data={"csrf_token": token}), 403, "csrf_token_invalid")
    diary.get("/test/diary")  # a new secret for this browser: the old token no longer matches
    refused_page(diary.post("/test/diary", data={"csrf_token": token}), 403, "csrf_token_invalid")


@pytest.mark.parametrize(
    "headers",
    [
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},  # another port of localhost is another origin
        {"origin": "http://evil.example"},
        {"origin": "http://127.0.0.1:3000"},
        {"origin": "null"},  # a sandboxed frame or a data: page
    ],
)
def test_a_request_from_another_site_is_refused_even_with_a_token(
    diary: TestClient, headers: dict[str, str]
) -> None:
    token = token_in(diary.get("/test/diary").text)
    response = diary.post("/test/diary", data={"csrf_token": token}, headers=headers)
    refused_page(response, 403, "cross_site_request")
    api = diary.post("/api/find", json={"text": "my heel hurts"}, headers=headers)
    shaped(api, 403, "cross_site_request")


def test_json_needs_no_token_but_the_api_takes_only_json(diary: TestClient) -> None:
    same = {"origin": BASE, "sec-fetch-site": "same-origin"}
    assert diary.post("/api/find", json={"text": "my heel hurts"}, headers=same).status_code == 200
    # What a plain form on another site can send, without a preflight: refused unread.
    for kind in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; b=x"):
        body = b'{"text": "my heel hurts"}'
        response = diary.post("/api/find", content=body, headers={"content-type": kind})
        data = shaped(response, 415, "unsupported_media_type")
        assert "application/json" in data["error"]["message"]
    shaped(diary.post("/api/screen", content=b"{}"), 415, "unsupported_media_type")
    # A form route takes a form or JSON, nothing else.
    text = diary.post("/test/diary", content=b"note=x", headers={"content-type": "text/plain"})
    refused_page(text, 415, "unsupported_media_type")


def test_over_https_the_cookie_is_a_host_cookie(index: FinderIndex, kb: KnowledgeBase) -> None:
    original = ENV.loader
    ENV.loader = jinja2.ChoiceLoader([jinja2.DictLoader({"test_form.html": FORM}), original])
    try:
        app = create_app(load_settings({}), index, kb)

        @app.get("/test/diary")
        async def form(request: Request) -> Response:
            return page(request, "test_form.html", {"title": "Diary"})

        with TestClient(app, base_url="https://127.0.0.1") as client:
            cookie = client.get("/test/diary").headers["set-cookie"]
    finally:
        ENV.loader = original
    assert cookie.startswith("__Host-knotwork_csrf=")
    assert "Secure" in cookie and "Path=/" in cookie and "Domain" not in cookie


def test_every_route_is_protected_with_nothing_to_remember(
    index: FinderIndex, kb: KnowledgeBase
) -> None:
    """A route added later, of any kind, sits inside the guard: a FastAPI route with no
    dependency, a raw Starlette route, a mounted app."""
    from fastapi import FastAPI

    app = create_app(load_settings({}), index, kb)
    assert any(m.cls is csrf.CsrfGuard for m in app.user_middleware)

    @app.post("/test/plain.json")
    async def plain() -> Response:
        return json_response({"ok": True, "changed": "something"})

    async def raw(request: Request) -> Response:
        return json_response({"ok": True, "changed": "something"})

    app.add_route("/test/raw.json", raw, methods=["POST", "DELETE"])
    sub = FastAPI()
    sub.add_api_route("/change.json", raw, methods=["PUT"])
    app.mount("/test/sub", sub)
    with TestClient(app, raise_server_exceptions=False, base_url=BASE) as client:
        for method, path in [
            ("POST", "/test/plain.json"),
            ("POST", "/test/raw.json"),
            ("DELETE", "/test/raw.json"),
            ("PUT", "/test/sub/change.json"),
        ]:
            cross = client.request(method, path, json={}, headers={"origin": "http://x.example"})
            shaped(cross, 403, "cross_site_request")
            form = client.request(method, path, data={"note": "x"})
            shaped(form, 403, "csrf_token_invalid")
            text = client.request(
                method, path, content=b"x", headers={"content-type": "text/plain"}
            )
            shaped(text, 415, "unsupported_media_type")
            same = client.request(method, path, json={}, headers={"origin": BASE})
            assert same.status_code == 200  # JSON from this site: the route runs


def test_the_check_itself() -> None:
    secret = b"s" * csrf.SIZE
    other = b"o" * csrf.SIZE

    class Fake:
        def __init__(self) -> None:
            self.state = type("State", (), {})()
            setattr(self.state, csrf.NEW, secret)

    token = csrf.csrf_token(Fake())  # type: ignore[arg-type]
    assert csrf.token_matches(token, secret)
    assert not csrf.token_matches(token, other)
    assert not csrf.token_matches(token[:-4] + "AAAA", secret)
    assert not csrf.token_matches("not base64 at all ~~", secret)
