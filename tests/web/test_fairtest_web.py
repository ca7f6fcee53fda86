"""The Fair test, What seemed to help and How we compare pages, and /api/fair-tests, on both
stores, over Ravi's diary (a runner after knee surgery), on a frozen clock moved by hand:
forms with their CSRF token, JSON twins, no-store, one error shape, nothing half-saved."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from knotwork.adapters.store.store import open_store
from knotwork.adapters.web.app import create_app
from knotwork.adapters.web.diary_store import DiaryStore
from knotwork.config import load_settings
from knotwork.core.diary.service import Diary
from knotwork.core.finder import FinderIndex
from knotwork.core.kb.base import KnowledgeBase
from tests import personas
from tests.store.test_fairtests import Clock
from tests.web.conftest import BASE

FORM = {"content-type": "application/x-www-form-urlencoded"}


@pytest.fixture
def ravi(
    store_url: str, index: FinderIndex, kb: KnowledgeBase
) -> Iterator[tuple[TestClient, Clock]]:
    store = open_store(store_url)
    clock = Clock(personas.RAVI_NOW)
    Diary(store.repository(), kb, clock, personas.RAVI_ZONE).restore(personas.ravi())
    settings = load_settings(
        {"KNOTWORK_DATABASE_URL": store_url, "KNOTWORK_TIMEZONE": personas.RAVI_ZONE}
    )
    holder = DiaryStore(store_url, store, clock)
    app = create_app(settings, index, kb, diary=holder)
    with TestClient(app, raise_server_exceptions=False, follow_redirects=False, base_url=BASE) as c:
        yield c, clock
    holder.close()


def post(web: TestClient, path: str, data: dict[str, str]) -> Any:
    page = web.get("/fair-test")
    token = re.search(r'name="csrf_token" value="([^"]*)"', page.text)
    assert token is not None
    return web.post(path, content=urlencode({**data, "csrf_token": token.group(1)}), headers=FORM)


PLAN = {"a_name": "ice after runs", "a_kind": "cold", "b_name": "nothing new",
        "b_kind": "nothing-new", "blocks": "3", "outcome": "peg"}  # fmt: skip


def test_plan_log_and_read_the_result_through_the_pages(ravi: tuple[TestClient, Clock]) -> None:
    web, clock = ravi
    page = web.get("/fair-test")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert 'action="/fair-test/plan"' in page.text and "Fair test</a>" in page.text
    planned = post(web, "/fair-test/plan", PLAN)
    assert planned.status_code == 303 and planned.headers["location"] == "/fair-test?saved=planned"
    data = web.get("/fair-test.json").json()
    test = data["current"]["test"]
    assert data["ok"] and data["day"]["status"] == "running" and not data["can_plan"]
    assert len(test["schedule"]["orders"]) == 3 and test["start"] == "2026-11-23"
    for n in range(42):
        option = web.get("/fair-test.json").json()["day"]["option"]
        value = "2" if option == "A" else "4"
        answers = {"peg_pain": value, "peg_enjoyment": value, "peg_activity": value}
        logged = post(web, "/fair-test/log", {**answers, "zone": personas.RAVI_ZONE})
        assert logged.status_code == 303
        if n == 0:
            assert web.get("/fair-test.json").json()["day"]["logged_today"]
        clock.next_day()
    html = web.get("/fair-test").text
    data = web.get("/fair-test.json").json()
    result = data["current"]
    assert result["status"] == "finished" and result["verdict"]["kind"] == "probably-a"
    assert result["verdict"]["p_a_better"] > 0.8 and data["can_plan"]
    assert "Ice after runs probably helped you more than nothing new" in html
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and "<table>" in html
    assert result["can_extend"] and 'action="/fair-test/' + test["id"] + '/extend"' in html
    extended = post(web, f"/fair-test/{test['id']}/extend", {})
    assert extended.status_code == 303
    assert web.get("/fair-test.json").json()["current"]["test"]["schedule"]["blocks"] == 5
    # Ravi's other treatments during the test are counted by option (his ice only from week 9).
    assert set(result["other_treatments"]) == {"A", "B"}


def test_bad_forms_are_the_one_error_shape_and_save_nothing(ravi: tuple[TestClient, Clock]) -> None:
    web, _ = ravi
    for bad, words in (
        ({**PLAN, "b_name": "Ice after runs"}, "must differ"),
        ({**PLAN, "blocks": "2"}, "3 to 12 blocks"),
        ({**PLAN, "start": "2026-11-01"}, "not assigned at random"),
        ({**PLAN, "a_kind": "yoga"}, "kind"),
        ({**PLAN, "a_muscle": "no-such-muscle"}, "Unknown muscle"),
    ):
        answer = post(web, "/fair-test/plan", bad)
        assert answer.status_code == 422 and words in answer.text, bad
    assert web.get("/fair-test.json").json()["current"] is None
    half = post(web, "/fair-test/log", {"peg_pain": "3", "peg_enjoyment": "11"})
    assert half.status_code == 422
    no_token = web.post("/fair-test/plan", content=urlencode(PLAN), headers=FORM)
    assert no_token.status_code == 403


def test_the_api(ravi: tuple[TestClient, Clock]) -> None:
    web, _ = ravi
    body = {"a": {"name": "ball release", "kind": "self-treatment", "muscle": "calf-muscle"},
            "b": {"name": "stretching", "kind": "stretching"}, "blocks": 3}  # fmt: skip
    wrong = web.post("/api/fair-tests", json=body)
    assert wrong.status_code == 422 and wrong.json()["error"]["code"] == "unknown_muscle"
    body["a"]["muscle"] = "soleus"  # type: ignore[index]
    made = web.post("/api/fair-tests", json=body)
    assert made.status_code == 201 and made.headers["cache-control"] == "no-store"
    test = made.json()["result"]["test"]
    assert test["a"] == {"name": "ball release", "kind": "self-treatment", "muscle": "soleus"}
    again = web.post("/api/fair-tests", json=body)
    assert again.status_code == 422 and "already running" in again.json()["error"]["message"]
    logged = web.post("/api/fair-tests/today", json={"pain": 3, "enjoyment": 2, "activity": 4})
    assert logged.status_code == 201 and logged.json()["record"]["peg"]["score"] == 3.0
    assert web.get("/api/fair-tests").json()["today"]["logged_today"]
    assert web.get("/api/fair-tests/today").json()["today"]["option"] in ("A", "B")
    one = web.get(f"/api/fair-tests/{test['id'][:6]}")
    assert one.json()["result"]["verdict"]["kind"] == "not-yet"
    assert web.get("/api/fair-tests/ffffffff").status_code == 404
    not_yet = web.post(f"/api/fair-tests/{test['id']}/extend", json={"blocks": 2})
    assert not_yet.status_code == 422
    stopped = web.post(f"/api/fair-tests/{test['id']}/stop", json={"reason": "knee swelled"})
    assert stopped.json()["result"]["status"] == "stopped"
    assert stopped.json()["result"]["stopped"]["reason"] == "knee swelled"
    extra = web.post("/api/fair-tests/today", json={"pain": 3, "enjoyment": 2, "activity": 4,
                                                    "mood": 5})  # fmt: skip
    assert extra.status_code == 422


def test_what_seemed_to_help_over_ravis_treatments(ravi: tuple[TestClient, Clock]) -> None:
    web, _ = ravi
    data = web.get("/what-helped.json?days=365").json()
    names = [r["name"] for r in data["rows"]]
    assert "Physiotherapy" in names and "ibuprofen" in names
    ice = next(r for r in data["rows"] if r["kind"] == "cold")
    assert ice["count"] == 14 and ice["relief_mean"] == 3.0
    assert ice["test_this"].startswith("/fair-test?a_name=Cold")
    html = web.get("/what-helped?days=365").text
    assert "Regression to the mean" in html and "Test this fairly" in html
    form = web.get(ice["test_this"]).text
    assert 'value="Cold: Front of the knee (right)"' in form and 'value="cold" selected' in form
    assert web.get("/what-helped?days=3").status_code == 422
    api = web.get("/api/fair-tests/what-helped", params={"all": "true"}).json()
    assert api["ok"] and api["rows"] and api["since"] is None


def test_how_we_compare(ravi: tuple[TestClient, Clock]) -> None:
    web, _ = ravi
    html = web.get("/fair-test/method").text
    assert "97.5%" in html and "Kravitz RL" in html and "Krebs EE" in html
    data = web.get("/fair-test/method.json").json()
    assert data["ok"] and len(data["verdicts"]) == 4
    assert web.get("/api/fair-tests/method").json()["sources"][0]["id"] == "kravitz-2018"
