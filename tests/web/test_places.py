"""Browse by place: pick a place (map or list, no script needed) and see the muscles that refer
pain there, essential first, lateralized, with the press test gated as on the results page."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi.testclient import TestClient


def no_to_all(client: TestClient, place: str) -> list[tuple[str, str]]:
    data = client.get(f"/places/{place}.json").json()
    return [(f"a_{q['id']}", "no") for q in data["safety"]["unanswered"]]


def test_the_picker_offers_every_place_on_the_map_and_in_a_list(client: TestClient) -> None:
    page = client.get("/places").text
    assert page.count('<a href="/places/') == 253 + 196  # every shape of both views, every place
    assert 'aria-hidden="true"' in page  # the map is for pointers; the list is for everyone
    assert 'tabindex="-1"' in page
    assert "<script" not in page.split("<footer")[0]  # it works without JavaScript
    twin = client.get("/places.json").json()
    assert twin["count"] == 196
    assert {"id": "temple-left", "label": "Temple (left)", "href": "/places/temple-left"} in [
        r for g in twin["groups"] for r in g["regions"]
    ]


def test_a_place_lists_essential_then_spillover_on_its_side(client: TestClient) -> None:
    doc = client.get("/places/heel-left.json").json()
    assert doc["place"]["phrase"] == "your left heel"
    assert [g["kind"] for g in doc["groups"]] == ["essential", "spillover", "local"]
    muscles = [m for g in doc["groups"] for m in g["muscles"]]
    assert [m["rank"] for m in muscles] == list(range(1, len(muscles) + 1))
    assert "soleus" in [m["muscle"]["id"] for m in doc["groups"][0]["muscles"]]
    assert {m["side"] for m in muscles} == {"left"}
    soleus = next(m for m in muscles if m["muscle"]["id"] == "soleus")
    # The muscle page screens the place, and leads back to it (issue 18).
    assert soleus["links"]["page"].startswith("/muscles/soleus?region=heel-left&from=")
    assert soleus["links"]["map"] == "/maps/soleus.svg?side=left&mark=heel-left"
    page = client.get("/places/heel-left").text
    assert page.index("Usually refer pain here") < page.index("Sometimes refer pain here")
    assert 'class="tag kind-essential">essential<' in page


def test_the_press_test_waits_for_the_questions_then_shows(client: TestClient) -> None:
    before = client.get("/places/heel-right")
    assert "Press to check" not in before.text
    assert 'value="deep-vein-thrombosis:1"' in before.text  # the questions, on the page
    answers = no_to_all(client, "heel-right")
    after = client.get("/places/heel-right?" + urlencode(answers))
    assert "Press to check" in after.text
    doc = client.get("/places/heel-right.json?" + urlencode(answers)).json()
    assert doc["gate"] == "ok"
    first = doc["groups"][0]["muscles"][0]
    assert first["press_test"]["how_to_check"]
    assert all(s.endswith("-right") for s in first["press_test"]["site"])
    # Answers go with the person to the muscle pages, with the place screened there too.
    assert "answer=deep-vein-thrombosis%3Ano" in first["links"]["page"]


def test_a_warning_sign_stops_the_list_and_every_pressing_instruction(
    client: TestClient,
) -> None:
    answers = [*no_to_all(client, "calf-right"), ("a_deep-vein-thrombosis", "yes")]
    page = client.get("/places/calf-right?" + urlencode(answers))
    assert page.status_code == 200
    assert "<h1>Please seek care</h1>" in page.text
    assert "Press to check" not in page.text and "Soleus" not in page.text
    doc = client.get("/places/calf-right.json?" + urlencode(answers)).json()
    assert doc["gate"] == "stop"
    tests = [m["press_test"] for g in doc["groups"] for m in g["muscles"]]
    assert tests and all(t["how_to_check"] is None for t in tests)


def test_a_caution_withholds_the_press_test_where_it_rules_pressing_out(
    client: TestClient,
) -> None:
    answers = [*no_to_all(client, "calf-right"), ("caution", "known-or-suspected-clot:calf")]
    doc = client.get("/places/calf-right.json?" + urlencode(answers)).json()
    tests = [m["press_test"] for g in doc["groups"] for m in g["muscles"]]
    assert tests and all(t["how_to_check"] is None for t in tests if t["site"][0] == "calf-right")
    assert any(t["withheld_because"] for t in tests)


def test_an_unknown_place_is_refused_with_the_closest(client: TestClient) -> None:
    response = client.get("/places/tempel-left.json")
    assert response.status_code == 422
    assert response.json()["error"]["suggestions"] == ["temple-left"]
