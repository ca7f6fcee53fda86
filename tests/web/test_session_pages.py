"""The session pages on both stores: the plan page and its JSON twin, the safety questions
first, the checklist form (the no-JS player) recording holds into the diary, refusals with
their cap, the API twin, Today with routines and the morning check, the .ics file."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from knotwork.core.kb.base import KnowledgeBase
from tests.release.helpers import all_no
from tests.web.test_diary_pages import FORM, token

TRAPS = ("upper-trapezius",)


@pytest.fixture
def web(diary_client: TestClient) -> TestClient:
    return diary_client


def plan_url(kb: KnowledgeBase, path: str = "/session", **more: str) -> str:
    pairs = [("muscle", m) for m in TRAPS] + [("answer", f"{q}:no") for q in all_no(kb, TRAPS)]
    return f"{path}?{urlencode([*pairs, *more.items()])}"


def checklist(web: TestClient, kb: KnowledgeBase, **extra: str) -> list[tuple[str, str]]:
    """The checklist form as a browser without JavaScript would send it, every step done."""
    page = web.get(plan_url(kb)).text
    form = re.search(r'<form method="post" action="/session".*?</form>', page, re.S)
    assert form
    hidden = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(0))
    steps = re.findall(r'name="done_([^"]+)"', form.group(0))
    pairs = [(k, v) for k, v in hidden if k != "csrf_token"]
    pairs += [(f"done_{k}", "on") for k in steps] + [(f"pressure_{k}", "5") for k in steps]
    pairs += [("pain_before", "6"), ("pain_after", "3"), ("rom_before", "5"), ("rom_after", "7")]
    return [*pairs, *extra.items(), *token(page).items()]


def send(web: TestClient, path: str, pairs: list[tuple[str, str]]) -> Any:
    return web.post(path, content=urlencode(pairs), headers=FORM)


def test_questions_come_first_and_the_plan_is_its_json_twin(
    web: TestClient, kb: KnowledgeBase
) -> None:
    first = web.get("/session.json?muscle=traps").json()
    assert first["ok"] and first["gate"]["level"] == "incomplete" and not first["ready"]
    assert first["steps"] == []
    page = web.get("/session?muscle=traps")
    assert page.status_code == 200 and "First, a few safety questions" in page.text
    assert page.headers["cache-control"] == "no-store"
    data = web.get(plan_url(kb, "/session.json")).json()
    assert data["ready"] and len(data["steps"]) == 4
    s = data["steps"][0]
    assert (s["side"], s["switch"], data["steps"][2]["switch"]) == ("left", False, True)
    assert s["hold_seconds"] == 30 and s["pressure"] == {"min": 5, "max": 7}
    assert "never more than 7" in s["pressure_text"]
    assert data["rom_question"].startswith("How far can you turn your head")
    html = web.get(plan_url(kb)).text
    assert 'id="plan-data"' in html and "Switch sides: now the right side." in html
    assert web.get(s["map"]).headers["content-type"].startswith("image/svg+xml")


def test_a_red_flag_holds_the_session(web: TestClient, kb: KnowledgeBase) -> None:
    url = plan_url(kb, "/session.json").replace("fever%3Ano", "fever%3Ayes")
    data = web.get(url).json()
    assert not data["ready"] and data["gate"]["level"] != "none" and data["steps"] == []
    assert data["gate"]["flags"][0]["instruction"]


def test_the_checklist_records_holds_into_the_diary(web: TestClient, kb: KnowledgeBase) -> None:
    saved = send(web, "/session", checklist(web, kb))
    assert saved.status_code == 303, saved.text
    done = web.get(saved.headers["location"] + ".json").json()["session"]
    assert (done["pain_before"], done["pain_after"], done["rom_after"]) == (6, 3, 7)
    assert len(done["holds"]) == 4 and done["ended"] == "completed"
    records = [r["record"] for r in web.get("/diary.json").json()["records"]]
    events = [r for r in records if r.get("type") == "self-treatment"]
    assert len(events) == 4 and {e["muscle"] for e in events} == {"upper-trapezius"}
    assert {e["side"] for e in events} == {"left", "right"}
    assert all(e["dose"]["seconds"] == 30 and e["dose"]["pressure"] == 5 for e in events)


def test_a_stop_is_kept_with_its_reason(web: TestClient, kb: KnowledgeBase) -> None:
    pairs = [p for p in checklist(web, kb) if p[0] != "ended"]
    saved = send(web, "/session", [*pairs, ("ended", "stopped"), ("stop_reason", "numbness")])
    page = web.get(saved.headers["location"])
    assert "You stopped: numbness or tingling" in page.text and "on a nerve" in page.text


def test_over_the_cap_is_refused_and_nothing_is_saved(web: TestClient, kb: KnowledgeBase) -> None:
    form = checklist(web, kb)
    pairs = [(k, "9" if k.startswith("pressure_") else v) for k, v in form]
    refused = send(web, "/session", pairs)
    assert refused.status_code == 422
    assert "Pressure at most 7" in refused.text
    for _ in range(3):
        assert send(web, "/session", checklist(web, kb)).status_code == 303
    data = web.get(plan_url(kb, "/session.json")).json()
    assert not data["ready"] and data["refusals"][0]["code"] == "per-day"
    assert "At most 3 sessions a day" in data["refusals"][0]["cap"]
    html = web.get(plan_url(kb)).text
    assert "Not now" in html and "At most 3 sessions a day" in html
    before = len(web.get("/diary.json").json()["records"])
    late = send(web, "/session", form)  # the form of a page opened before the cap was reached
    assert late.status_code == 422 and "At most 3 sessions a day" in late.text
    assert len(web.get("/diary.json").json()["records"]) == before


def test_the_api_records_a_session(web: TestClient, kb: KnowledgeBase) -> None:
    body = {
        "muscles": ["traps"],
        "side": "right",
        "answers": dict.fromkeys(all_no(kb, TRAPS), False),
        "holds": [
            {"muscle": "upper-trapezius", "point": 1, "side": "right",
             "technique": "pinch-grip-squeeze", "seconds": 45, "repetitions": 2, "pressure": 6},
        ],
        "pain_before": 5,
        "pain_after": 4,
    }  # fmt: skip
    made = web.post("/api/sessions", json=body)
    assert made.status_code == 201, made.text
    assert made.json()["session"]["holds"][0]["seconds"] == 45
    bad = web.post("/api/sessions", json={**body, "holds": [{**body["holds"][0], "seconds": 200}]})
    assert bad.status_code == 422 and bad.json()["ok"] is False


def test_routines_today_and_the_calendar_file(web: TestClient, kb: KnowledgeBase) -> None:
    page = web.get("/diary")  # Today has no form yet: any page's token will do
    saved = send(
        web,
        "/routines",
        [("name", "Neck, evenings; daily"), ("muscle", "upper-trapezius"), ("side", "right"),
         ("every_days", "2"), ("at", "19:30"), *token(page.text).items()],
    )  # fmt: skip
    assert saved.status_code == 303
    today = web.get("/today.json").json()
    (routine,) = today["routines"]
    assert routine["due"] and routine["every_days"] == 2
    ics = web.get(routine["ics"])
    assert ics.headers["content-type"].startswith("text/calendar")
    body = ics.content.decode()
    lines = body.split("\r\n")
    assert body.endswith("\r\n") and "\n" not in body.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "RRULE:FREQ=DAILY;INTERVAL=2" in lines and "DTSTART:20261207T193000" in lines
    assert "SUMMARY:Neck\\, evenings\\; daily" in lines
    start = web.get(routine["start"])
    assert start.status_code == 200 and "safety questions" in start.text


def test_the_morning_check_on_today(
    web: TestClient, kb: KnowledgeBase, diary_client: TestClient
) -> None:
    assert send(web, "/session", checklist(web, kb)).status_code == 303
    holder = web.app.state.knotwork.diary  # type: ignore[attr-defined]
    from knotwork.core.diary.when import fixed_clock

    now = holder.clock()
    holder.clock = fixed_clock(now + timedelta(days=1))
    try:
        today = web.get("/today.json").json()
        (check,) = today["checks"]
        page = web.get("/today")
        answered = send(
            web,
            "/today/soreness",
            [("muscle", check["muscle"]), ("day", check["day"]), ("soreness", "7"),
             *token(page.text).items()],
        )  # fmt: skip
        assert answered.status_code == 303 and "light=red" in answered.headers["location"]
        shown = web.get(answered.headers["location"]).text
        assert "Rest that muscle for two days" in shown
        plan = web.get(plan_url(kb, "/session.json")).json()
        assert [r["code"] for r in plan["refusals"]] == ["rest"]
    finally:
        holder.clock = fixed_clock(now)


def test_links_from_the_results_and_the_muscle_page(web: TestClient, kb: KnowledgeBase) -> None:
    muscle = web.get("/muscles/upper-trapezius").text
    assert 'href="/session?muscle=upper-trapezius"' in muscle
    data = web.get("/check.json?" + urlencode({"region": "temple-right:6"})).json()
    pairs = [("region", "temple-right:6")] + [(f"a_{q['id']}", "no") for q in data["questions"]]
    results = web.get("/results.json?" + urlencode([*pairs, ("press", "upper-trapezius:yes")]))
    link = results.json()["session"]
    assert link.startswith("/session?") and "muscle=upper-trapezius" in link
    # The answers come along; the session asks only what its own places add (the shoulder).
    carried = web.get(link.replace("/session?", "/session.json?")).json()
    bare = web.get("/session.json?muscle=upper-trapezius").json()
    left = [q["id"] for q in carried["gate"]["unanswered"]]
    assert len(left) < len(bare["gate"]["unanswered"])
    more = "&".join(f"answer={q}:no" for q in left)
    assert web.get(link.replace("/session?", "/session.json?") + "&" + more).json()["ready"]


def test_forms_need_their_token_and_bad_input_is_the_one_shape(
    web: TestClient, kb: KnowledgeBase
) -> None:
    pairs = [p for p in checklist(web, kb) if p[0] != "csrf_token"]
    forged = web.post(
        "/session", content=urlencode(pairs), headers={**FORM, "sec-fetch-site": "same-origin"}
    )
    assert forged.status_code == 403
    bad = web.get("/session.json?muscle=traps&side=up")
    assert bad.status_code == 422
    assert bad.json()["ok"] is False and "side must be left, right or both" in bad.text
    assert web.get("/session.json?muscle=traps&hold=0").status_code == 422
    assert web.get("/routines/nothing.ics").status_code == 404
    assert web.get("/maps/upper-trapezius/point-9.svg").status_code == 404
