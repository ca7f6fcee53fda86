"""The text reader: places, sides, ranges, negation, symptoms, context and typos."""

from __future__ import annotations

import pytest

from knotwork.core.finder import FinderIndex
from knotwork.core.finder.parse import read_text
from knotwork.core.finder.understood import Understood


def read(index: FinderIndex, text: str) -> Understood:
    return read_text(index.kb, index.lexicon, text)


def places(u: Understood) -> list[tuple[str, str]]:
    return [(m.base, m.side) for m in u.regions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "throbbing at my right temple and behind my right eye when I sit at the computer",
            [("temple", "right"), ("behind-eye", "right")],
        ),
        (
            "both shoulders and the base of my skull",
            [("top-of-shoulder", "both"), ("base-of-skull", "both")],
        ),
        ("my heel hurts in the morning", [("heel", "unspecified")]),
        ("a headache on top of my head", [("vertex", "unspecified")]),
        ("pain in my shoulder on the left", [("top-of-shoulder", "left")]),
        ("the back of my right knee", [("back-of-knee", "right")]),
        ("right now my neck hurts", [("back-of-neck", "unspecified")]),
        ("Left-sided neck pain", [("back-of-neck", "left")]),
        (
            "ache deep in my left buttock that runs down the outside of my leg",
            [("buttock-lower", "left"), ("thigh-outer", "left"), ("outer-leg", "left")],
        ),
        ("inside of my right elbow", [("inner-elbow", "right")]),
        ("the little-finger side of my left hand", [("hand-little-finger-side", "left")]),
        # Clinicians' shorthand for the sides.
        ("L shoulder pain 7/10", [("top-of-shoulder", "left")]),
        ("R hip and Lt shoulder", [("side-of-hip", "right"), ("top-of-shoulder", "left")]),
        # A side said in the next sentence stays there.
        (
            "pain in my neck. also my left elbow aches",
            [("back-of-neck", "unspecified"), ("outer-elbow", "left")],
        ),
        # Clinicians' words: the atlas's anatomical names and common abbreviations.
        ("TTP lateral epicondyle", [("outer-elbow", "unspecified")]),
        ("pain in the interscapular region", [("between-shoulder-blades", "unspecified")]),
        ("chronic LBP", [("low-back", "unspecified")]),
        # Which teeth: upper or lower back teeth, both, and never the low back.
        ("my lower back teeth ache", [("lower-teeth", "unspecified")]),
        ("my upper back teeth ache", [("upper-teeth", "unspecified")]),
        ("my back teeth hurt", [("upper-teeth", "unspecified"), ("lower-teeth", "unspecified")]),
        ("my pinky finger goes numb", [("little-finger", "unspecified")]),
        # Gym words for muscles name their places.
        ("my upper traps ache", [("top-of-shoulder", "unspecified")]),
        ("sore left delt", [("side-of-shoulder", "left")]),
    ],
)
def test_it_reads_places_and_sides(
    tiny: FinderIndex, text: str, expected: list[tuple[str, str]]
) -> None:
    assert places(read(tiny, text)) == expected


def test_from_x_down_to_y_adds_every_region_on_the_way(tiny: FinderIndex) -> None:
    u = read(tiny, "pain from my right buttock down to my heel")
    assert places(u)[0] == ("buttock-lower", "right")
    assert [m.base for m in u.regions if m.how == "path"] == [
        "thigh-back",
        "back-of-knee",
        "calf",
        "achilles",
    ]
    assert {m.side for m in u.regions} == {"right"}


def test_negated_places_and_symptoms_are_kept_apart(tiny: FinderIndex) -> None:
    u = read(tiny, "my left shoulder aches, not my neck. No numbness or tingling")
    assert places(u) == [("top-of-shoulder", "left")]
    assert [m.base for m in u.negated] == ["back-of-neck"]
    assert [t.id for t in u.negated_symptoms] == ["numbness", "tingling"]
    assert u.symptoms == []


def test_symptoms_context_and_qualities(tiny: FinderIndex) -> None:
    u = read(tiny, "dull ache in my jaw, ringing in my ear, I grind my teeth and I'm stressed")
    assert [t.id for t in u.symptoms] == ["tinnitus"]
    assert {t.id for t in u.contexts} == {"jaw-clenching", "stress"}
    assert u.qualities == ["dull"]


def test_typos_are_corrected_and_reported(tiny: FinderIndex) -> None:
    u = read(tiny, "my rigth shouldr hurts")
    assert ("shouldr", "shoulder") in u.corrections
    assert places(u)[0][0] == "top-of-shoulder"


def test_a_complaint_word_alone_is_an_assumption(tiny: FinderIndex) -> None:
    u = read(tiny, "sciatica on the right")
    assert {(m.base, m.side, m.how) for m in u.regions} == {
        ("buttock-lower", "right", "assumed"),
        ("thigh-back", "right", "assumed"),
        ("calf", "right", "assumed"),
    }


def test_unknown_words_are_reported(tiny: FinderIndex) -> None:
    u = read(tiny, "a strange zorp in my flibber")
    assert u.regions == []
    assert u.unknown == ["strange", "zorp", "flibber"]


def test_intensity_from_a_score_or_a_word(tiny: FinderIndex) -> None:
    assert read(tiny, "my neck hurts, 7/10").intensity == 7
    assert read(tiny, "severe pain in my neck").intensity == 8


def test_everyday_words_are_not_read_as_typos_of_body_words(tiny: FinderIndex) -> None:
    u = read(tiny, "my neck hurts since I started with a personal trainer at the public pool")
    assert places(u) == [("back-of-neck", "unspecified")]
    # "personal" is not "peroneal", "public" is not "pubic", "trainer" not "strain".
    assert u.corrections == []
    # A dropped "g" and a misspelt body word are still corrected.
    u = read(tiny, "my sholder hurts when I'm sittin")
    assert ("sholder", "shoulder") in u.corrections
    assert ("sittin", "sitting") in u.corrections


def test_a_muscle_named_stands_for_where_it_lies_as_an_assumption(tiny: FinderIndex) -> None:
    u = read(tiny, "my right AM is tight")  # an alias of the fixture's alpha muscle
    assert [(m.base, m.side, m.how) for m in u.regions] == [("top-of-shoulder", "right", "assumed")]
    # A body word keeps its own meaning when a muscle shares it.
    assert read(tiny, "my shoulder hurts").regions[0].how == "named"


def test_muscle_names_are_never_offered_as_corrections() -> None:
    from knotwork.core.finder import load_index

    index = load_index()
    u = read(index, "my QL and my soles hurt")
    assert ("flank", "unspecified") in places(u) and ("sole", "unspecified") in places(u)
    assert all(right in index.lexicon.words for _, right in u.corrections)  # "sole", never "soleus"
    assert "soleus" in index.lexicon.names and "soleus" not in index.lexicon.spelling


def test_severity_idioms_set_the_intensity_and_are_understood(tiny: FinderIndex) -> None:
    u = read(tiny, "my neck is killing me")
    assert (u.intensity, u.unknown) == (8, [])


def test_a_warning_sign_denied_is_not_listed_as_not_understood(tiny: FinderIndex) -> None:
    assert read(tiny, "my neck is sore, no fever").unknown == []


def test_a_car_crash_is_an_injury_not_driving(tiny: FinderIndex) -> None:
    assert [t.id for t in read(tiny, "my neck hurts since a car crash").contexts] == ["injury"]
    assert [t.id for t in read(tiny, "my neck hurts when I drive my car").contexts] == ["driving"]


def test_the_everyday_words_are_listed_once_and_none_is_a_word_the_finder_knows() -> None:
    from knotwork.core.finder import load_index

    index = load_index()
    everyday = index.kb.body_words.everyday_words
    assert len(everyday) > 300
    assert all(w.isalpha() and w == w.lower() for w in everyday)
    assert everyday.isdisjoint(index.lexicon.words)


def test_a_typo_between_two_equally_close_words_is_read_the_same_in_every_process() -> None:
    # "buring" is as close to "burning" as to "burping": the pick must not depend on the
    # process's string hashing (it once did, through a set's order).
    import os
    import subprocess
    import sys

    code = (
        "from knotwork.core.finder import load_index; from knotwork.core.finder.parse import "
        "read_text; i = load_index(); print(read_text(i.kb, i.lexicon, 'buring pain in my "
        "shoulder').corrections)"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (1, 2, 3, 4)
    }
    assert seen == {"[('buring', 'burning')]\n"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A side said on its own after every place of the sentence is where it all is.
        ("my jaw aches and my ear feels full on the left side", [("jaw", "left")]),
        (
            "my neck and shoulder hurt on the left",
            [("back-of-neck", "left"), ("top-of-shoulder", "left")],
        ),
        ("pain in my shoulder on the left when I breathe in", [("top-of-shoulder", "left")]),
        (
            "right when I stand up my knee hurts",
            [("kneecap", "unspecified"), ("front-of-knee", "unspecified")],
        ),
        # Not a side the body lies on.
        ("my neck hurts and I sleep on my left side", [("back-of-neck", "unspecified")]),
        # A side that closed a clause about one place carries on to the next, unless that
        # place has its own.
        (
            "my neck hurts on the left and my knee on the right",
            [("back-of-neck", "left"), ("kneecap", "right"), ("front-of-knee", "right")],
        ),
        (
            "my neck hurts on the left and my knee aches too",
            [("back-of-neck", "left"), ("kneecap", "left"), ("front-of-knee", "left")],
        ),
        # A place said without a side and again with one is one place, on that side.
        ("my elbow hurts, the outside of my right elbow", [("outer-elbow", "right")]),
    ],
)
def test_a_side_said_after_the_places_reaches_them(
    tiny: FinderIndex, text: str, expected: list[tuple[str, str]]
) -> None:
    assert places(read(tiny, text)) == expected


def test_common_slips_of_the_side_words_keep_the_side(tiny: FinderIndex) -> None:
    for said in ("my rigt shoulder", "my rigth shoulder", "my letf shoulder"):
        u = read(tiny, said)
        assert places(u)[0][1] in ("left", "right"), said


def test_places_named_with_a_past_treatment_are_history_not_pain(tiny: FinderIndex) -> None:
    u = read(tiny, "I had surgery on my left knee in March and now my lower back aches")
    # The knee is history; its side stays in its clause; "March" is not a typo of "arch".
    assert places(u) == [("low-back", "unspecified")]
    assert [(a.words, [(m.base, m.side) for m in a.places]) for a in u.history] == [
        ("i had surgery left knee march", [("kneecap", "left"), ("front-of-knee", "left")])
    ]
    assert (u.corrections, u.unknown) == ([], [])


@pytest.mark.parametrize(
    "text",
    [
        "my knee has ached since the operation",  # the clause says it hurts: pain
        "I had a knee replacement",  # nothing else says where: the knee stands
        "no surgery, just a sore left knee",  # negated
    ],
)
def test_a_history_place_stays_a_pain_place_when_it_hurts_or_is_all(
    tiny: FinderIndex, text: str
) -> None:
    assert ("kneecap", "left" if "left" in text else "unspecified") in places(read(tiny, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my jaw clicks", [("jaw", "unspecified")]),  # the only place named
        ("my left knee gives way", [("kneecap", "left"), ("front-of-knee", "left")]),
        # The next clause says it hurts and names no place: it speaks of the jaw.
        (
            "my jaw clicks and aches, and I get earaches",
            [("ear", "unspecified"), ("jaw", "unspecified")],
        ),
        # A movement is no place when the symptom's place is said to hurt.
        ("my jaw clicks and aches when I open my mouth", [("jaw", "unspecified")]),
        (
            "my shoulder clicks and hurts when I lift my arm above my head",
            [("top-of-shoulder", "unspecified")],
        ),
        # Otherwise the place only describes the symptom.
        ("ringing in my ear and my neck aches", [("back-of-neck", "unspecified")]),
        ("watery eyes and a headache at my temples", [("temple", "unspecified")]),
    ],
)
def test_a_place_inside_a_symptom_counts_when_it_is_where_it_hurts(
    tiny: FinderIndex, text: str, expected: list[tuple[str, str]]
) -> None:
    u = read(tiny, text)
    assert places(u) == expected
    inside = {"jaw", "kneecap", "front-of-knee"}  # places said only within a symptom
    assert all(m.how == "assumed" for m in u.regions if m.base in inside)  # shown as such
