"""The pages read well to a person: labels and words, never ids, slugs or raw figures
(issue 18, "Pages")."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.present import EVIDENCE_TEXT


def test_the_home_page_title_does_not_repeat_the_name(client: TestClient) -> None:
    title = re.search(r"<title>(.*?)</title>", client.get("/").text)
    assert title and title.group(1).count("Knotwork") == 1
    other = re.search(r"<title>(.*?)</title>", client.get("/muscles").text)
    assert other and other.group(1) == "Muscles · Knotwork"


def test_doses_read_as_sentences(client: TestClient, kb: KnowledgeBase) -> None:
    once = [
        m.id
        for m in kb
        if any(
            t.dose.repetitions.max == 1 or t.dose.times_per_day.max == 1 for t in m.self_treatment
        )
    ]
    assert once  # the knowledge base has doses of one, the case that read "1 times"
    for muscle in once[:8]:
        page = client.get(f"/muscles/{muscle}").text
        assert "1 times" not in page and "session(s)" not in page
        assert not re.search(r">(\d+) sessions? a day, no more than \1<", page), muscle


def test_references_are_cited_by_author_and_year_with_links(
    client: TestClient, kb: KnowledgeBase
) -> None:
    page = client.get("/muscles/soleus").text
    data = client.get("/muscles/soleus.json").json()["muscle"]
    assert not re.search(r"\[[a-z]+-[a-z-]*\d{4}", page)  # no "[simons-travell-1999]"
    assert '<a href="#ref-travell-simons-1992">Travell and Simons 1992</a>' in page
    with_doi = [r for r in data["references"] if r["doi"]]
    assert with_doi
    for ref in with_doi:
        assert f'<a href="https://doi.org/{ref["doi"]}"' in page
    for ref in kb.references.values():
        assert ".." not in ref.formatted(), ref.id  # "2nd ed.. Williams"
        assert "?." not in ref.formatted(), ref.id
        assert ref.short() and not ref.short().startswith(("(", "with "))


def test_short_citations_name_people_and_bodies() -> None:
    from knotwork.core.kb.model import Reference

    def ref(authors: str) -> Reference:
        return Reference("x", "book", authors, 2001, "T")

    assert ref("Simons DG, Travell JG, Simons LS").short() == "Simons et al. 2001"
    assert ref("Travell JG, Simons DG").short() == "Travell and Simons 2001"
    assert ref("Gerwin RD").short() == "Gerwin 2001"
    assert ref("Childers MK, et al. (co-authors not seen)").short() == "Childers et al. 2001"
    assert ref("National Institute for Health and Care Excellence (NICE)").short() == "NICE 2001"
    assert ref("Patient.info (named author not seen)").short() == "Patient.info 2001"


def test_evidence_grades_are_words(client: TestClient) -> None:
    page = client.get("/evidence").text
    for grade in EVIDENCE_TEXT:
        assert f"<dt>{grade}</dt>" not in page or " " in grade
    assert "<dt>Low to moderate</dt>" in page


def test_results_say_the_fit_in_words_and_what_was_said_by_label(client: TestClient) -> None:
    query = "region=top-of-shoulder-right:6&context=desk-work&context=prolonged-sitting"
    page = client.get(f"/results?{query}").text
    assert "% of the evidence" not in page
    assert "Strong fit" in page or "Good fit" in page
    said = re.findall(r"Fits what you said about: ([^<]*)\.</p>", page)
    assert said
    for line in said:
        assert "-" not in line  # "desk-work", "prolonged-sitting" were ids
    assert any("desk or computer work" in line for line in said)


def test_results_and_muscle_pages_offer_print(client: TestClient) -> None:
    for path in ("/results?text=pain+at+my+right+temple", "/muscles/soleus"):
        page = client.get(path).text
        assert "data-print" in page and "/static/js/print.js" in page
        assert 'class="print-row" hidden' in page  # shown by the script; the menu prints too
    css = client.get("/static/app.css").text
    assert "@media print" in css and ".print-row" in css


def test_the_stop_marker_and_hidden_controls_need_no_emoji_or_script(client: TestClient) -> None:
    css = client.get("/static/app.css").text
    assert not re.search(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]", css)  # no emoji
    assert "[hidden] { display: none !important; }" in css  # tabs and print stay hidden
    page = client.get("/find").text
    assert '<div class="view-tabs" role="group" aria-label="Show" hidden>' in page


def test_misspellings_find_a_muscle_but_are_never_shown_as_names(
    client: TestClient, kb: KnowledgeBase
) -> None:
    assert kb.muscle("trapezuis").id == "upper-trapezius"
    assert kb.muscle("solius").id == "soleus"
    for muscle, wrong in (("upper-trapezius", "trapezuis"), ("masseter", "massetter")):
        page = client.get(f"/muscles/{muscle}").text
        assert wrong not in page
        assert wrong not in client.get(f"/muscles/{muscle}.json").text
    assert "solius" not in client.get("/muscles/soleus").text
    assert "solius" not in client.get("/muscles").text
    found = client.get("/muscles.json?q=solius").json()
    assert [m["id"] for a in found["areas"] for m in a["muscles"]] == ["soleus"]
    misspelt = [w for m in kb for w in m.misspellings]
    assert len(misspelt) > 100  # the data marks them, muscle by muscle
    assert not {w for m in kb for w in m.misspellings} & {a for m in kb for a in m.aliases}


def test_a_muscle_page_reached_from_the_results_leads_back(client: TestClient) -> None:
    from tests.web.conftest import answered

    url = answered(client, "throbbing at my right temple")
    data = client.get(url.replace("/results", "/results.json")).json()
    link = data["candidates"][0]["links"]["page"]
    muscle = data["candidates"][0]["muscle"]["id"]
    assert "from=" in link
    page = client.get(link).text
    back = re.search(r'<p class="back"><a href="([^"]+)">← Back to your results</a>', page)
    assert back
    target = back.group(1).replace("&amp;", "&")
    assert target.startswith("/results?") and target.endswith(f"#c-{muscle}")
    assert client.get(target).status_code == 200
    # The way back survives "Update techniques" and a related muscle's link.
    assert 'name="from"' in page
    assert re.search(r'href="/muscles/[a-z-]+\?[^"]*from=', page)


def test_a_muscle_page_reached_from_a_place_leads_back(client: TestClient) -> None:
    doc = client.get("/places/heel-right.json").json()
    link = doc["groups"][0]["muscles"][0]["links"]["page"]
    page = client.get(link).text
    assert "← Back to the muscles for this place</a>" in page
    assert 'href="/places/heel-right' in page


def test_the_way_back_goes_nowhere_else(client: TestClient) -> None:
    for bad in (
        "//evil.example/results",
        "https://evil.example/results",
        "/\\evil.example/results",
        "/results\t//evil.example",
        "javascript:alert(1)",
        "/diary",
        "results",
    ):
        page = client.get("/muscles/soleus", params={"from": bad}).text
        assert 'class="back"' not in page, bad
        hrefs = re.findall(r'href="([^"]*)"', page)
        assert not [h for h in hrefs if "evil" in h and not h.startswith("/muscles/soleus.json?")]


def test_words_that_name_no_place_return_to_find_with_them_kept(client: TestClient) -> None:
    for path in ("/check", "/results"):
        page = client.get(path, params={"text": "it hurts all over", "context": "desk-work"})
        assert page.status_code == 200, path
        assert "<h1>Where does it hurt?</h1>" in page.text
        assert ">it hurts all over</textarea>" in page.text
        assert 'value="desk-work" checked' in page.text
        assert "We could not tell where it hurts" in page.text
        assert "please see a doctor" in page.text  # said to hurt all over
    empty = client.get("/check", params={"text": ""})
    assert empty.status_code == 200 and "Tell us where it hurts" in empty.text
    twin = client.get("/check.json", params={"text": "it hurts all over"})
    assert twin.status_code == 422
    assert twin.json()["error"]["code"] == "nothing_understood"


def test_an_emergency_says_its_instruction_once_with_numbers_to_call(client: TestClient) -> None:
    text = "crushing chest pain spreading to my left arm and I fear for my life"
    page = client.get("/check", params={"text": text}).text
    assert page.count("Call your emergency number now") == 1
    assert '<a class="tel" href="tel:999">999</a>' in page
    assert '<a class="tel" href="tel:112">112</a>' in page
    assert "not understood" not in page.lower()


def test_phone_links_escape_the_text_around_them() -> None:
    from knotwork.adapters.web.respond import phone_links

    assert str(phone_links("Call 999 <now>")) == (
        'Call <a class="tel" href="tel:999">999</a> &lt;now&gt;'
    )
    assert "tel:" not in str(phone_links("within 1999 or 9112 or 1.112"))


def test_referral_maps_come_one_view_at_a_time_with_their_shape(client: TestClient) -> None:
    data = client.get("/results.json?text=my+heel+hurts").json()
    for c in data["candidates"]:
        assert c["maps"]
        for v in c["maps"]:
            svg = client.get(v["src"])
            assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg")
            box = re.search(r'viewBox="([^"]+)"', svg.text)
            assert box
            _, _, w, h = (float(n) for n in box.group(1).split())
            assert v["height"] / v["width"] == pytest.approx(h / w, rel=0.01)
    page = client.get("/muscles/soleus").text
    assert re.search(
        r'<a href="/maps/soleus\.svg\?side=right&amp;view=back[^"]*"><img class="refmap"', page
    )
    assert client.get("/maps/soleus.svg?view=side").status_code == 422


def test_the_results_page_reserves_each_maps_shape(client: TestClient) -> None:
    page = client.get("/results?text=my+heel+hurts").text
    imgs = re.findall(r'<img class="refmap" src="([^"]+)"[^>]*width="(\d+)" height="(\d+)"', page)
    assert imgs
    assert all("view=" in src for src, _, _ in imgs)
    assert {w for _, w, _ in imgs} == {"300"}


def test_two_references_cited_alike_on_one_page_get_letters(kb: KnowledgeBase) -> None:
    from knotwork.core.kb.present import reference_list

    refs = reference_list(kb, ["bron-2011", "bron-2011-prevalence", "simons-travell-1999"])
    assert [r["short"] for r in refs] == [
        "Bron et al. 2011a",
        "Bron et al. 2011b",
        "Simons et al. 1999",
    ]


def test_a_side_guessed_for_a_place_is_marked_as_assumed(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader flags a side it guessed (``side_assumed``: "my right temple and my neck"
    gives the neck the right side); the pages and the CLI say so."""
    from knotwork.adapters.cli import find_cmd
    from knotwork.adapters.web import views
    from knotwork.core.finder import engine

    def flagged(find: object) -> object:
        def wrapper(*args: object, **kwargs: object) -> dict[str, object]:
            doc = find(*args, **kwargs)  # type: ignore[operator]
            for region in doc["understood"]["regions"]:
                region["side_assumed"] = region["id"].startswith("back-of-neck")
            return doc  # type: ignore[no-any-return]

        return wrapper

    monkeypatch.setattr(views, "find", flagged(engine.find))
    page = client.get("/results?text=my+right+temple+and+my+neck").text
    assert 'Back of the neck (right) <span class="small">(side assumed)</span>' in page
    assert "Temple (right)</span>" in page  # its side was said
    doc = views.find(client.app.state.knotwork.index, _query("my right temple and my neck"))  # type: ignore[attr-defined]
    line = next(x for x in find_cmd.render(doc).splitlines() if x.startswith("Understood:"))
    assert "Back of the neck (right) (side assumed)" in line and "Temple (right)," in line


def _query(text: str) -> object:
    from knotwork.core.finder.query import Query

    return Query(text=text)
