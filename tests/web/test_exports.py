"""Downloads on the web: each format as an attachment, never cached, the same bytes the CLI
writes; the buttons on the Diary and Progress pages; bad input in the one error shape."""

from __future__ import annotations

import io
import json
import zipfile

from fastapi.testclient import TestClient

from knotwork.core.exchange.document import read_document


def add(client: TestClient) -> None:
    body = {"regions": [{"region": "back-of-neck-right", "pain": 6, "qualities": ["aching"]}],
            "notes": 'Tight, "again",\nafter a call'}  # fmt: skip
    assert client.post("/api/diary/entries", json=body).status_code == 201


def test_each_format_downloads_as_an_attachment(diary_client: TestClient) -> None:
    add(diary_client)
    for fmt, media, suffix in (
        ("csv", "application/zip", ".zip"),
        ("json", "application/json", ".json"),
        ("fhir", "application/fhir+json", ".fhir.json"),
    ):
        answer = diary_client.get(f"/api/diary/export?format={fmt}")
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"].startswith(media)
        assert answer.headers["cache-control"] == "no-store"
        assert answer.headers["content-disposition"] == (
            f'attachment; filename="knotwork-diary-2026-12-07{suffix}"'
        )
    entries = zipfile.ZipFile(io.BytesIO(diary_client.get("/api/diary/export?format=csv").content))
    assert 'Tight, ""again"",\nafter a call' in entries.read("entries.csv").decode("utf-8")
    doc = diary_client.get("/api/diary/export").json()
    assert len(read_document(doc).contents.entries) == 1
    bundle = json.loads(diary_client.get("/api/diary/export?format=fhir").content)
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == [
        "Patient", "Observation", "Observation"
    ]  # fmt: skip


def test_a_format_it_does_not_make_is_a_422_in_the_one_shape(
    diary_client: TestClient,
) -> None:
    answer = diary_client.get("/api/diary/export?format=pdf")
    assert answer.status_code == 422
    assert answer.json()["ok"] is False and answer.json()["error"]["code"] == "invalid_input"


def test_the_diary_and_progress_pages_offer_the_downloads(
    diary_client: TestClient,
) -> None:
    add(diary_client)
    for page in ("/diary", "/progress"):
        html = diary_client.get(page).text
        for fmt in ("csv", "json", "fhir"):
            assert f'href="/api/diary/export?format={fmt}" download' in html
