"""Browse by place (fixture muscles: alpha refers to the temple, beta to the heel, both spill
over to the side of the neck, and both have their trigger point on top of the shoulder)."""

from __future__ import annotations

from typing import Any

import pytest

from knotwork.core.errors import UnknownRegion
from knotwork.core.finder import FinderIndex, Mark, Query, find
from knotwork.core.finder.places import place_document
from knotwork.core.safety.screen import ANSWER_FIRST, RED_FLAG_HOLD


def listed(doc: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    return {
        g["kind"]: [(m["muscle"]["id"], m["side"]) for m in g["muscles"]] for g in doc["groups"]
    }


def all_no(tiny: FinderIndex, region: str) -> dict[str, bool]:
    unanswered = place_document(tiny, region)["safety"]["unanswered"]
    assert unanswered, "the place has questions to answer"
    return {q["id"]: False for q in unanswered}


def test_essential_then_spillover_then_where_the_trigger_points_lie(tiny: FinderIndex) -> None:
    temple = place_document(tiny, "temple-left")
    assert [g["kind"] for g in temple["groups"]] == ["essential", "spillover", "local"]
    assert listed(temple) == {"essential": [("alpha-muscle", "left")], "spillover": [], "local": []}
    neck = listed(place_document(tiny, "side-of-neck-right"))
    assert neck["essential"] == [] and sorted(neck["spillover"]) == [
        ("alpha-muscle", "right"),
        ("beta-muscle", "right"),
    ]
    shoulder = listed(place_document(tiny, "top-of-shoulder-left"))
    assert sorted(shoulder["local"]) == [("alpha-muscle", "left"), ("beta-muscle", "left")]


def test_the_order_is_the_finders_for_the_place_marked_alone(tiny: FinderIndex) -> None:
    doc = place_document(tiny, "side-of-neck-left")
    ranked = find(tiny, Query(marks=(Mark("side-of-neck-left", 6, True),)))["candidates"]
    assert [m["muscle"]["id"] for g in doc["groups"] for m in g["muscles"]] == [
        c["muscle"]["id"] for c in ranked
    ]
    assert [m["rank"] for m in doc["groups"][1]["muscles"]] == [1, 2]
    assert doc["place"] == {
        "id": "side-of-neck-left",
        "label": "Side of the neck (left)",
        "side": "left",
        "phrase": "the left side of your neck",
    }


def test_a_place_without_a_side_lists_either_side_and_a_bad_one_is_refused(
    tiny: FinderIndex,
) -> None:
    doc = place_document(tiny, "temple")
    assert doc["place"]["side"] == "unspecified"
    assert listed(doc)["essential"] == [("alpha-muscle", "either")]
    with pytest.raises(UnknownRegion):
        place_document(tiny, "tempel-left")


def test_the_press_test_waits_for_the_questions_and_a_warning_sign(tiny: FinderIndex) -> None:
    def press(doc: dict[str, Any]) -> dict[str, Any]:
        test: dict[str, Any] = doc["groups"][0]["muscles"][0]["press_test"]
        return test

    early = press(place_document(tiny, "temple-left"))
    assert early["how_to_check"] is None and early["withheld_because"] == ANSWER_FIRST
    answers = all_no(tiny, "temple-left")
    ready = press(place_document(tiny, "temple-left", answers))
    assert ready["how_to_check"] and ready["withheld_because"] is None
    assert ready["site"] == ["top-of-shoulder-left"]  # lateralized with the place
    flagged = place_document(tiny, "temple-left", {**answers, next(iter(answers)): True})
    assert flagged["safety"]["level"] != "none"
    assert press(flagged)["how_to_check"] is None
    assert press(flagged)["withheld_because"] == RED_FLAG_HOLD
