"""The red-flag screen: which questions are asked, what raises a flag, and the gate."""

from __future__ import annotations

import pytest

from knotwork.core.errors import InvalidInput
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.safety.screen import questions_for, screen, screening_areas


def test_only_global_and_area_questions_are_asked(kb: KnowledgeBase) -> None:
    s = screen(kb.safety, kb.atlas, regions=["low-back-left"])
    assert s.areas == ["low-back"]
    assert [f.id for f in s.asked] == ["fever", "cauda-equina"]
    head = screen(kb.safety, kb.atlas, regions=["temple-right"])
    assert [f.id for f in head.asked] == ["fever", "giant-cell-arteritis"]


def test_areas_come_from_groups_and_base_ids(kb: KnowledgeBase) -> None:
    areas = screening_areas(kb.safety, kb.atlas, ["mid-back-left", "heel", "thumb-right"])
    assert areas == ["chest-thoracic", "hip-leg", "shoulder-arm"]
    assert [f.id for f in questions_for(kb.safety, [])] == ["fever"]


def test_self_treatment_waits_until_every_question_is_answered(kb: KnowledgeBase) -> None:
    s = screen(kb.safety, kb.atlas, regions=["low-back-left"], text="ache after gardening")
    doc = s.as_dict()
    assert (doc["level"], doc["self_treatment"], doc["flags"]) == ("none", False, [])
    assert doc["screening_complete"] is False
    assert doc["message"].startswith("Please answer the safety questions")
    assert [q["id"] for q in doc["unanswered"]] == ["fever", "cauda-equina"]
    done = screen(
        kb.safety,
        kb.atlas,
        regions=["low-back-left"],
        answers={"fever": False, "cauda-equina": False},
    ).as_dict()
    assert (done["level"], done["self_treatment"], done["screening_complete"]) == (
        "none",
        True,
        True,
    )


def test_a_yes_answer_raises_its_flag_and_closes_the_gate(kb: KnowledgeBase) -> None:
    s = screen(
        kb.safety,
        kb.atlas,
        regions=["low-back-left"],
        answers={"cauda-equina": True, "fever": False},
    )
    doc = s.as_dict()
    assert doc["level"] == "emergency"
    assert doc["self_treatment"] is False
    assert doc["education"] is False
    assert doc["flags"][0]["id"] == "cauda-equina"
    assert doc["flags"][0]["answered_yes"] is True
    assert doc["unanswered"] == []


def test_free_text_raises_a_flag_with_the_words_matched(kb: KnowledgeBase) -> None:
    s = screen(kb.safety, kb.atlas, text="back pain and I've been numb between my legs")
    assert s.level == "emergency"
    assert s.raised[0].matched == ("numb between legs",)


@pytest.mark.parametrize(
    "text", ["no fever", "I don't have a temperature", "no fever or chills, just a stiff back"]
)
def test_negated_statements_do_not_raise(kb: KnowledgeBase, text: str) -> None:
    assert screen(kb.safety, kb.atlas, text=text).level == "none"


def test_word_endings_are_tolerated(kb: KnowledgeBase) -> None:
    assert screen(kb.safety, kb.atlas, text="I keep getting the shivers").level == "urgent"


def test_extra_words_escalate_the_urgency(kb: KnowledgeBase) -> None:
    plain = screen(kb.safety, kb.atlas, text="my scalp is tender when I brush my hair")
    worse = screen(kb.safety, kb.atlas, text="tender scalp, and my vision went blurred")
    assert (plain.level, worse.level) == ("urgent", "emergency")
    assert "vision" in worse.raised[0].instruction


def test_the_highest_urgency_wins_and_flags_are_ordered(kb: KnowledgeBase) -> None:
    s = screen(kb.safety, kb.atlas, text="fever and saddle numbness")
    assert [r.flag.id for r in s.raised] == ["cauda-equina", "fever"]
    assert s.level == "emergency"


def test_an_unknown_question_id_is_refused(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidInput, match="Did you mean: cauda-equina"):
        screen(kb.safety, kb.atlas, answers={"cauda-equna": True})


def test_an_injury_said_as_long_ago_is_set_aside_and_reported_so() -> None:
    from knotwork.core.kb import load_kb

    real = load_kb()
    old = screen(real.safety, real.atlas, ["back-of-neck-left"], "a car crash in 2009, neck pain")
    assert old.level == "none"
    assert old.as_dict()["set_aside"] == [
        {
            "id": "major-trauma",
            "name": real.safety.flags["major-trauma"].name,
            "matched_words": ["car crash"],
            "why": "said as past",
        }
    ]
    # Said as recent, it is raised, not set aside; answered yes, the answer decides.
    new = screen(real.safety, real.atlas, ["back-of-neck-left"], "a car crash today, neck pain")
    assert "major-trauma" in {r.flag.id for r in new.raised}
    assert new.set_aside == []
    yes = screen(
        real.safety,
        real.atlas,
        ["back-of-neck-left"],
        "a car crash in 2009",
        {"major-trauma": True},
    )
    assert yes.level == "urgent" and yes.set_aside == []


def test_a_fever_said_as_over_is_set_aside_and_one_now_raises() -> None:
    from knotwork.core.kb import load_kb

    real = load_kb()

    def level(text: str) -> str:
        return screen(real.safety, real.atlas, ["top-of-shoulder-left"], text).level

    assert level("my shoulder aches and I have a fever") == "urgent"
    assert level("my shoulder aches, I've had a fever for three days") == "urgent"
    assert level("my shoulder aches, I had a fever yesterday") == "urgent"
    text = "a fever two weeks ago, my shoulder aches"
    past = screen(real.safety, real.atlas, ["top-of-shoulder-left"], text)
    assert past.level == "none"
    assert [f.id for f, _ in past.set_aside] == ["fever"]
    # A fever with back pain keeps raising the spinal-infection flag, dated or not: an
    # infection there can run with a fever that comes and goes.
    back = screen(real.safety, real.atlas, ["low-back-left"], "a fever two weeks ago, back ache")
    assert [r.flag.id for r in back.raised] == ["spinal-infection"]


def test_a_sign_explained_away_in_two_entries_keeps_both_explanations() -> None:
    from knotwork.core.kb import load_kb

    real = load_kb()
    dizzy = real.safety.flags["cervical-artery-dissection"].explained_away["dizzy"]
    assert "stand up" in dizzy and "roll over" in dizzy

    def level(text: str) -> str:
        return screen(real.safety, real.atlas, ["back-of-neck-left"], text).level

    assert level("I feel dizzy when I stand up too fast and my neck is tight") == "none"
    assert level("I get dizzy when I roll over in bed and my neck is stiff") == "none"
    assert level("my neck hurts and I feel dizzy") == "emergency"
