"""The pages read well to a person: labels and words, never ids, slugs or raw figures
(issue 18, "Pages")."""

from __future__ import annotations

import re

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
