"""The diary's JSON API on both stores: records in and out, one error shape, nothing saved
from a bad request, the undo, progress; and every answer fits its documented schema."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from knotwork.adapters.web.diary_schemas import ProgressAnswer, RecordAnswer, RecordsAnswer

NECK = {"region": "back-of-neck-right", "pain": 6, "qualities": ["aching", "stiff"]}


@pytest.fixture
def api(diary_client: TestClient) -> TestClient:
    return diary_client


def records(api: TestClient) -> list[dict[str, Any]]:
    answer = api.get("/api/diary").json()
    RecordsAnswer.model_validate(answer)
    return list(answer["records"])


def test_an_entry_goes_in_and_comes_back(api: TestClient) -> None:
    body = {
        "at": "2026-12-07 08:15",
        "regions": [NECK, {"region": "top-of-shoulder-right", "pain": 4}],
        "peg": {"pain": 5, "enjoyment": 4, "activity": 6},
        "sleep": {"hours": 6.5, "quality": 4},
        "contexts": ["desk-work"],
        "notes": 'Long day, "again"; commas, and a\nnew line',
    }
    reply = api.post("/api/diary/entries", json=body)
    assert reply.status_code == 201, reply.text
    made = RecordAnswer.model_validate(reply.json()).record.model_dump()
    assert made["pain"] == 6 and made["local"] == "2026-12-07T08:15+00:00"
    assert made["peg"]["score"] == 5.0
    got = api.get(f"/api/diary/records/{made['id'][:6]}").json()["record"]
    assert got == made
    assert api.get("/api/diary/last-places").json()["as_text"] == [
        "back-of-neck-right:6:aching,stiff",
        "top-of-shoulder-right:4",
    ]
    again = api.post("/api/diary/entries", json={"same_places": True, "pain": 3}).json()
    assert again["record"]["regions"] == made["regions"]


@pytest.mark.parametrize(
    ("body", "status", "code", "words"),
    [
        ({"regions": [{"region": "neck", "pain": 5}]}, 422, "unknown_region", "Did you mean"),
        (
            {"regions": [{"region": "calf-left", "pain": 11}]},
            422,
            "invalid_input",
            "regions.0.pain",
        ),
        ({"regions": [{"region": "calf-left", "pain": "5"}]}, 422, "invalid_input", "pain"),
        ({"pain": 4, "mood": "bad"}, 422, "invalid_input", "mood"),
        ({"pain": 4, "contexts": ["deskwork"]}, 422, "invalid_input", "desk-work"),
        ({"pain": 4, "at": "2027-01-01 08:00"}, 422, "invalid_input", "future"),
        ({"pain": 4, "zone": "Mars/Base"}, 422, "invalid_input", "time zone"),
        ({}, 422, "invalid_input", "Say how much it hurts"),
        ({"pain": 4, "notes": "a\u0000b"}, 422, "invalid_input", "cannot be stored"),
    ],
)
def test_a_bad_entry_is_one_error_shape_and_saves_nothing(
    api: TestClient, body: dict[str, Any], status: int, code: str, words: str
) -> None:
    reply = api.post("/api/diary/entries", json=body)
    assert reply.status_code == status
    error = reply.json()
    assert error["ok"] is False and error["status"] == status
    assert error["error"]["code"] == code
    assert words in error["error"]["message"] + " ".join(error["error"]["details"])
    assert records(api) == []


def test_treatments_impressions_and_their_edits(api: TestClient) -> None:
    t = api.post(
        "/api/diary/treatments",
        json={"kind": "self-treatment", "muscle": "traps", "technique": "pinch-grip-squeeze",
              "side": "right", "seconds": 60, "pressure": 5, "relief": 4},
    ).json()["record"]  # fmt: skip
    assert (t["muscle"], t["tool"], t["dose"]["seconds"]) == ("upper-trapezius", "pinch-grip", 60)
    med = api.post(
        "/api/diary/treatments",
        json={"kind": "medication", "medication": {"name": "ibuprofen", "dose": "400 mg"}},
    ).json()["record"]
    assert med["medication"] == {"name": "ibuprofen", "dose": "400 mg", "schedule": "as-needed"}
    bad = api.post("/api/diary/treatments", json={"kind": "professional"})
    assert bad.status_code == 422 and "professional care" in bad.json()["error"]["message"]
    edited = api.put(
        f"/api/diary/treatments/{t['id']}",
        json={"kind": "self-treatment", "muscle": "upper-trapezius", "technique":
              "pinch-grip-squeeze", "side": "right", "seconds": 60, "pressure": 5,
              "relief": 4, "soreness": "mild"},
    ).json()["record"]  # fmt: skip
    assert edited["soreness"] == "mild" and edited["at"] == t["at"]
    wrong = api.put(f"/api/diary/entries/{t['id']}", json={"pain": 3})
    assert wrong.status_code == 404 and wrong.json()["error"]["code"] == "not_found"
    imp = api.post("/api/diary/impressions", json={"value": 2}).json()["record"]
    assert imp["label"] == "much improved"
    assert len(records(api)) == 3


def test_delete_answers_the_record_and_undo_puts_it_back(api: TestClient) -> None:
    made = api.post("/api/diary/entries", json={"regions": [NECK]}).json()["record"]
    gone = api.delete(f"/api/diary/records/{made['id'][:8]}")
    assert gone.status_code == 200 and gone.json()["record"] == made
    assert records(api) == []
    assert api.get(f"/api/diary/records/{made['id']}").status_code == 404
    back = api.post("/api/diary/records", json=gone.json()["record"])
    assert back.status_code == 201 and records(api) == [made]
    twice = api.post("/api/diary/records", json=made)
    assert twice.status_code == 422 and "already exists" in twice.json()["error"]["message"]


def test_a_finder_result_is_saved_as_shown(api: TestClient) -> None:
    reply = api.post(
        "/api/diary/findings",
        json={"regions": [{"id": "temple-right", "intensity": 7, "main": True}],
              "answers": {"fever": False}},
    )  # fmt: skip
    assert reply.status_code == 201
    found = reply.json()["record"]
    assert found["marks"] == [{"region": "temple-right", "intensity": 7, "main": True}]
    assert found["answers"] == {"fever": False} and found["muscles"]


def test_progress(api: TestClient) -> None:
    for day, pain in [(d, 7) for d in range(1, 8)] + [(d, 4) for d in range(22, 29)]:
        api.post("/api/diary/entries", json={"at": f"2026-11-{day:02d} 08:00",
                                             "regions": [{**NECK, "pain": pain}]})  # fmt: skip
    reply = api.get("/api/diary/progress?days=60")
    assert reply.status_code == 200
    data = ProgressAnswer.model_validate(reply.json()).model_dump()
    assert data["entries"] == 14 and data["change"]["meaningful"] is True
    assert data["change"]["points"] == -3.0 and data["change"]["percent"] == -43
    assert data["regions"]["start_means"] == {"back-of-neck-right": 7.0}
    assert api.get("/api/diary/progress?days=3").status_code == 422
    assert api.get("/api/diary/progress?all=true").json()["since"] == "2026-11-01"


def test_the_diary_is_in_the_openapi_document(api: TestClient) -> None:
    doc = api.get("/openapi.json").json()
    paths = {p for p in doc["paths"] if p.startswith("/api/diary")}
    assert {"/api/diary", "/api/diary/entries", "/api/diary/records/{record_id}",
            "/api/diary/progress"} <= paths  # fmt: skip
    post = doc["paths"]["/api/diary/entries"]["post"]
    assert "EntryIn" in str(post["requestBody"]) and "422" in post["responses"]


def test_the_progress_page_and_its_twin(api: TestClient) -> None:
    empty = api.get("/progress")
    assert empty.status_code == 200 and "No diary entries from" in empty.text
    for day, pain in [(d, 7) for d in range(1, 8)] + [(d, 4) for d in range(22, 29)]:
        api.post("/api/diary/entries", json={"at": f"2026-11-{day:02d} 08:00",
                                             "regions": [{**NECK, "pain": pain}]})  # fmt: skip
    api.post("/api/diary/treatments", json={"kind": "heat", "at": "2026-11-23 20:00"})
    page = api.get("/progress?days=60")
    assert page.status_code == 200
    html = page.text
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720') == 1
    assert "kw-pain-4" in html and "kw-pain-2" in html  # 7.0 and 4.0 on the two maps
    assert "Average pain went from 7.0 to 4.0, 3.0 points, 43 % lower: a meaningful" in html
    assert '<th scope="row">Back of the neck (right)</th><td>7.0</td><td>4.0</td>' in html
    twin = api.get("/progress.json?days=60").json()
    assert twin["ok"] is True and twin["entries"] == 14
    assert twin["places"] == [
        {"region": "back-of-neck-right", "label": "Back of the neck (right)", "start": 7.0,
         "now": 4.0, "change": -3.0}
    ]  # fmt: skip
    rows = {row["day"]: row for row in twin["days"]}
    assert twin["days"][0]["day"] == "2026-11-28" and rows["2026-11-23"]["treatments"] == "heat"
    bad = api.get("/progress.json?days=5")
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_input"


def test_the_documented_examples_fit_their_schemas() -> None:
    from knotwork.adapters.web.diary_examples import EXAMPLES
    from knotwork.adapters.web.diary_schemas import PlacesAnswer

    for name in ("entry", "treatment", "impression"):
        RecordAnswer.model_validate(EXAMPLES[name])
    RecordsAnswer.model_validate(EXAMPLES["list"])
    PlacesAnswer.model_validate(EXAMPLES["places"])
    ProgressAnswer.model_validate(EXAMPLES["progress"])
    assert EXAMPLES["progress"]["change"]["meaningful"] is False  # 7.0 to 5.4: 1.6 points, 23 %
