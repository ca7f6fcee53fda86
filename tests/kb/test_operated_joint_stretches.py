"""Stretches that load a joint or a tendon's end name that place, so an operation there in the
last six weeks holds them back (the fourth blind review, docs/review/fourth-review.md).

Since recent surgery holds back stretching at the place named, a stretch's `applied_at` decides
whether a person with a new knee, hip or hamstring repair is still shown it. The review found
heel-to-buttock stretches that named only the thigh, knee-across and hip-turning stretches that
named only the buttock, and hamstring stretches that named only the back of the thigh.
"""

from __future__ import annotations

import pytest

from knotwork.core.kb import load_kb
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.safety.cautions import Personal, filter_technique

# (muscle, technique, the operated place a person would name)
LOADED_PLACES = [
    # Heel toward the buttock pulls across the kneecap and the front of the knee.
    ("vastus-lateralis", "side-lying-knee-bend", "front-of-knee"),
    ("vastus-lateralis", "side-lying-knee-bend", "kneecap"),
    ("vastus-medialis", "lying-quad-stretch", "kneecap"),
    ("vastus-intermedius", "prone-knee-bend-stretch", "kneecap"),
    ("rectus-femoris", "standing-quad-stretch", "front-of-knee"),
    # Bending the hip past a right angle, across the body or turned inward: what a hip
    # replaced through the back of the hip is protected from.
    ("gluteus-maximus", "knee-to-opposite-shoulder", "side-of-hip"),
    ("piriformis", "figure-four-stretch", "side-of-hip"),
    ("obturator-internus", "knee-across-stretch", "side-of-hip"),
    ("short-lateral-rotators", "knee-across-stretch", "side-of-hip"),
    ("short-lateral-rotators", "inward-rotation-stretch", "side-of-hip"),
    # A straight-leg stretch pulls on the hamstrings' tendon at the sit bone.
    ("semitendinosus-semimembranosus", "towel-hamstring-stretch", "buttock-lower"),
    ("biceps-femoris", "towel-hamstring-stretch", "buttock-lower"),
]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def blocked(kb: KnowledgeBase, muscle: str, technique: str, surgery_at: str) -> bool:
    m = kb.muscle(muscle)
    t = next(t for t in m.self_treatment if t.id == technique)
    person = Personal({"recent-surgery-at-site": (surgery_at,)})
    return filter_technique(kb.safety, kb.atlas, t, person, m.cautions).blocked


@pytest.mark.parametrize(("muscle", "technique", "place"), LOADED_PLACES)
def test_surgery_where_a_stretch_pulls_holds_it_back(
    kb: KnowledgeBase, muscle: str, technique: str, place: str
) -> None:
    assert blocked(kb, muscle, technique, place)


@pytest.mark.parametrize(("muscle", "technique", "place"), LOADED_PLACES)
def test_surgery_elsewhere_leaves_it_offered(
    kb: KnowledgeBase, muscle: str, technique: str, place: str
) -> None:
    assert not blocked(kb, muscle, technique, "forearm-front")
