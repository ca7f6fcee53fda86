"""Where the techniques press: the places the safety filter acts on (`applied_at`) reach every
trigger point the file offers to treat.

The filter applies a caution at a site (recent surgery, a wound, varicose veins) only to the
techniques whose `applied_at` names that site; it cannot read places from the steps. Reading
them from the words was measured and is not precise enough to be a check (tools/site_words.py:
144 hits on the reviewed data, nearly all landmarks such as "a hand's width above the wrist
crease"). This narrower check has no false hit on the reviewed data: the place where the
map marks each trigger point (its first site) is pressed, rolled or stroked by one of its
file's pressure or massage techniques, unless the rules for everyone forbid pressing there or
the point is one the file deliberately leaves to a clinician (listed below, with the reason).

It would have caught the rectus abdominis error of the second blind review (strokes "from the
ribs toward the pubic bone" without `pubic`) and the deep paraspinals balls of the sites pass
(no `sacrum`); it cannot catch the triceps one (a technique pressing beside the inner elbow
while naming only the back of the arm, where its point is also marked), which needed a reader.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from knotwork.core.kb import load_kb
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.model import Muscle
from knotwork.core.safety.cautions import Personal, filter_technique

# Trigger points the self-treatment deliberately does not press, each checked by hand in the
# sites pass (docs/review/sites-pass.md). A new entry needs the same reading and its reason.
NOT_SELF_TREATED = {
    ("abdominal-obliques", 3): "on the pubic bone by the groin crease; the pinch stops above "
    "the hip bone and the groin is left alone",
    ("subscapularis", 2): "under the shoulder blade, out of reach from the surface",
    ("supraspinatus", 3): "on the outside of the top of the arm bone; heat and the stretch "
    "reach it, no pressure technique does",
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def blocked_for_everyone(kb: KnowledgeBase, muscle: Muscle, site: str) -> bool:
    """Would the rules for everyone (global and the file's own) stop a fingertip press here?"""
    probe = (
        kb.muscle("upper-trapezius")
        .self_treatment[0]
        ._replace(id="press-here", kind="pressure", tool="fingers", applied_at=(site,))
    )
    return filter_technique(kb.safety, kb.atlas, probe, Personal(), muscle.cautions).blocked


def unpressed_points(kb: KnowledgeBase, muscle: Muscle) -> Iterator[tuple[int, str]]:
    """Each trigger point whose marked site no pressure or massage technique names."""
    pressed = {
        site
        for t in muscle.self_treatment
        if t.kind in ("pressure", "massage")
        for site in t.applied_at
    }
    for point in muscle.trigger_points:
        site = point.location.site[0]
        if site not in pressed and not blocked_for_everyone(kb, muscle, site):
            yield point.number, site


def test_every_marked_trigger_point_is_where_a_technique_presses(kb: KnowledgeBase) -> None:
    found = {(m.id, n): site for m in kb for n, site in unpressed_points(kb, m)}
    unexplained = {key: site for key, site in found.items() if key not in NOT_SELF_TREATED}
    assert unexplained == {}, "name the site in applied_at, or say why it is not self-treated"
    stale = sorted(set(NOT_SELF_TREATED) - set(found))
    assert stale == [], "these points are pressed now: drop them from NOT_SELF_TREATED"


@pytest.mark.parametrize(
    ("muscle", "before", "point", "site"),
    [
        # Second blind review: the strokes ran to the pubic bone, applied_at stopped above it.
        (
            "rectus-abdominis",
            {
                "lying-fingertip-pressure": ("upper-abdomen", "lower-abdomen", "navel"),
                "strap-muscle-strokes": ("upper-abdomen", "navel", "lower-abdomen"),
            },
            4,
            "pubic",
        ),
        # Sites pass: the balls roll "to a tender level" down to the sacrum.
        ("deep-paraspinals", {"two-balls-on-wall": ("low-back", "mid-back")}, 3, "sacrum"),
    ],
)
def test_the_check_finds_the_errors_it_was_written_for(
    kb: KnowledgeBase, muscle: str, before: dict[str, tuple[str, ...]], point: int, site: str
) -> None:
    fixed = kb.muscle(muscle)
    assert (point, site) not in set(unpressed_points(kb, fixed))
    old = fixed._replace(
        self_treatment=tuple(
            t._replace(applied_at=before.get(t.id, t.applied_at)) for t in fixed.self_treatment
        )
    )
    assert (point, site) in set(unpressed_points(kb, old))
