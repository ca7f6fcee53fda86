"""One error shape for every error, JSON or HTML, and bad input never changes anything."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from knotwork.core.finder import FinderIndex
from knotwork.core.kb.base import KnowledgeBase
from tests.web.conftest import BASE, run_async

JSON_ERRORS = [
    ("GET", "/muscles/nope.json", None, 404, "unknown_muscle"),
    ("GET", "/api/muscles/nope", None, 404, "unknown_muscle"),
    ("GET", "/results.json?text=zorp", None, 422, "nothing_understood"),
    ("GET", "/results.json?region=templ-right", None, 422, "unknown_region"),
    ("GET", "/results.json?region=temple-right:99", None, 422, "invalid_input"),
    ("GET", "/results.json?text=heel&answer=fever:maybe", None, 422, "invalid_input"),
    ("GET", "/results.json?text=heel&press=soleus:perhaps", None, 422, "invalid_input"),
    ("GET", "/muscles/soleus.json?caution=pregnancyy", None, 422, "invalid_input"),
    ("GET", "/nothing-here.json", None, 404, "not_found"),
    ("POST", "/api/find", {"regions": [{"id": "templ-right"}]}, 422, "unknown_region"),
    (
        "POST",
        "/api/find",
        {"regions": [{"id": "heel-left", "intensity": 11}]},
        422,
        "invalid_input",
    ),
    ("POST", "/api/find", {"text": "heel", "colour": "red"}, 422, "invalid_input"),
    ("POST", "/api/find", {"text": "zorp"}, 422, "nothing_understood"),
    ("POST", "/api/screen", {"answers": {"nope": True}}, 422, "unknown_question"),
    ("GET", "/api/find", None, 405, "method_not_allowed"),
    # Strict types: no quiet coercion of strings and booleans.
    (
        "POST",
        "/api/find",
        {"regions": [{"id": "heel-left", "intensity": "5"}]},
        422,
        "invalid_input",
    ),
    ("POST", "/api/find", {"text": "heel", "limit": True}, 422, "invalid_input"),
    ("POST", "/api/find", {"text": "heel", "answers": {"fever": "yes"}}, 422, "invalid_input"),
    ("POST", "/api/find", {"text": "heel", "cautions": ["pregnancy:calf"]}, 422, "invalid_input"),
    ("GET", "/api/muscles?area=nosuch", None, 422, "invalid_input"),
]


@pytest.mark.parametrize(("method", "path", "body", "status", "code"), JSON_ERRORS)
def test_every_json_error_has_the_one_shape(
    client: TestClient, method: str, path: str, body: object, status: int, code: str
) -> None:
    response = client.request(method, path, json=body)
    assert response.status_code == status
    data = response.json()
    assert set(data) == {"ok", "status", "error"}
    assert data["ok"] is False
    assert data["status"] == status
    assert set(data["error"]) == {"code", "message", "suggestions", "details"}
    assert data["error"]["code"] == code
    assert data["error"]["message"]


def test_unknown_ids_carry_suggestions(client: TestClient) -> None:
    data = client.post("/api/find", json={"regions": [{"id": "templ-right"}]}).json()
    assert data["error"]["suggestions"] == ["temple-right"]


def test_html_errors_show_the_same_information(client: TestClient) -> None:
    page = client.get("/results?region=templ-right")
    assert page.status_code == 422
    assert "Unknown body region" in page.text
    assert "temple-right" in page.text
    assert "Nothing was stored or sent anywhere" in page.text


def test_an_error_changes_nothing(client: TestClient) -> None:
    before = client.get("/muscles/soleus.json").json()
    client.get("/muscles/soleus.json?caution=pregnancyy")
    client.post("/api/find", json={"regions": [{"id": "nope"}]})
    assert client.get("/muscles/soleus.json").json() == before


def test_the_error_page_links_only_suggested_muscles_and_offers_the_way_back(
    client: TestClient,
) -> None:
    region = client.get(
        "/results?region=templ-right:6",
        headers={"referer": "http://127.0.0.1:8000/find?region=templ-right:6"},
    )
    assert region.status_code == 422
    assert "<code>temple-right</code>" in region.text
    assert 'href="/muscles/temple-right"' not in region.text
    assert 'href="/find?region=templ-right:6">Go back and change it' in region.text
    muscle = client.get("/muscles/infraspinxtus")
    assert muscle.status_code == 404
    assert 'href="/muscles/infraspinatus"' in muscle.text
    elsewhere = client.get("/muscles/infraspinxtus", headers={"referer": "https://example.org/x"})
    assert "Go back and change it" not in elsewhere.text  # only back to this site


def test_an_unknown_question_suggests_the_closest(client: TestClient) -> None:
    error = client.post("/api/screen", json={"answers": {"fevr": True}}).json()["error"]
    assert error["code"] == "unknown_question"
    assert error["suggestions"] == ["fever"]


def shaped(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """The body of an error in the one shape, with the security headers on its response."""
    assert response.status_code == status, response.text
    data: dict[str, Any] = response.json()
    assert set(data) == {"ok", "status", "error"} and data["ok"] is False
    assert data["status"] == status
    assert set(data["error"]) == {"code", "message", "suggestions", "details"}
    assert data["error"]["message"]
    if code:
        assert data["error"]["code"] == code
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
    return data


SUPERSCRIPT = "%C2%B2"  # "²": str.isdigit() says yes, int() says no (once a 500)


@pytest.mark.parametrize(
    "path",
    [
        "/results.json?text=heel&limit=",
        "/check.json?text=heel&limit=",
        "/muscles/soleus.json?text=heel&limit=",
        "/api/muscles/soleus?text=heel&limit=",
    ],
)
def test_a_superscript_limit_is_bad_input_not_a_crash(client: TestClient, path: str) -> None:
    shaped(client.get(path + SUPERSCRIPT), 422, "invalid_input")
    page = client.get(path.replace(".json", "").replace("/api/", "/") + SUPERSCRIPT)
    assert page.status_code == 422
    assert "limit must be a whole number" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]


def test_a_method_not_allowed_keeps_its_allow_header(client: TestClient) -> None:
    response = client.delete("/api/find")
    assert shaped(response, 405, "method_not_allowed")["error"]["message"] == (
        "This address takes POST, not DELETE."
    )
    assert response.headers["allow"] == "POST"


def test_invalid_bytes_and_malformed_json_are_the_same_400_everywhere(
    client: TestClient,
) -> None:
    for path in ("/api/find", "/api/screen"):
        for body in (b"\xff\xfe\x00", b'{"text": "heel"', b"", b"   "):
            response = client.post(path, content=body, headers={"content-type": "application/json"})
            shaped(response, 400, "invalid_json")


def test_a_newline_in_a_muscle_path_is_still_a_missing_muscle(client: TestClient) -> None:
    for path in ("/api/muscles/foo%0A", "/api/muscles/foo%09", "/muscles/foo%0A.json"):
        shaped(client.get(path), 404, "unknown_muscle")


def test_unknown_routes_and_methods_answer_in_the_shape(client: TestClient) -> None:
    shaped(client.get("/api/nothing"), 404, "not_found")
    shaped(client.post("/api/regions", json={}), 405, "method_not_allowed")
    shaped(client.request("PROPFIND", "/api/regions"), 405, "method_not_allowed")
    # An HTML page's error is a page, with the same headers.
    page = client.get("/nothing-here")
    assert page.status_code == 404
    assert page.headers["cache-control"] == "no-store"
    assert "Error 404 (not_found)" in page.text


@pytest.fixture
def throwing_app(index: FinderIndex, kb: KnowledgeBase) -> Iterator[TestClient]:
    """The real app with test-only routes that fail in each way a route can."""
    from fastapi import HTTPException, Query

    from knotwork.adapters.web.app import create_app
    from knotwork.config import load_settings

    app = create_app(load_settings({}), index, kb)

    @app.get("/test/boom.json")
    async def boom() -> None:
        raise RuntimeError("a bug")

    @app.get("/test/boom")
    async def boom_page() -> None:
        raise RuntimeError("a bug")

    @app.get("/test/slow-down.json")
    async def slow_down() -> None:
        raise HTTPException(429, "Too many requests", headers={"Retry-After": "30"})

    @app.get("/test/number.json")
    async def number(n: int = Query()) -> None:
        return None

    with TestClient(app, raise_server_exceptions=False, base_url=BASE) as test_client:
        yield test_client


def test_a_500_is_in_the_shape_with_the_security_headers(
    throwing_app: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="knotwork.web"):
        response = throwing_app.get("/test/boom.json")
    data = shaped(response, 500, "internal_error")
    assert "a bug" not in response.text  # nothing internal is shown
    assert data["error"]["message"] == "Something went wrong on our side."
    # Logged once, with its traceback, for whoever runs the server.
    assert [r.levelno for r in caplog.records] == [logging.ERROR]
    assert caplog.records[0].exc_info is not None
    page = throwing_app.get("/test/boom")
    assert page.status_code == 500
    assert "Error 500 (internal_error)" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]


def test_an_http_exception_keeps_its_headers(throwing_app: TestClient) -> None:
    response = throwing_app.get("/test/slow-down.json")
    shaped(response, 429, "too_many_requests")
    assert response.headers["retry-after"] == "30"


def test_a_request_validation_error_is_in_the_shape(throwing_app: TestClient) -> None:
    data = shaped(throwing_app.get("/test/number.json?n=x"), 422, "invalid_input")
    assert data["error"]["details"] == [
        "query.n: Input should be a valid integer, unable to parse string as an integer"
    ]


def test_a_client_that_goes_away_is_not_an_error(
    index: FinderIndex, kb: KnowledgeBase, caplog: pytest.LogCaptureFixture
) -> None:
    """An upload dropped half way: no traceback at ERROR, no response needed."""

    from knotwork.adapters.web.app import create_app
    from knotwork.config import load_settings

    app = create_app(load_settings({}), index, kb)
    sent: list[dict[str, Any]] = []
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/find",
        "raw_path": b"/api/find",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000"), (b"content-type", b"application/json")],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
    }
    messages = iter(
        [{"type": "http.request", "body": b'{"text": "he', "more_body": True}],
    )

    async def receive() -> dict[str, Any]:
        return next(messages, {"type": "http.disconnect"})

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    with caplog.at_level(logging.DEBUG, logger="knotwork.web"):
        run_async(app, scope, receive, send)
    assert sent == []
    assert [r.levelname for r in caplog.records] == ["DEBUG"]
    assert "went away" in caplog.records[0].getMessage()
