"""Fragile bones hold back stretches that round or twist the back (the fifth blind review,
docs/review/fifth-review.md).

The osteoporosis factor capped pressure and kept rollers off the spine but restricted no
stretch, so a person who had said their bones were fragile was offered knees-to-chest, lying
twists and seated curl-downs: the forward bending that breaks fragile spinal bones.
"""

from __future__ import annotations

import pytest

from knotwork.core.kb import load_kb
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.safety.cautions import Personal, filter_technique

FRAGILE = Personal({"osteoporosis-or-long-term-steroids": ()})

ROUNDING_OR_TWISTING = [
    ("deep-paraspinals", "knees-to-chest"),
    ("deep-paraspinals", "lying-rotation"),
    ("longissimus", "knees-to-chest"),
    ("lumbar-iliocostalis", "knees-to-chest"),
    ("serratus-posterior-inferior", "seated-twist-flex"),
    ("thoracic-iliocostalis", "seated-curl-side-bend"),
    ("serratus-posterior-superior", "rounded-reach-stretch"),
]
# Stretches of the limbs stay offered.
LIMB_STRETCHES = [
    ("soleus", "bent-knee-wall-stretch"),
    ("supinator", "palm-down-turn-stretch"),
]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def blocked(kb: KnowledgeBase, muscle: str, technique: str, person: Personal) -> bool:
    m = kb.muscle(muscle)
    t = next(t for t in m.self_treatment if t.id == technique)
    return bool(filter_technique(kb.safety, kb.atlas, t, person, m.cautions).blocked)


@pytest.mark.parametrize(("muscle", "technique"), ROUNDING_OR_TWISTING)
def test_fragile_bones_hold_back_a_rounding_or_twisting_stretch(
    kb: KnowledgeBase, muscle: str, technique: str
) -> None:
    assert blocked(kb, muscle, technique, FRAGILE)
    assert not blocked(kb, muscle, technique, Personal())


@pytest.mark.parametrize(("muscle", "technique"), LIMB_STRETCHES)
def test_fragile_bones_leave_limb_stretches_offered(
    kb: KnowledgeBase, muscle: str, technique: str
) -> None:
    assert not blocked(kb, muscle, technique, FRAGILE)
