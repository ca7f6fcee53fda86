"""The JSON API returns the same finder document as the command line."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from knotwork.adapters.cli.main import main


def test_api_find_equals_cli_find_json(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    body = {
        "text": "ache deep in my left buttock that runs down the outside of my leg",
        "regions": [{"id": "buttock-lower-left", "intensity": 6, "main": True}],
        "press": {"gluteus-minimus": "yes"},
        "limit": 5,
    }
    api = client.post("/api/find", json=body).json()
    main(
        [
            "find",
            "--text",
            body["text"],
            "--region",
            "buttock-lower-left:6:main",
            "--confirm",
            "gluteus-minimus",
            "--json",
            "--limit",
            "5",
        ]
    )
    cli = json.loads(capsys.readouterr().out)
    assert api == cli
    assert api["candidates"][0]["muscle"]["id"] == "gluteus-minimus"


def test_a_red_flag_returns_200_with_self_treatment_off(client: TestClient) -> None:
    response = client.post(
        "/api/find",
        json={"text": "low back pain, I've lost feeling between my legs, can't control my bladder"},
    )
    assert response.status_code == 200
    doc = response.json()
    assert doc["safety"]["level"] == "emergency"
    assert doc["safety"]["self_treatment"] is False


def test_a_red_flag_in_words_with_no_place_is_answered_not_refused(client: TestClient) -> None:
    said = "I had a stroke-like weakness and slurred speech"
    doc = client.post("/api/find", json={"text": said}).json()
    assert doc["safety"]["level"] == "emergency"
    assert doc["candidates"] == []
    assert doc["explains_all"]["complete"] is False
    # Even beside a mistyped region the flag wins over the error.
    typo = {"text": said, "regions": [{"id": "templ-right"}]}
    assert client.post("/api/find", json=typo).json()["safety"]["level"] == "emergency"
    for path in ("/check", "/results"):
        page = client.get(path, params={"text": said})
        assert page.status_code == 200
        assert "Call your emergency number now" in page.text
    # Words with no place and no flag are still bad input.
    assert client.post("/api/find", json={"text": "zorp"}).status_code == 422


def test_chosen_cautions_withhold_the_press_test_and_bad_ones_are_refused(
    client: TestClient,
) -> None:
    asked = client.post("/api/screen", json={"regions": ["calf-right"]}).json()["unanswered"]
    body = {
        "regions": [{"id": "calf-right", "intensity": 6}],
        "answers": {q["id"]: False for q in asked},
        "limit": 3,
    }
    free = client.post("/api/find", json=body).json()
    assert all(c["explanation"]["trigger_points"][0]["how_to_check"] for c in free["candidates"])
    held = client.post(
        "/api/find", json={**body, "cautions": ["known-or-suspected-clot:calf"]}
    ).json()
    points = [tp for c in held["candidates"] for tp in c["explanation"]["trigger_points"]]
    assert all(tp["how_to_check"] is None and tp["withheld_because"] for tp in points)
    assert held["understood"]["cautions"] == []  # chosen, not read from words
    bad = client.post("/api/find", json={**body, "cautions": ["pregnancyy"]})
    assert bad.status_code == 422
    assert "Did you mean: pregnancy" in bad.json()["error"]["message"]
    # The results page takes the same cautions as the muscle pages (caution=...).
    from urllib.parse import urlencode

    asked = client.get("/check.json?region=calf-right:6").json()["questions"]
    pairs = [("region", "calf-right:6"), *((f"a_{q['id']}", "no") for q in asked)]
    pairs.append(("caution", "known-or-suspected-clot:calf"))
    page = client.get("/results?" + urlencode(pairs)).text
    assert "No press test here" in page
    assert "Press to check" not in page


def test_the_screen_endpoint(client: TestClient) -> None:
    doc = client.post(
        "/api/screen", json={"regions": ["calf-left"], "answers": {"deep-vein-thrombosis": True}}
    ).json()
    assert doc["level"] == "urgent"
    # Places named in the words bring their questions, as in the finder.
    said = client.post("/api/screen", json={"text": "ache in my lower back"}).json()
    assert said["areas"] == ["low-back"]
    assert "cauda-equina" in {q["id"] for q in said["unanswered"]}
    assert client.post("/api/screen", json={"text": "I feel unwell"}).json()["areas"] == []
    # The same region objects as /api/find take; an unknown one suggests both sides.
    objects = {"regions": [{"id": "calf-right", "intensity": 6}]}
    assert client.post("/api/screen", json=objects).json()["areas"] == ["hip-leg"]
    typo = client.post("/api/screen", json={"regions": ["calfx"]}).json()["error"]
    assert typo["suggestions"] == ["calf-left", "calf-right"]
    spec = client.get("/openapi.json").json()["paths"]["/api/muscles/{muscle_id}"]["get"]
    assert {p["name"] for p in spec["parameters"]} >= {"caution", "answer", "region", "text"}


def test_muscles_and_regions(client: TestClient) -> None:
    assert len(client.get("/api/muscles").json()["muscles"]) == 122
    assert len(client.get("/api/regions").json()["regions"]) == 196
    group = client.get("/api/muscles/SCM")
    assert group.status_code == 422
    assert group.json()["error"]["code"] == "ambiguous_muscle"
    assert sorted(group.json()["error"]["suggestions"]) == [
        "sternocleidomastoid-clavicular",
        "sternocleidomastoid-sternal",
    ]
    assert client.get("/api/muscles/QL").json()["muscle"]["id"] == "quadratus-lumborum"
