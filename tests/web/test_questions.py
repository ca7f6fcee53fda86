"""The safety questions on the web: grouped tick boxes with "None of these", counts, answers by
group, the JSON twins and the API (core/safety/questions.py, forms.grouped_answers)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode

import pytest
from fastapi.testclient import TestClient

TEMPLE = [("region", "temple-right:6"), ("region", "back-of-neck-right:5")]


def none_to_all(client: TestClient, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """What the form sends with "None of these" ticked in every group."""
    asking = client.get("/check.json?" + urlencode(pairs)).json()["asking"]
    return [
        *pairs,
        *(("group", f"{g['id']}:{g['shown']}") for g in asking["groups"] if g["shown"]),
        *(("none", g["id"]) for g in asking["groups"] if g["shown"]),
    ]


def test_the_check_page_groups_the_questions_with_none_of_these(client: TestClient) -> None:
    page = client.get("/check?" + urlencode(TEMPLE)).text
    asking = client.get("/check.json?" + urlencode(TEMPLE)).json()["asking"]
    n = len(asking["groups"])
    assert n >= 5 and asking["groups_left"] == n
    assert f"{n} groups left" in page
    assert page.count('<fieldset class="qgroup"') == n
    assert page.count('name="none"') == n
    assert page.count("<strong>None of these</strong>") == n
    assert page.count('name="tick"') + page.count('name="stem"') == asking["items"]
    # One condition a box: a lay title per group, the bundled question split into parts.
    assert '<legend><span class="h3">Numbness, weakness or control</span>' in page
    assert 'value="stroke-signs:2"' in page
    # A sign two flags share is one box that answers both.
    assert 'value="stroke-signs+headache-neuro-signs:3"' in page
    assert page.count("Slurred or muddled speech") == 1
    assert 'type="radio"' not in page


def test_none_of_these_everywhere_completes_the_screen(client: TestClient) -> None:
    answered = none_to_all(client, TEMPLE)
    doc = client.get("/results.json?" + urlencode(answered)).json()
    assert doc["safety"]["screening_complete"] and doc["safety"]["self_treatment"]
    asking = client.get("/check.json?" + urlencode(answered)).json()["asking"]
    assert (asking["groups_left"], asking["items_left"]) == (0, 0)
    page = client.get("/check?" + urlencode(answered)).text
    assert "Every group answered" in page
    assert page.count('name="none" value=') == page.count(" checked> <strong>None of these")


def test_a_blank_group_stays_unanswered_and_holds_self_treatment(client: TestClient) -> None:
    answered = none_to_all(client, TEMPLE)
    # Leave the first group blank: its flags are not answered, so nothing is shown to press.
    first = next(v for k, v in answered if k == "none")
    partial = [(k, v) for k, v in answered if (k, v) != ("none", first)]
    doc = client.get("/results.json?" + urlencode(partial)).json()["safety"]
    assert doc["screening_complete"] is False and doc["self_treatment"] is False
    assert "1 group of questions left." in client.get("/results?" + urlencode(partial)).text
    left = client.get("/check?" + urlencode(partial)).text
    assert "1 group left" in left


def test_a_tick_answers_its_flag_yes_and_the_rest_of_its_group_no(client: TestClient) -> None:
    answered = [*none_to_all(client, TEMPLE), ("tick", "headache-pattern:4")]
    doc = client.get("/results.json?" + urlencode(answered)).json()["safety"]
    assert [f["id"] for f in doc["flags"]] == ["headache-pattern"]
    assert doc["level"] == "soon"
    answers = {a["id"]: a["answer"] for a in doc["answered"]}
    assert answers["thunderclap-headache"] == "no"
    # The check page shows the box ticked, and "None of these" there does not undo it.
    page = client.get("/check?" + urlencode(answered)).text
    assert 'value="headache-pattern:4" checked' in page


def test_the_ticks_go_on_as_answers_to_the_next_page(client: TestClient) -> None:
    answered = [*none_to_all(client, TEMPLE), ("tick", "headache-pattern:4")]
    results = client.get("/results?" + urlencode(answered)).text
    check_link = re.search(r'href="(/check\?[^"]+)"', results)
    assert check_link
    link = check_link.group(1).replace("&amp;", "&")
    assert "answer=headache-pattern%3Ayes" in link and "tick=" not in link
    doc = client.get(link.replace("/check?", "/check.json?")).json()
    assert doc["asking"]["groups_left"] == 0


def test_a_flag_raised_by_the_words_is_shown_raised_not_asked(client: TestClient) -> None:
    pairs = [
        ("region", "low-back-right:5"),
        ("text", "my back aches and I have lost weight without trying"),
    ]
    page = client.get("/check?" + urlencode(pairs)).text
    asking = client.get("/check.json?" + urlencode(pairs)).json()["asking"]
    raised = [f for g in asking["groups"] for f in g["flags"] if f["state"] == "raised"]
    assert [f["id"] for f in raised] == ["weight-loss-night-sweats"]
    assert "Already noted from your words" in page
    assert 'value="weight-loss-night-sweats:' not in page


def test_a_stated_age_leaves_out_the_over_50_questions(client: TestClient) -> None:
    young = client.get("/check.json?" + urlencode([*TEMPLE, ("text", "I'm 34")])).json()
    old = client.get("/check.json?" + urlencode([*TEMPLE, ("text", "I'm 64")])).json()
    ids = [{f["id"] for g in d["asking"]["groups"] for f in g["flags"]} for d in (young, old)]
    assert ids[1] - ids[0] == {"giant-cell-arteritis", "headache-new-after-50"}


@pytest.mark.parametrize(
    ("key", "value"),
    [("tick", "fever"), ("tick", "fever:x"), ("group", "no flags here"), ("tick", "not-a-flag:1")],
)
def test_a_malformed_or_unknown_group_answer_is_refused(
    client: TestClient, key: str, value: str
) -> None:
    r = client.get("/check.json?" + urlencode([*TEMPLE, (key, value)]))
    assert 400 <= r.status_code < 500
    assert r.json()["error"]["code"]


def test_the_api_returns_the_groups_and_counts(client: TestClient) -> None:
    body = {"regions": ["temple-right", "back-of-neck-right"], "text": "temple headache"}
    doc = client.post("/api/screen", json=body).json()
    q = doc["questions"]
    assert q["groups_left"] == len(q["groups"]) > 0
    boxes = [len(f["parts"]) for g in q["groups"] for f in g["flags"]]
    assert q["items_left"] == sum(boxes) + sum(len(g["stems"]) for g in q["groups"])
    regions = [{"id": r} for r in body["regions"]]
    found = client.post("/api/find", json={**body, "regions": regions}).json()
    assert found["safety"]["questions"] == q


def test_the_place_page_asks_by_groups(client: TestClient) -> None:
    page = client.get("/places/heel-right").text
    assert 'class="qgroup"' in page and "None of these" in page
    asking = client.get("/places/heel-right.json").json()["asking"]
    answered = [
        *(("group", f"{g['id']}:{g['shown']}") for g in asking["groups"]),
        *(("none", g["id"]) for g in asking["groups"]),
    ]
    after = client.get("/places/heel-right?" + urlencode(answered)).text
    assert "Press to check" in after


def test_a_ticked_stem_brings_its_questions_next(client: TestClient) -> None:
    pairs = [("region", "temple-right:6")]
    answered = [*none_to_all(client, pairs)]
    # Tick "You are pregnant or might be" instead of "None of these" in that group.
    answered = [(k, v) for k, v in answered if (k, v) != ("none", "pregnancy")]
    answered.append(("stem", "pregnant"))
    doc = client.get("/results.json?" + urlencode(answered)).json()["safety"]
    assert doc["screening_complete"] is False
    left = [u["id"] for u in doc["unanswered"]]
    assert set(left) == {"pre-eclampsia", "headache-pregnancy"}
    # The check page, from the results' link, now asks them.
    results = client.get("/results?" + urlencode(answered)).text
    check = re.search(r'href="(/check\?[^"]+)"', results)
    assert check
    link = check.group(1).replace("&amp;", "&")
    assert "stem=pregnant" in link
    page = client.get(link).text
    assert "1 group left" in page
    assert 'value="pre-eclampsia:1"' in page and 'name="stem" value="pregnant" checked' in page
    # Answered there with "None of these": complete.
    again = client.get(link.replace("/check?", "/check.json?")).json()["asking"]
    group = next(g for g in again["groups"] if g["id"] == "pregnancy")
    final = [*parse_qsl(link.split("?", 1)[1]), ("group", f"pregnancy:{group['shown']}")]
    final.append(("none", "pregnancy"))
    done = client.get("/results.json?" + urlencode(final)).json()["safety"]
    assert done["screening_complete"] is True


def test_at_soon_a_ticked_stems_questions_are_still_asked_for(client: TestClient) -> None:
    """A "soon" sign ticked with a stem: the results still send the person back to the
    questions behind the stem (an urgent sign may be among them)."""
    pairs = [("region", "temple-right:6")]
    answered = [(k, v) for k, v in none_to_all(client, pairs) if (k, v) != ("none", "pregnancy")]
    answered += [("stem", "pregnant"), ("tick", "night-pain:1")]
    doc = client.get("/results.json?" + urlencode(answered)).json()
    assert doc["safety"]["level"] == "soon" and not doc["safety"]["screening_complete"]
    page = client.get("/results?" + urlencode(answered)).text
    assert "Some safety questions are still unanswered" in page
    assert "Answer the rest of the safety questions" in page


def test_a_place_marked_with_a_side_and_said_without_one_is_shown_once(
    client: TestClient,
) -> None:
    """The map gives the right temple and the words say "temple": one chip, with its side,
    not a second one "side not given" beside it."""
    pairs = [("region", "temple-right:6"), ("text", "temple headache with a stiff neck")]
    regions = client.get("/check.json?" + urlencode(pairs)).json()["understood"]["regions"]
    temples = [r for r in regions if r["label"].startswith("Temple")]
    assert [(r["label"], r["side"]) for r in temples] == [("Temple (right)", "right")]
    # The neck was said without a side and not marked: both sides, and said so.
    assert any(r["side"] == "unspecified" and r["side_assumed"] for r in regions)
