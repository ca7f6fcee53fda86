"""The Diary page on both stores: the quick entry repeats last time's places, the other
forms, change, delete with undo, "Save to my diary" from the results; every page has its JSON
twin; a bad form is the one error shape and saves nothing."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def web(diary_client: TestClient) -> TestClient:
    return diary_client


def token(html: str) -> dict[str, str]:
    """The form's CSRF token, when the page carries one."""
    found = re.search(r'name="csrf_token" value="([^"]*)"', html)
    return {"csrf_token": found.group(1)} if found and found.group(1) else {}


FORM = {"content-type": "application/x-www-form-urlencoded"}


def post(web: TestClient, path: str, data: dict[str, Any] | list[tuple[str, str]]) -> Any:
    """A form post as the browser sends it (repeated names kept), with the page's token."""
    page = web.get("/diary")
    pairs = list(data.items()) if isinstance(data, dict) else list(data)
    body = urlencode([*pairs, *token(page.text).items()])
    return web.post(path, content=body, headers=FORM)


def records(web: TestClient) -> list[dict[str, Any]]:
    return [r["record"] for r in web.get("/diary.json").json()["records"]]


def test_the_quick_entry_repeats_last_times_places(web: TestClient) -> None:
    first = post(web, "/diary/entries", [
        ("new_region", "back-of-neck-right"), ("new_pain", "6"), ("new_quality", "aching"),
        ("new_quality", "stiff"), ("context", "desk-work"), ("notes", "a, \"b\"\nc"),
        ("at", "2026-12-07T08:15"), ("zone", "Europe/London"),
    ])  # fmt: skip
    assert first.status_code == 303 and first.headers["location"].startswith("/diary?saved=")
    page = web.get("/diary").text
    # The next entry starts from these places, with their numbers and qualities.
    assert (
        'name="pain_back-of-neck-right" type="number" inputmode="numeric" '
        'min="0" max="10" value="6"' in page
    )
    assert 'name="quality_back-of-neck-right" value="stiff" checked' in page
    # Saving it as it is: one press.
    form = dict(re.findall(r'<input type="hidden" name="(region|zone)" value="([^"]*)"', page))
    form |= {"pain_back-of-neck-right": "6", "quality_back-of-neck-right": "aching"}
    again = post(web, "/diary/entries", form)
    assert again.status_code == 303
    newest, oldest = records(web)
    assert newest["regions"] == [
        {"region": "back-of-neck-right", "pain": 6, "qualities": ["aching"]}
    ]
    assert oldest["notes"] == 'a, "b"\nc' and oldest["contexts"] == ["desk-work"]
    assert oldest["local"] == "2026-12-07T08:15+00:00"


@pytest.mark.parametrize(
    ("form", "words"),
    [
        ({"new_region": "neck", "new_pain": "5"}, "Unknown body region &#39;neck&#39;"),
        ({"new_region": "calf-left", "new_pain": "12"}, "Pain in calf-left must be a whole number"),
        ({"new_region": "calf-left"}, "Say how much the place added hurts"),
        ({"pain": "5", "peg_pain": "4"}, "PEG-3 needs all three answers"),
        ({"pain": "5", "at": "2027-03-01T08:00"}, "is in the future"),
        ({}, "Say how much it hurts"),
    ],
)
def test_a_bad_form_saves_nothing(web: TestClient, form: dict[str, str], words: str) -> None:
    reply = post(web, "/diary/entries", form)
    assert reply.status_code == 422 and words in reply.text
    assert records(web) == []


def test_treatments_impressions_change_and_delete_with_undo(web: TestClient) -> None:
    assert post(web, "/diary/treatments", {
        "kind": "self-treatment", "muscle": "Upper trapezius", "technique": "pinch-grip-squeeze",
        "side": "right", "seconds": "60", "pressure": "5", "relief": "4",
    }).status_code == 303  # fmt: skip
    assert post(web, "/diary/treatments", {
        "kind": "medication", "medication": "ibuprofen", "dose": "400 mg", "regular": "yes",
    }).status_code == 303  # fmt: skip
    assert post(web, "/diary/impressions", {"value": "2"}).status_code == 303
    made = {r.get("type", r["kind"]): r for r in records(web)}  # all three made "now"
    imp, med, release = made["impression"], made["medication"], made["self-treatment"]
    assert release["tool"] == "pinch-grip" and release["muscle"] == "upper-trapezius"
    assert med["medication"] == {"name": "ibuprofen", "dose": "400 mg", "schedule": "regular"}
    assert imp["label"] == "much improved"
    # The list names the technique as the muscle's page does, not by its id.
    what = re.findall(r'<p class="what">([^<]*)</p>', web.get("/diary").text)
    assert any("pinch-grip squeeze of the shoulder slope" in w for w in what), what
    assert not any("pinch-grip-squeeze" in w for w in what)
    edit = web.get(f"/diary/{release['id']}/edit")
    assert edit.status_code == 200 and 'value="pinch-grip-squeeze"' in edit.text
    assert web.get(f"/diary/{release['id']}/edit.json").json()["editing"] == release
    changed = post(web, f"/diary/{release['id']}", {
        "kind": "self-treatment", "muscle": "upper-trapezius", "technique": "pinch-grip-squeeze",
        "side": "right", "seconds": "60", "pressure": "5", "relief": "4", "soreness": "mild",
    })  # fmt: skip
    assert changed.status_code == 303
    assert web.get(f"/api/diary/records/{release['id']}").json()["record"]["soreness"] == "mild"
    deleted = post(web, f"/diary/{med['id']}/delete", {})
    assert deleted.status_code == 200 and "Deleted the treatment of" in deleted.text
    assert {r["id"] for r in records(web)} == {imp["id"], release["id"]}
    undo = re.search(r'name="record" value="([^"]+)"', deleted.text)
    assert undo is not None
    import html

    back = post(web, "/diary/undo", {"record": html.unescape(undo.group(1))})
    assert back.status_code == 303 and med in records(web)


def test_save_to_my_diary_from_the_results(web: TestClient) -> None:
    results = web.get("/results?region=temple-right:7&a_fever=no")
    assert "Save to my diary" in results.text
    fields = re.findall(
        r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">',
        results.text.split('action="/diary/findings"')[1].split("</form>")[0],
    )
    saved = web.post("/diary/findings", content=urlencode(fields), headers=FORM)
    assert saved.status_code == 303
    (finding,) = records(web)
    assert finding["marks"] == [{"region": "temple-right", "intensity": 7, "main": False}]
    assert finding["answers"] == {"fever": False} and finding["muscles"]


def test_the_diary_page_twin_and_paging(web: TestClient) -> None:
    data = web.get("/diary.json").json()
    assert data["ok"] is True and data["records"] == [] and data["older"] is None
    assert "aching" in data["qualities"] and data["pgic"][0]["label"] == "very much improved"
    assert web.get("/diary?until=yesterday").status_code == 422
    assert web.get("/diary/0123abcd/edit").status_code == 404


def test_diary_answers_are_never_stored(web: TestClient) -> None:
    post(web, "/diary/entries", {"pain": "4"})
    entry = records(web)[0]
    for path in ("/diary", "/diary.json", "/progress", "/progress.json?days=30",
                 "/api/diary", f"/api/diary/records/{entry['id']}", "/api/diary/progress",
                 f"/diary/{entry['id']}/edit", "/api/diary/records/ffffffff"):  # fmt: skip
        assert web.get(path).headers["cache-control"] == "no-store", path
    assert post(web, "/diary/entries", {"pain": "5"}).headers["cache-control"] == "no-store"
