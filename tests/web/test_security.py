"""Strict headers and Content-Security-Policy everywhere; no inline code; no other host."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

STATIC = Path(__file__).resolve().parents[2] / "src" / "knotwork" / "adapters" / "web"
PATHS = [
    "/",
    "/find",
    "/muscles",
    "/muscles/soleus",
    "/evidence",
    "/static/app.css",
    "/muscles/soleus.json",
    "/api/regions",
    "/nothing-here",
    "/healthz",
]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    assert "'unsafe-eval'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"


def test_svg_maps_may_style_themselves_but_never_script(client: TestClient) -> None:
    headers = client.get("/maps/soleus.svg").headers
    assert headers["content-type"].startswith("image/svg+xml")
    assert headers["content-security-policy"] == "default-src 'none'; style-src 'unsafe-inline'"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/find",
        "/check?text=heel",
        "/results?text=heel",
        "/muscles",
        "/muscles/soleus",
        "/evidence",
    ],
)
def test_pages_have_no_inline_script_style_or_handler(client: TestClient, path: str) -> None:
    html = client.get(path).text
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag, tag
    assert not re.search(r"<script\b[^>]*>\s*[^<\s]", html)
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)


def test_no_file_refers_to_another_host() -> None:
    for path in [*STATIC.rglob("*.html"), *STATIC.rglob("*.css"), *STATIC.rglob("*.js")]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=\"?https?://", text), path
        assert "//cdn" not in text and "url(http" not in text, path


def test_openapi_describes_the_finder_and_its_error(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    find = spec["paths"]["/api/find"]["post"]
    assert "422" in find["responses"]
    assert "requestBody" in find
    assert client.get("/docs").status_code == 404  # its page would load another host's script


@pytest.mark.parametrize(
    "path", ["/", "/find", "/muscles", "/muscles/soleus", "/evidence", "/healthz"]
)
def test_head_answers_like_get_without_a_body(client: TestClient, path: str) -> None:
    head = client.head(path)
    get = client.get(path)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == get.headers["content-length"]
    assert head.headers["content-security-policy"] == get.headers["content-security-policy"]
    assert client.post(path).status_code in (405, 422)  # other methods are not widened
