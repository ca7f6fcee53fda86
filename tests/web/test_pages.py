"""Every page renders, and every page has a JSON twin built from the same data."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

PAGES = [
    "/",
    "/find",
    "/find?region=temple-right:6&text=also+my+jaw",
    "/check?text=pain+at+my+right+temple",
    "/results?text=pain+at+my+right+temple",
    "/muscles",
    "/muscles?q=scm",
    "/muscles/upper-trapezius",
    "/muscles/gluteus-minimus?caution=pregnancy",
    "/evidence",
    "/places",
    "/places/temple-left",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_and_has_a_json_twin(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "<h1>" in page.text
    base, _, query = path.partition("?")
    twin = client.get(
        f"{'' if base == '/' else base}{'/' if base == '/' else ''}.json"
        + (f"?{query}" if query else "")
    )
    assert twin.status_code == 200
    assert twin.headers["content-type"] == "application/json"
    assert twin.json()["ok"] is True


def test_the_find_page_offers_the_map_and_an_equivalent_list(client: TestClient) -> None:
    page = client.get("/find").text
    assert page.count('role="button"') == 253  # every region shape of both views
    assert page.count('name="region"') == 196  # every region in the list
    assert "YOUR RIGHT" in page
    assert "YOUR LEFT" in page


def test_the_results_page_shows_candidates_their_maps_and_the_press_test(
    client: TestClient,
) -> None:
    from tests.web.conftest import answered

    url = answered(client, "throbbing at my right temple")
    page = client.get(url).text
    assert "Press to check" in page
    assert page.count('class="candidate card"') == 5
    assert "/maps/" in page
    data = client.get(url.replace("/results", "/results.json")).json()
    assert data["gate"] == "ok"
    assert data["candidates"][0]["links"]["yes"].startswith("/results?")


def test_the_press_test_waits_for_the_safety_questions(client: TestClient) -> None:
    page = client.get("/results?text=throbbing+at+my+right+temple").text
    assert "Safety questions first" in page
    assert "Press to check" not in page and "data-press" not in page
    assert "to see where to press to check this muscle" in page


def test_a_muscle_page_holds_everything_the_knowledge_base_has(client: TestClient) -> None:
    data = client.get("/muscles/infraspinatus.json").json()["muscle"]
    page = client.get("/muscles/infraspinatus").text
    for tp in data["trigger_points"]:
        assert tp["palpation"][:40] in page
    for technique in data["self_treatment"]:
        assert technique["name"] in page
        assert technique["stop_if"][0][:30] in page
    for ref in data["references"]:
        assert f'id="ref-{ref["id"]}"' in page


def test_cautions_filter_the_techniques_and_say_why(client: TestClient) -> None:
    plain = client.get("/muscles/upper-trapezius.json").json()["muscle"]
    careful = client.get("/muscles/upper-trapezius.json?caution=pregnancy").json()["muscle"]
    assert all(t["status"] == "ok" for t in plain["self_treatment"])
    changed = [t for t in careful["self_treatment"] if t["status"] != "ok"]
    assert changed
    assert all(t["changes"][0]["reason"] for t in changed)


def test_cautions_said_in_the_words_follow_the_person_to_the_muscle_pages(
    client: TestClient,
) -> None:
    from tests.web.conftest import answered

    url = answered(client, "I'm pregnant; aching across the top of my right shoulder")
    page = client.get(url).text
    assert "Cautions you mentioned" in page
    assert "I am pregnant" in page
    data = client.get(url.replace("/results", "/results.json")).json()
    assert [c["id"] for c in data["understood"]["cautions"]] == ["pregnancy"]
    trapezius = next(c for c in data["candidates"] if c["muscle"]["id"] == "upper-trapezius")
    link = trapezius["links"]["page"]
    assert "caution=pregnancy" in link
    muscle = client.get(link.replace("/muscles/upper-trapezius", "/muscles/upper-trapezius.json"))
    assert any(t["status"] != "ok" for t in muscle.json()["muscle"]["self_treatment"])
    # A caution the person already chose is not added twice.
    again = client.get(url.replace("/results", "/results.json") + "&caution=pregnancy").json()
    assert again["candidates"][0]["links"]["page"].count("caution=pregnancy") == 1


def test_a_caution_that_rules_out_pressing_replaces_the_press_test(client: TestClient) -> None:
    from tests.web.conftest import answered

    url = answered(client, "a doctor suspects a clot in my right leg; my right calf aches")
    page = client.get(url).text
    assert "No press test here" in page
    assert "Press to check" not in page  # every candidate here lies on that leg
    assert "data-press" not in page


def test_places_named_with_a_past_treatment_are_shown_apart(client: TestClient) -> None:
    page = client.get("/results?text=my+neck+hurts+and+I+had+a+clot+in+my+right+leg").text
    shown = page[page.index("Named with a past treatment") :]
    shown = shown[: shown.index("</p>")]
    assert "Calf (right)" in shown and "Back of the neck" not in shown


def test_an_injury_said_as_long_ago_is_shown_as_set_aside(client: TestClient) -> None:
    query = "text=my+neck+hurts+since+a+car+crash+in+2009"
    for path in ("/check", "/results"):
        page = client.get(f"{path}?{query}").text
        shown = page[page.index("Said as in the past") :]
        assert "(you wrote “car crash”)" in shown[: shown.index("</div>")], path
        assert "Not understood: crash" not in page and "not understood: crash" not in page
    doc = client.get(f"/results.json?{query}").json()
    assert {f["id"] for f in doc["safety"]["set_aside"]} == {"major-trauma", "head-neck-trauma"}


def test_a_clot_said_in_the_leg_guards_the_leg_on_every_page_not_the_neck(
    client: TestClient,
) -> None:
    from tests.web.conftest import answered

    text = "my neck hurts and I had a clot in my right leg"
    check = client.get("/check.json?text=" + text.replace(" ", "+")).json()
    assert "hip-leg" in check["safety"]["areas"]  # the leg's questions (a clot) are asked
    clot = next(c for c in check["cautions"] if c["id"] == "known-or-suspected-clot")
    assert (clot["value"], clot["said"]) == ("known-or-suspected-clot:thigh-back,calf", True)
    query = answered(client, text).split("?", 1)[1]
    neck = client.get("/muscles/cervical-multifidi.json?" + query).json()["muscle"]
    calf = client.get("/muscles/soleus.json?" + query).json()["muscle"]
    assert neck["self_treatment"] and calf["self_treatment"]  # the gate is open
    assert not any(t["blocked"] for t in neck["self_treatment"])
    assert any(t["blocked"] for t in calf["self_treatment"])  # pressing the calf, not stretching


def test_how_to_find_a_trigger_point_is_withheld_where_pressing_is_not_safe(
    client: TestClient,
) -> None:
    plain = client.get("/muscles/gastrocnemius").text
    assert "How to find it:" in plain
    assert "Do not press here for now" not in plain
    clot = client.get("/muscles/gastrocnemius?caution=known-or-suspected-clot:calf").text
    assert "How to find it:" not in clot
    assert "Do not press here for now" in clot
    # The API says the same, and with a warning sign raised gives no technique either.
    api = client.get("/api/muscles/gastrocnemius?answer=deep-vein-thrombosis:yes").json()
    assert api["muscle"]["self_treatment"] == []
    assert all(tp["withheld_because"] for tp in api["muscle"]["trigger_points"])
    assert all(tp["palpation"] is None for tp in api["muscle"]["trigger_points"])
    sided = client.get("/api/muscles/soleus?caution=known-or-suspected-clot:calf-right")
    assert sided.status_code == 200
    assert all(tp["palpation"] is None for tp in sided.json()["muscle"]["trigger_points"])
    free = client.get("/api/muscles/gastrocnemius").json()["muscle"]
    assert free["self_treatment"]
    assert not any(tp["withheld_because"] for tp in free["trigger_points"])


def test_the_safety_questions_offer_the_cautions_with_the_marked_places_as_sites(
    client: TestClient,
) -> None:
    data = client.get("/check.json?region=calf-right:6&region=back-of-knee-right").json()
    by_id = {c["id"]: c for c in data["cautions"]}
    assert by_id["pregnancy"]["value"] == "pregnancy"
    assert by_id["recent-surgery-at-site"]["value"] == "recent-surgery-at-site:calf,back-of-knee"
    page = client.get("/check?region=calf-right:6").text
    assert 'name="caution" value="known-or-suspected-clot:calf"' in page
    kept = client.get("/check?region=calf-right:6&caution=varicose-veins:heel,calf").text
    assert 'value="varicose-veins:heel,calf" checked' in kept  # the sites chosen stay
    # A caution said in the words shows ticked (it counts anyway) and its words are understood.
    said = client.get("/check.json?text=I+take+warfarin%3B+ache+at+my+right+temple").json()
    thinners = next(c for c in said["cautions"] if c["id"].startswith("blood-thinners"))
    assert thinners["checked"] and thinners["said"]
    assert "warfarin" not in said["understood"]["not_understood"]
    assert "(you said so)" in client.get("/check?text=I+take+warfarin%3B+ache+at+my+temple").text


def test_the_screen_follows_the_person_from_the_results_to_the_muscle_pages(
    client: TestClient,
) -> None:
    from tests.web.conftest import answered

    def page_link(results: str, muscle: str) -> str:
        data = client.get(results.replace("/results", "/results.json", 1)).json()
        return next(c for c in data["candidates"] if c["muscle"]["id"] == muscle)["links"]["page"]

    def muscle_json(link: str) -> dict[str, object]:
        path, _, query = link.partition("?")
        return client.get(f"{path}.json?{query}").json()["muscle"]  # type: ignore[no-any-return]

    # A flag raised by the words ("not getting better after 6 weeks") holds on the muscle page.
    said = (
        "ache in the back of my neck and top of my right shoulder, not getting better after 6 weeks"
    )
    flagged = muscle_json(page_link(answered(client, said), "upper-trapezius"))
    assert flagged["gate_level"] == "soon" and flagged["self_treatment"] == []
    # Questions not yet answered: techniques wait there too.
    waiting = muscle_json(page_link("/results?region=calf-right:6", "soleus"))
    assert waiting["gate_level"] == "incomplete" and waiting["self_treatment"] == []
    # All answered no: everything, and links to related muscles keep the answers and cautions.
    link = page_link(answered(client, "my right calf aches"), "soleus")
    assert muscle_json(link)["self_treatment"]
    page = client.get(f"{link}&caution=known-or-suspected-clot:calf").text
    assert 'href="/muscles/gastrocnemius?' in page
    related = page.split('href="/muscles/gastrocnemius?', 1)[1].split('"', 1)[0]
    assert "a_" in related or "answer=" in related
    assert "known-or-suspected-clot" in related
    # Browsing, with no flow behind it, shows the reference with its notice.
    assert client.get("/muscles/soleus.json").json()["muscle"]["self_treatment"]


def test_changing_what_was_marked_keeps_the_cautions_and_ruled_out_muscles(
    client: TestClient,
) -> None:
    page = client.get(
        "/find?region=calf-right:6&caution=known-or-suspected-clot:calf&rule_out=plantaris"
    ).text
    assert '<input type="hidden" name="caution" value="known-or-suspected-clot:calf">' in page
    assert '<input type="hidden" name="rule_out" value="plantaris">' in page
    assert 'type="hidden" name="region"' not in page  # the map and list carry those


def test_a_muscle_page_reached_with_a_warning_sign_gives_its_instruction(
    client: TestClient,
) -> None:
    page = client.get(
        "/muscles/upper-trapezius", params={"text": "worst headache of my life came on suddenly"}
    ).text
    assert "Call your emergency number now" in page
    assert 'href="/check?' in page  # back to the questions, with what was said
    answered = client.get("/muscles/soleus?answer=deep-vein-thrombosis:yes").text
    assert "Please be seen by a doctor today" in answered
    assert 'href="/check?' not in answered  # nothing to check without a place: to /find


def test_typos_read_as_body_words_are_shown_and_safety_words_are_not_misread(
    client: TestClient,
) -> None:
    page = client.get("/check", params={"text": "my rigth shouldr aches"}).text
    assert "Read as a typo:" in page and "“shouldr” as “shoulder”" in page
    said = client.get(
        "/results.json", params={"text": "I'm losing weight without trying and sweat at night"}
    ).json()
    assert said["understood"]["corrections"] == []  # not "sweat" as "seat"
    assert said["safety"]["level"] == "soon"


def test_third_review_fixes_hold(client: TestClient) -> None:
    # A question answered twice keeps its "yes".
    twice = client.get("/results.json?region=calf-right:5&answer=fever:yes&answer=fever:no")
    assert twice.json()["safety"]["level"] != "none"
    # A bad value in the query of a muscle page is a 422 with no self-linking suggestion.
    bad = client.get("/muscles/soleus?region=calf-right:5&rule_out=solues")
    assert bad.status_code == 422
    assert 'href="/muscles/soleus?' not in bad.text
    # Answers with no place: the questions for everyone must all be answered first.
    some = client.get("/muscles/soleus.json?answer=fever:no").json()["muscle"]
    assert some["gate_level"] == "incomplete" and some["self_treatment"] == []
    # A misspelled caution or flag counts once the finder has read it.
    typo = client.post("/api/find", json={"text": "sore calf, I am pregnat"}).json()
    assert [c["id"] for c in typo["understood"]["cautions"]] == ["pregnancy"]
    cancer = client.get("/check.json", params={"text": "sore right calf, I had cancr"}).json()
    assert "cancer-history" in {f["id"] for f in cancer["safety"]["flags"]}
    # Pregnancy withholds a press test that asks to lie face down.
    soleus = client.get("/api/muscles/soleus?caution=pregnancy").json()["muscle"]
    face_down = [tp for tp in soleus["trigger_points"] if tp["withheld_because"]]
    assert face_down and all("face down" in tp["withheld_because"] for tp in face_down)


def test_muscle_search_finds_aliases_and_suggests(client: TestClient) -> None:
    assert client.get("/muscles.json?q=SCM").json()["count"] == 2
    near = client.get("/muscles.json?q=infraspinatis").json()
    assert near["areas"][0]["muscles"][0]["id"] == "infraspinatus"


def test_a_group_name_leads_to_its_parts(client: TestClient) -> None:
    response = client.get("/muscles/SCM", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/muscles?q=SCM"
    assert client.get("/muscles/nothing-like-this").status_code == 404


def test_the_results_list_more_muscles_on_request(client: TestClient) -> None:
    query = "region=temple-right&region=back-of-neck-right"
    first = client.get(f"/results.json?{query}").json()
    considered = first["model"]["candidates_considered"]
    assert len(first["candidates"]) == 5 < considered
    page = client.get(f"/results?{query}").text
    assert "Show 5 more muscles" in page
    more = first["more"]["href"]
    assert more.endswith("#rank-6") and "limit=10" in more
    second = client.get(more.split("#")[0].replace("/results", "/results.json")).json()
    assert len(second["candidates"]) == min(10, considered)
    assert [c["muscle"]["id"] for c in second["candidates"][:5]] == [
        c["muscle"]["id"] for c in first["candidates"]
    ]
    assert "limit=10" in second["candidates"][0]["links"]["yes"]  # the press test keeps it
    everything = client.get(f"/results.json?{query}&limit={considered}").json()
    assert everything["more"] is None


@pytest.mark.parametrize("limit", ["0", "abc", "101", "-3", "2.5"])
def test_a_bad_limit_is_refused(client: TestClient, limit: str) -> None:
    response = client.get(f"/results.json?region=temple-right&limit={limit}")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"


def test_a_place_read_as_an_assumption_is_shown_as_one(client: TestClient) -> None:
    page = client.get("/check?text=my+jaw+clicks").text
    assert 'Jaw (side not given) <span class="small">(assumed)</span>' in page
    named = client.get("/check?text=my+jaw+aches").text
    assert "(assumed)" not in named
