"""Techniques that load a joint name it, so an operation or a fresh injury there holds them back
(the fifth blind review, docs/review/fifth-review.md).

A person names a place in their own words; "my wrist", "my knee" or "my ankle" lands on one
atlas region (data/vocab/body-words.yaml). The review found stretches that bend a joint to the
end of its range, and a press at a point sited on the jaw joint, whose `applied_at` named only
the muscle belly, so a recent operation or a sprain in the joint left them offered.
"""

from __future__ import annotations

import pytest

from knotwork.core.kb import load_kb
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.safety.cautions import Personal, filter_technique

SURGERY = "recent-surgery-at-site"
SPRAIN = "acute-injury-under-72-hours"

# (muscle, technique, factor, the place a person would name, a place far from it)
LOADED_JOINTS = [
    # Fingers pull the jaw open; the deep point in front of the ear is pressed.
    ("masseter", "assisted-jaw-opening", SURGERY, "jaw-joint", "calf"),
    ("masseter", "assisted-jaw-opening", SPRAIN, "jaw-joint", "calf"),
    ("masseter", "fingertip-cheek-pressure", SURGERY, "jaw-joint", "calf"),
    # Elbow straight, palm turned down by the other hand: pulls the biceps tendon at the front
    # of the elbow (a repaired one is not forced or stretched for six weeks) and twists the wrist.
    ("supinator", "palm-down-turn-stretch", SURGERY, "elbow-crease", "calf"),
    ("supinator", "palm-down-turn-stretch", SPRAIN, "wrist-back", "calf"),
    # The other hand bends the wrist back (a carpal tunnel release or a wrist plate is in front).
    ("flexor-carpi-ulnaris", "wrist-flexor-stretch-ulnar", SURGERY, "wrist-front", "calf"),
    ("flexor-carpi-ulnaris", "wrist-flexor-stretch-ulnar", SPRAIN, "wrist-back", "calf"),
    # The other hand bends the wrist down: "my wrist" is the back of the wrist.
    ("extensor-carpi-ulnaris", "wrist-bend-toward-thumb-stretch", SPRAIN, "wrist-back", "calf"),
    ("extensor-carpi-ulnaris", "wrist-bend-toward-thumb-stretch", SURGERY, "wrist-back", "calf"),
    # The other hand presses the wrist down to straighten the elbow: "my elbow" is the outer elbow.
    ("brachialis", "elbow-straightening-stretch", SURGERY, "outer-elbow", "calf"),
    ("brachialis", "elbow-straightening-stretch", SPRAIN, "elbow-tip", "calf"),
    # The back of the knee pressed toward the floor straightens the whole knee: "my knee" is
    # the front of the knee.
    ("popliteus", "knee-straightening-stretch", SPRAIN, "front-of-knee", "forearm-front"),
    ("popliteus", "knee-straightening-stretch", SURGERY, "front-of-knee", "forearm-front"),
    # Body weight bends the ankle up: "my ankle" is the outer ankle (a fracture plate, a sprain).
    ("soleus", "bent-knee-wall-stretch", SURGERY, "outer-ankle", "forearm-front"),
    ("soleus", "bent-knee-wall-stretch", SPRAIN, "outer-ankle", "forearm-front"),
    ("soleus", "bent-knee-wall-stretch", SURGERY, "inner-ankle", "forearm-front"),
    # The hand curls the four smaller toes down.
    ("extensor-digitorum-longus", "toe-curl-point-stretch", SURGERY, "other-toes", "forearm-front"),
    ("extensor-digitorum-longus", "toe-curl-point-stretch", SPRAIN, "other-toes", "forearm-front"),
    # Tilting and turning the head bends the joints of the neck: "my neck" is the back of it.
    ("posterior-scalene", "side-tilt-turn-away-stretch", SURGERY, "back-of-neck", "calf"),
    ("posterior-scalene", "side-tilt-turn-away-stretch", SPRAIN, "back-of-neck", "calf"),
    # Sliding the foot out with the knees together turns the hip in and twists the knee.
    ("short-lateral-rotators", "inward-rotation-stretch", SURGERY, "front-of-knee", "calf"),
    # The same neck stretches in files outside the sample.
    ("anterior-scalene", "side-tilt-look-up-stretch", SURGERY, "back-of-neck", "calf"),
    ("middle-scalene", "side-tilt-stretch", SURGERY, "back-of-neck", "calf"),
    ("sternocleidomastoid-clavicular", "side-tilt-stretch", SURGERY, "back-of-neck", "calf"),
    ("sternocleidomastoid-sternal", "turn-and-nod-stretch", SURGERY, "back-of-neck", "calf"),
    ("upper-trapezius", "side-bend-stretch", SPRAIN, "back-of-neck", "calf"),
    # Outside the sample, the same joints (found by reading every stretch's words against
    # where "wrist", "ankle", "toes", "hip" and "elbow" land).
    ("flexor-carpi-radialis", "wrist-flexor-stretch", SURGERY, "wrist-front", "calf"),
    ("palmaris-longus", "palm-and-wrist-stretch", SPRAIN, "wrist-back", "calf"),
    ("finger-flexors", "finger-flexor-stretch", SURGERY, "wrist-front", "calf"),
    ("extensor-digitorum", "fist-and-wrist-stretch", SPRAIN, "wrist-back", "calf"),
    ("extensor-carpi-radialis-longus", "wrist-extensor-stretch", SPRAIN, "wrist-back", "calf"),
    ("brachioradialis", "straight-arm-wrist-bend-stretch", SURGERY, "wrist-back", "calf"),
    ("extensor-indicis", "index-finger-curl-stretch", SURGERY, "wrist-back", "calf"),
    ("flexor-pollicis-longus", "thumb-tip-back-stretch", SURGERY, "wrist-front", "calf"),
    ("biceps-brachii", "biceps-wall-stretch", SURGERY, "elbow-crease", "calf"),
    ("pronator-teres", "palm-up-turn-stretch", SURGERY, "inner-elbow", "calf"),
    ("gastrocnemius", "wall-calf-stretch-straight-knee", SURGERY, "achilles", "forearm-front"),
    ("gastrocnemius", "wall-calf-stretch-straight-knee", SPRAIN, "outer-ankle", "forearm-front"),
    ("plantaris", "straight-knee-calf-stretch", SURGERY, "outer-ankle", "forearm-front"),
    ("tibialis-posterior", "arch-drop-calf-stretch", SPRAIN, "outer-ankle", "forearm-front"),
    ("flexor-digitorum-longus", "toes-back-stretch", SURGERY, "other-toes", "forearm-front"),
    ("peroneus-tertius", "point-and-turn-in-stretch", SPRAIN, "outer-ankle", "forearm-front"),
    ("iliopsoas", "kneeling-hip-flexor-stretch", SURGERY, "side-of-hip", "forearm-front"),
    ("sartorius", "kneeling-hip-stretch", SURGERY, "side-of-hip", "forearm-front"),
    ("tibialis-anterior", "kneeling-shin-stretch", SURGERY, "front-of-knee", "forearm-front"),
    ("tibialis-anterior", "kneeling-shin-stretch", SPRAIN, "outer-ankle", "forearm-front"),
    ("triceps-brachii", "overhead-triceps-stretch", SURGERY, "elbow-tip", "calf"),
]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def blocked(kb: KnowledgeBase, muscle: str, technique: str, factor: str, place: str) -> bool:
    m = kb.muscle(muscle)
    t = next(t for t in m.self_treatment if t.id == technique)
    person = Personal({factor: (place,)})
    return filter_technique(kb.safety, kb.atlas, t, person, m.cautions).blocked


@pytest.mark.parametrize(("muscle", "technique", "factor", "place", "far"), LOADED_JOINTS)
def test_the_loaded_joint_holds_it_back(
    kb: KnowledgeBase, muscle: str, technique: str, factor: str, place: str, far: str
) -> None:
    assert blocked(kb, muscle, technique, factor, place)


@pytest.mark.parametrize(("muscle", "technique", "factor", "place", "far"), LOADED_JOINTS)
def test_a_place_far_away_leaves_it_offered(
    kb: KnowledgeBase, muscle: str, technique: str, factor: str, place: str, far: str
) -> None:
    assert not blocked(kb, muscle, technique, factor, far)
