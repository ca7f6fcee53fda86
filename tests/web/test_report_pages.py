"""The report on the web: the printable page, its JSON twin and the PDF download; bad input
in the one error shape."""

from __future__ import annotations

from fastapi.testclient import TestClient


def add(client: TestClient) -> None:
    body = {"regions": [{"region": "back-of-neck-right", "pain": 6, "qualities": ["aching"]}]}
    assert client.post("/api/diary/entries", json=body).status_code == 201
    treat = {"kind": "heat", "region": "back-of-neck-right", "seconds": 900, "relief": 3}
    assert client.post("/api/diary/treatments", json=treat).status_code == 201


def test_the_page_its_twin_and_the_pdf(diary_client: TestClient) -> None:
    add(diary_client)
    page = diary_client.get("/report?name=Ann+O%27Neill")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    html = page.text
    assert 'href="/static/report/report.css?v=' in html
    assert "Ann O&#39;Neill" in html and "Self-reported; not a diagnosis." in html
    assert 'href="/report.pdf?paper=letter&amp;name=Ann%20O%27Neill"' in html
    twin = diary_client.get("/report.json?name=Ann").json()
    assert twin["ok"] is True and twin["person"] == "Ann"
    assert twin["treatments"][0]["label"] == "Heat: Back of the neck (right)"
    assert twin["trend"]["entries"] == 1
    pdf = diary_client.get("/report.pdf?paper=letter")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"] == (
        'attachment; filename="knotwork-report-2026-12-07-letter.pdf"'
    )
    assert pdf.headers["cache-control"] == "no-store"
    css = diary_client.get("/static/report/report.css")
    assert css.status_code == 200 and "@page" in css.text


def test_bad_input_is_the_one_error_shape(diary_client: TestClient) -> None:
    for path in ("/report.pdf?paper=a3", "/report.json?name=" + "x" * 201, "/report?name=%1b"):
        answer = diary_client.get(path)
        assert 400 <= answer.status_code < 500, path
    assert "a4 or letter" in diary_client.get("/report.pdf?paper=a3").text  # the error page
    body = diary_client.get("/report.json?name=%1b").json()
    assert body["ok"] is False and "printable text" in body["error"]["message"]


def test_the_diary_and_progress_pages_link_the_report(diary_client: TestClient) -> None:
    for page in ("/diary", "/progress"):
        assert 'href="/report"' in diary_client.get(page).text
