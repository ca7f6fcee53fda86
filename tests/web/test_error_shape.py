"""One error shape for every error, JSON or HTML, and bad input never changes anything."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

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
