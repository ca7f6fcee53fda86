"""Ranking, explanations, the smallest explaining set and the press test (fixture muscles:
alpha refers to the temple, beta to the heel, both spill over to the side of the neck)."""

from __future__ import annotations

from typing import Any

import pytest

from knotwork.core.errors import InvalidInput, NothingUnderstood, UnknownRegion
from knotwork.core.finder import FinderIndex, Mark, Query, find


def ids(doc: dict[str, Any]) -> list[str]:
    return [c["muscle"]["id"] for c in doc["candidates"]]


def test_the_muscle_whose_pattern_matches_ranks_first(tiny: FinderIndex) -> None:
    doc = find(tiny, Query(marks=(Mark("temple-right", 6), Mark("side-of-neck-right"))))
    assert ids(doc) == ["alpha-muscle", "beta-muscle"]
    top = doc["candidates"][0]
    assert top["side"] == "right"
    assert top["score"] > 0.9
    kinds = {e["region"]: e["kind"] for e in top["explanation"]["explains"]}
    assert kinds == {"temple-right": "essential", "side-of-neck-right": "spillover"}
    assert top["explanation"]["trigger_points"][0]["site"] == ["top-of-shoulder-right"]


def test_scores_sum_to_one_and_are_ordered(tiny: FinderIndex) -> None:
    doc = find(tiny, Query(marks=(Mark("side-of-neck-left"),)))
    scores = [c["score"] for c in doc["candidates"]]
    assert scores == sorted(scores, reverse=True)
    assert abs(sum(scores) - 1) < 0.01


def test_unexplained_and_predicted_zones_are_listed(tiny: FinderIndex) -> None:
    doc = find(tiny, Query(marks=(Mark("heel-left"), Mark("temple-left"))))
    beta = next(c for c in doc["candidates"] if c["muscle"]["id"] == "beta-muscle")
    assert [u["region"] for u in beta["explanation"]["not_explained"]] == ["temple-left"]
    assert [p["region"] for p in beta["explanation"]["predicted_not_marked"]] == [
        "side-of-neck-left"
    ]


def test_two_sources_are_found_as_the_smallest_explaining_set(tiny: FinderIndex) -> None:
    doc = find(tiny, Query(marks=(Mark("heel-left"), Mark("temple-left"))))
    cover = doc["explains_all"]
    assert cover["complete"]
    assert sorted(m["muscle"]["id"] for m in cover["muscles"]) == ["alpha-muscle", "beta-muscle"]
    assert sorted(r["region"] for m in cover["muscles"] for r in m["adds"]) == [
        "heel-left",
        "temple-left",
    ]


def test_one_muscle_suffices_when_it_explains_everything(tiny: FinderIndex) -> None:
    doc = find(tiny, Query(marks=(Mark("temple-right"), Mark("side-of-neck-right"))))
    assert [m["muscle"]["id"] for m in doc["explains_all"]["muscles"]] == ["alpha-muscle"]


def test_pain_on_both_sides_is_explained_by_both_sides(tiny: FinderIndex) -> None:
    doc = find(tiny, Query(text="both temples"))
    assert doc["candidates"][0]["side"] == "both"


def test_a_yes_press_test_reranks_and_a_no_demotes(tiny: FinderIndex) -> None:
    marks = (Mark("side-of-neck-right"),)
    first = find(tiny, Query(marks=marks))
    answered = {q["id"]: False for q in first["safety"]["unanswered"]}
    before = ids(first)
    favoured = before[1]
    after = find(tiny, Query(marks=marks, answers=answered, press={favoured: "yes"}))
    assert ids(after)[0] == favoured
    assert after["candidates"][0]["explanation"]["press_answer"] == "yes"
    demoted = find(tiny, Query(marks=marks, answers=answered, press={before[0]: "no"}))
    assert ids(demoted)[0] == favoured
    # Before the questions are answered no press test is offered, and an answer does not count.
    early = find(tiny, Query(marks=marks, press={favoured: "yes"}))
    assert ids(early) == before
    assert all(c["explanation"]["press_answer"] is None for c in early["candidates"])


def test_rule_out_removes_a_muscle(tiny: FinderIndex) -> None:
    doc = find(tiny, Query(marks=(Mark("side-of-neck-right"),), rule_out=("alpha-muscle",)))
    assert ids(doc) == ["beta-muscle"]
    assert doc["ruled_out"] == [{"id": "alpha-muscle", "name": "Alpha muscle"}]


def test_symptoms_and_context_are_further_evidence(tiny: FinderIndex) -> None:
    plain = find(tiny, Query(marks=(Mark("side-of-neck-right"),)))
    told = find(tiny, Query(marks=(Mark("side-of-neck-right"),), text="I work at a desk"))
    alpha = {
        d: next(c for c in doc["candidates"] if c["muscle"]["id"] == "alpha-muscle")
        for d, doc in (("plain", plain), ("told", told))
    }
    assert alpha["told"]["log_odds"] > alpha["plain"]["log_odds"]
    assert alpha["told"]["explanation"]["context_matched"] == ["desk-work"]


def test_intensity_and_the_main_area_weigh_more(tiny: FinderIndex) -> None:
    light = find(tiny, Query(marks=(Mark("temple-right", 1), Mark("heel-right", 9, True))))
    assert ids(light)[0] == "beta-muscle"


def test_bad_input_is_refused_with_suggestions(tiny: FinderIndex) -> None:
    with pytest.raises(UnknownRegion) as caught:
        find(tiny, Query(marks=(Mark("templ-right"),)))
    assert caught.value.suggestions == ["temple-right"]
    with pytest.raises(InvalidInput, match="must be 0 to 10"):
        find(tiny, Query(marks=(Mark("temple-right", 11),)))
    with pytest.raises(InvalidInput, match="Only one region"):
        find(tiny, Query(marks=(Mark("temple-right", 3, True), Mark("heel-left", 3, True))))


def test_text_without_a_place_says_what_was_understood(tiny: FinderIndex) -> None:
    with pytest.raises(NothingUnderstood) as caught:
        find(tiny, Query(text="I feel dizzy when I work at my desk"))
    message = caught.value.message
    assert message.startswith("No body location was recognised in the text.")
    assert "Dizziness" in message
    assert "Desk or computer work" in message
    assert "for example" in message


def test_the_summary_reads_as_a_sentence_whatever_the_kinds_explained() -> None:
    from knotwork.core.finder.report import summary

    def said(essential: list[str], spill: list[str], local: list[str], mode: str) -> str:
        kinds = {"essential": essential, "spillover": spill, "local": local}
        return summary(kinds, "common", mode)

    assert said([], ["your right temple"], [], "drawing").startswith(
        "Its trigger points sometimes refer pain to your right temple."
    )
    assert said(["your jaw"], ["your ear", "your cheek"], [], "drawing").startswith(
        "Its trigger points typically refer pain to your jaw and sometimes to your ear and "
        "your cheek."
    )
    assert "where you said it hurts" in said([], [], ["your calf"], "text")
    assert "where you marked pain" in said([], [], ["your calf"], "drawing")


def test_places_are_named_as_a_sentence_needs_them() -> None:
    from knotwork.core.finder.patterns import your_phrase
    from knotwork.core.kb import load_kb

    kb = load_kb()
    assert your_phrase(kb, "temple-right") == "your right temple"
    assert your_phrase(kb, "behind-ear-right") == "the area behind your right ear"
    assert your_phrase(kb, "back-of-knee-left") == "the back of your left knee"
    assert your_phrase(kb, "side-of-neck-left") == "the left side of your neck"
    assert your_phrase(kb, "back-of-knee") == "the back of your knee"  # no side given
    for region in kb.atlas:  # no "your right behind ..." anywhere
        assert not your_phrase(kb, region.id).startswith(("your left the", "your right the"))
        phrase = your_phrase(kb, region.id)
        assert not any(
            f"your {s} {p}" in phrase
            for s in ("left", "right")
            for p in ("behind", "between", "above", "around", "inside the", "where")
        )


def test_a_place_named_with_a_clot_is_its_site_and_screened_not_ranked() -> None:
    from knotwork.core.finder import load_index

    index = load_index()
    doc = find(index, Query(text="my neck hurts and I had a clot in my right leg last year"))
    understood = doc["understood"]
    assert [r["id"] for r in understood["regions"]] == ["back-of-neck"]
    assert [p["id"] for a in understood["history"] for p in a["places"]] == [
        "thigh-back-right",
        "calf-right",
    ]
    assert [c["as_caution"] for c in understood["cautions"]] == [
        "known-or-suspected-clot:thigh-back,calf"
    ]
    # The leg is not ranked as pain, but its red-flag questions (a clot: DVT) are asked.
    assert doc["candidates"][0]["muscle"]["area"] == "head-neck"
    assert "hip-leg" in doc["safety"]["areas"]


def test_a_place_marked_twice_counts_once_as_its_stronger_mark(tiny: FinderIndex) -> None:
    def region(*marks: Mark) -> dict[str, Any]:
        doc = find(tiny, Query(marks=marks))
        return dict(doc["understood"]["regions"][0])

    twice = region(Mark("temple-right", 9), Mark("temple-right", 2))
    assert (twice["intensity"], twice["weight"]) == (9, 1.4)
    assert region(Mark("temple-right", 2), Mark("temple-right", 9)) == twice  # in any order


def test_places_read_as_assumptions_are_marked_so(tiny: FinderIndex) -> None:
    def regions(text: str) -> dict[str, bool]:
        doc = find(tiny, Query(text=text))
        return {r["id"]: r["assumed"] for r in doc["understood"]["regions"]}

    assert regions("my jaw clicks") == {"jaw": True}
    assert regions("pain at my right temple") == {"temple-right": False}
    # Named as well as assumed: named wins.
    assert regions("my jaw clicks and my jaw aches") == {"jaw": False}


def test_a_place_said_without_its_side_is_marked_side_assumed() -> None:
    from knotwork.core.finder import load_index

    index = load_index()
    doc = find(index, Query(text="my knee aches and I'm 68"))
    said = doc["understood"]["from_text"]
    assert said and all(p["side_assumed"] for p in said)
    assert doc["understood"]["person"]["age"] == 68
    sided = find(index, Query(text="my right knee aches"))["understood"]["from_text"]
    assert sided and not any(p["side_assumed"] for p in sided)
