"""Which red-flag questions are asked and how they are grouped (core/safety/questions.py,
groups.py, facts.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.reading.complaint import read
from knotwork.core.safety.facts import Facts, facts_of
from knotwork.core.safety.groups import RULES, GroupsFile, check_groups
from knotwork.core.safety.questions import group_answers, placement
from knotwork.core.safety.screen import questions_for, screen, screening_areas

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shipped_kb() -> KnowledgeBase:
    from knotwork.core.kb import load_kb

    return load_kb()


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("I'm 34 and my neck hurts", Facts(34, False, 34)),
        ("i am a 71 year old woman", Facts(71, False, 71)),
        ("34F, sore jaw", Facts(34, False, 34)),
        ("21M fever and neck stiffness", Facts(21, True, 21)),
        # A decade is a range; "over 40" only a lower bound.
        ("I'm in my forties", Facts(49, False, 40)),
        ("I'm in my late 60s", Facts(69, False, 60)),
        ("I'm over 40 and my back aches", Facts(None, False, 40)),
        # Not said of oneself, or not an age: nothing is read.
        ("my mum is 72 and has the same pain", Facts()),
        ("my daughter is 34 and my temple aches", Facts()),
        ("I'm 70, my son is 34", Facts()),
        ("I'm 12 weeks pregnant", Facts(None, False, None, True)),
        ("I'm 6 foot and lift boxes", Facts()),
    ],
)
def test_facts_bound_the_age_said_of_oneself(text: str, facts: Facts) -> None:
    assert facts_of(read(text)) == facts


def test_every_shipped_flag_is_in_exactly_one_group(shipped_kb: KnowledgeBase) -> None:
    data = shipped_kb.safety
    placed = [e.flag for g in data.groups for e in g.entries]
    assert sorted(placed) == sorted(data.flags)
    assert all(g.title and g.entries for g in data.groups)


def test_group_rules_report_a_missing_a_doubled_and_an_unknown_flag() -> None:
    groups = GroupsFile.model_validate(
        {
            "groups": [
                {"id": "a", "title": "One", "flags": [{"flag": "x", "parts": ["p"]}]},
                {"id": "a", "title": "Two", "flags": [{"flag": "x", "parts": ["p"]}]},
                {"id": "b", "title": "Three", "flags": [{"flag": "nope", "parts": ["p"]}]},
            ]
        }
    )
    found = {(p.code, p.message) for p in check_groups(groups, ["x", "y"])}
    assert found == {
        ("ASK-003", "'a' twice"),
        ("ASK-001", "'x' is also in a group before"),
        ("ASK-002", "no red flag 'nope'"),
        ("ASK-001", "red flag 'y' is in no group"),
    }


def test_group_rules_are_documented_with_their_text() -> None:
    doc = (ROOT / "docs" / "data-rules.md").read_text(encoding="utf-8")
    assert dict(re.findall(r"^\| (ASK-\d{3}) \| (.+?) \|$", doc, re.MULTILINE)) == RULES


def test_no_flag_relevant_to_a_marked_place_is_skipped_in_any_region(
    shipped_kb: KnowledgeBase,
) -> None:
    """For every atlas region, marked alone with words that state no age and no sex, every
    flag of its areas and every global flag is asked; with words that do, only flags whose
    every part needs an older age (or a woman) are left out."""
    data, atlas = shipped_kb.safety, shipped_kb.atlas
    for region in atlas.regions:
        areas = screening_areas(data, atlas, [region])
        wanted = [f.id for f in questions_for(data, areas)]
        assert areas, region
        plain = screen(data, atlas, [region], "it aches when I sit at my desk")
        assert [f.id for f in plain.asked] == wanted, region
        young = screen(data, atlas, [region], "30M, it aches")
        left_out = set(wanted) - {f.id for f in young.asked}
        for flag in left_out:
            entry = placement(data, data.flags[flag])[1]
            assert all(
                (p.min_age or entry.min_age or 0) > 30
                or (p.max_age or entry.max_age or 200) < 30
                or p.not_male
                for p in entry.parts
            ), (region, flag)
        assert left_out <= {
            "giant-cell-arteritis",
            "polymyalgia",
            "headache-new-after-50",
            "myeloma-features",
            "early-pregnancy-bleeding",
            "pre-eclampsia",
            "headache-pregnancy",
            "child-bone-pain",
        }, region


def test_a_stated_age_rules_out_the_over_50_questions(shipped_kb: KnowledgeBase) -> None:
    data, atlas = shipped_kb.safety, shipped_kb.atlas
    old = screen(data, atlas, ["temple-right"], "I'm 67 and my temple aches")
    young = screen(data, atlas, ["temple-right"], "I'm 34 and my temple aches")
    assert "giant-cell-arteritis" in {f.id for f in old.asked}
    assert "giant-cell-arteritis" not in {f.id for f in young.asked}
    # A relative's age rules nothing out.
    mum = screen(data, atlas, ["temple-right"], "my mum is 34 and my temple aches")
    assert "giant-cell-arteritis" in {f.id for f in mum.asked}


def test_a_part_for_women_only_is_left_out_for_a_man(shipped_kb: KnowledgeBase) -> None:
    data, atlas = shipped_kb.safety, shipped_kb.atlas
    texts = []
    for words in ("my side aches", "I'm a man and my side aches"):
        q = screen(data, atlas, ["flank-right"], words).questions()
        boxes = [p["text"] for g in q["groups"] for f in g["flags"] for p in f["parts"]]
        texts.append(boxes)
    assert "You could be pregnant" in texts[0]
    assert "You could be pregnant" not in texts[1]
    gone = set(texts[0]) - set(texts[1])
    women = {p.text for g in data.groups for e in g.entries for p in e.parts if p.not_male}
    assert gone and gone <= women
    assert len(texts[1]) == len(texts[0]) - len([t for t in texts[0] if t in gone])


def test_questions_come_in_groups_with_parts_and_counts(kb: KnowledgeBase) -> None:
    q = screen(kb.safety, kb.atlas, ["low-back-left"]).questions()
    assert [(g["id"], g["answered"]) for g in q["groups"]] == [
        ("nerves", False),
        ("fever-weight-cancer", False),
    ]
    nerves = q["groups"][0]
    assert nerves["title"] == "Numbness, weakness or control"
    assert [p["value"] for p in nerves["flags"][0]["parts"]] == ["cauda-equina:1", "cauda-equina:2"]
    assert nerves["shown"] == "cauda-equina"
    assert (q["groups_left"], q["items"], q["items_left"]) == (2, 4, 4)


def test_answered_groups_are_not_left_and_none_shows_back(kb: KnowledgeBase) -> None:
    s = screen(kb.safety, kb.atlas, ["low-back-left"], answers={"cauda-equina": False})
    q = s.questions()
    nerves, fever = q["groups"]
    assert (nerves["answered"], nerves["none"], fever["answered"]) == (True, True, False)
    assert (q["groups_left"], q["items_left"]) == (1, 2)
    assert s.as_dict()["questions"] == q


def test_a_flag_raised_by_the_words_is_shown_raised_not_asked(kb: KnowledgeBase) -> None:
    s = screen(kb.safety, kb.atlas, ["low-back-left"], "I have a fever with this back ache")
    fever = s.questions()["groups"][1]["flags"][0]
    assert (fever["state"], fever["parts"]) == ("raised", [])
    assert fever["matched_words"]
    assert s.questions()["groups"][1]["shown"] == ""


def test_a_yes_given_by_flag_id_shows_the_whole_question_ticked(kb: KnowledgeBase) -> None:
    s = screen(kb.safety, kb.atlas, ["low-back-left"], answers={"cauda-equina": True})
    flag = s.questions()["groups"][0]["flags"][0]
    assert flag["state"] == "yes"
    assert flag["parts"] == [
        {
            "value": "cauda-equina:0",
            "text": kb.safety.flags["cauda-equina"].question,
            "ticked": True,
        }
    ]
    ticked = s.questions(ticked={"cauda-equina:2"})["groups"][0]["flags"][0]["parts"]
    assert [p["ticked"] for p in ticked] == [False, True]


def test_group_answers_tick_none_and_blank() -> None:
    shown = [("nerves", ["cauda-equina", "stroke-signs"]), ("fever", ["fever"]), ("x", ["y"])]
    answers = group_answers(["stroke-signs:2"], shown, {"fever"})
    # A tick answers its flag yes and the group's other flags no; "None of these" answers
    # its group no; a blank group answers nothing.
    assert answers == {"stroke-signs": True, "cauda-equina": False, "fever": False}
    # A tick beats "None of these" ticked in the same group.
    assert group_answers(["fever:1"], [("fever", ["fever"])], {"fever"}) == {"fever": True}


def test_a_stem_stands_for_the_flags_behind_it_until_ticked(shipped_kb: KnowledgeBase) -> None:
    data, atlas = shipped_kb.safety, shipped_kb.atlas
    s = screen(data, atlas, ["temple-right"], "my temple aches")
    group = next(g for g in s.questions()["groups"] if g["id"] == "over-50")
    assert [t["value"] for t in group["stems"]] == ["over-50"]
    gca = next(f for f in group["flags"] if f["id"] == "giant-cell-arteritis")
    assert (gca["waits"], gca["parts"], gca["state"]) == ("over-50", [], "open")
    assert "giant-cell-arteritis@over-50" in group["shown"].split(",")
    # Ticked: the parts are asked.
    ticked = s.questions(stems={"over-50"})
    group = next(g for g in ticked["groups"] if g["id"] == "over-50")
    gca = next(f for f in group["flags"] if f["id"] == "giant-cell-arteritis")
    assert gca["waits"] is None and len(gca["parts"]) == 4
    assert group["stems"] == [{"value": "over-50", "text": "You are 50 or over", "ticked": True}]
    # Settled by the words: an age over it shows the parts at once, no stem to tick.
    old = screen(data, atlas, ["temple-right"], "I'm 67 and my temple aches").questions()
    group = next(g for g in old["groups"] if g["id"] == "over-50")
    assert group["stems"] == [] and all(f["parts"] for f in group["flags"])


def test_the_words_settle_a_pregnancy_stem(shipped_kb: KnowledgeBase) -> None:
    data, atlas = shipped_kb.safety, shipped_kb.atlas

    def pregnancy(words: str) -> dict[str, object] | None:
        q = screen(data, atlas, ["temple-right"], words).questions()
        return next((g for g in q["groups"] if g["id"] == "pregnancy"), None)

    asked = pregnancy("my temple aches")
    assert asked and [t["value"] for t in asked["stems"]] == ["pregnant"]
    said = pregnancy("I'm 30 weeks pregnant and my temple aches")
    assert said and said["stems"] == [] and all(f["parts"] for f in said["flags"])  # type: ignore[attr-defined]
    assert pregnancy("30M, my temple aches") is None


def test_group_answers_leave_the_flags_of_a_ticked_stem_for_later() -> None:
    shown = [("pregnancy", ["pre-eclampsia@pregnant", "headache-pregnancy@pregnant"])]
    # The stem left unticked in an answered group: its flags are answered no.
    assert group_answers([], shown, {"pregnancy"}) == {
        "pre-eclampsia": False,
        "headache-pregnancy": False,
    }
    # Ticked (alone, it answers the group): its flags wait to be asked.
    assert group_answers([], shown, set(), {"pregnant"}) == {}
    # Nothing ticked: nothing answered.
    assert group_answers([], shown, set()) == {}


def test_a_shared_box_answers_every_flag_that_shares_it(shipped_kb: KnowledgeBase) -> None:
    data, atlas = shipped_kb.safety, shipped_kb.atlas
    q = screen(data, atlas, ["temple-right"], "my temple aches").questions()
    nerves = next(g for g in q["groups"] if g["id"] == "nerves")
    flags = {f["id"]: f for f in nerves["flags"]}
    shared = "stroke-signs+headache-neuro-signs:3"
    assert shared in [p["value"] for p in flags["stroke-signs"]["parts"]]
    assert flags["headache-neuro-signs"]["parts"] == []  # its boxes are stroke-signs'
    shown = [("nerves", nerves["shown"].split(","))]
    answers = group_answers([shared], shown, set())
    assert answers["stroke-signs"] and answers["headache-neuro-signs"]
    assert answers["progressive-neuro-deficit"] is False
    # The owner raised by the words shows no boxes: the shared ones move under the other.
    said = "my face is drooping on one side and my temple aches"
    q = screen(data, atlas, ["temple-right"], said).questions()
    nerves = next(g for g in q["groups"] if g["id"] == "nerves")
    flags = {f["id"]: f for f in nerves["flags"]}
    assert flags["stroke-signs"]["state"] == "raised"
    borrowed = flags["headache-neuro-signs"]["parts"]
    assert borrowed[0]["value"] == "stroke-signs+headache-neuro-signs:1"
    assert len(flags["headache-neuro-signs"]["parts"]) == 5


def test_a_flag_covered_by_anothers_boxes_is_still_asked_everywhere(
    shipped_kb: KnowledgeBase,
) -> None:
    """Every asked flag that is not raised or waiting behind a stem has a box on the page,
    its own or shared, for every region alone."""
    data, atlas = shipped_kb.safety, shipped_kb.atlas
    for region in atlas.regions:
        q = screen(data, atlas, [region]).questions()
        for group in q["groups"]:
            values = [p["value"] for f in group["flags"] for p in f["parts"]]
            answered = {flag for v in values for flag in v.partition(":")[0].split("+")}
            for f in group["flags"]:
                if f["state"] == "open" and not f["waits"]:
                    assert f["id"] in answered, (region, f["id"])
