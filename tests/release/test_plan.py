"""Plans: the knowledge base's points, techniques and doses, as the person's cautions allow
them, left then right, and nothing while a warning sign is raised or a question unanswered."""

from __future__ import annotations

from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.present import muscle_dict
from knotwork.core.release.gate import gate, treated_places
from knotwork.core.release.plan import Choice, build_steps
from knotwork.core.safety.cautions import Personal
from knotwork.core.safety.screen import questions_for, screening_areas


def all_no(kb: KnowledgeBase, places: list[str]) -> dict[str, bool]:
    areas = screening_areas(kb.safety, kb.atlas, places)
    return {f.id: False for f in questions_for(kb.safety, areas)}


def test_upper_trapezius_left_then_right_with_its_dose(kb: KnowledgeBase) -> None:
    m = kb.muscle("upper-trapezius")
    steps, skipped = build_steps(kb, [m], Personal(), Choice())
    assert skipped == []
    assert [(s.point, s.side) for s in steps] == [
        (1, "left"),
        (2, "left"),
        (1, "right"),
        (2, "right"),
    ]
    assert [s.switch for s in steps] == [False, False, True, False]
    first = steps[0]
    technique = next(t for t in m.self_treatment if t.id == first.technique)
    assert technique.kind == "pressure"
    assert set(technique.applied_at) & set(first.sites)
    assert first.hold_seconds == technique.dose.hold_seconds.min  # type: ignore[union-attr]
    assert first.repetitions == technique.dose.repetitions.min
    assert first.pressure == technique.dose.pressure
    assert first.tool == technique.tool and first.position == technique.position


def test_a_chosen_hold_and_one_side(kb: KnowledgeBase) -> None:
    m = kb.muscle("traps")
    steps, _ = build_steps(kb, [m], Personal(), Choice(hold_seconds=60, sides=("right",)))
    assert {s.side for s in steps} == {"right"}
    assert {s.hold_seconds for s in steps} == {60}
    assert not any(s.switch for s in steps)


def test_cautions_use_the_muscle_pages_filter(kb: KnowledgeBase) -> None:
    """Pregnancy caps the pinch grip at 3/10 on the upper trapezius: the plan says so and
    its steps ask for no more, exactly as the muscle page shows it."""
    m = kb.muscle("upper-trapezius")
    personal = Personal({"pregnancy": ()})
    steps, _ = build_steps(kb, [m], personal, Choice())
    page = {t["id"]: t for t in muscle_dict(kb, m, personal)["self_treatment"]}
    for s in steps:
        shown = page[s.technique]
        assert not shown["blocked"]
        assert s.pressure is not None
        assert [s.pressure.min, s.pressure.max] == [
            shown["dose"]["pressure"]["min"],
            shown["dose"]["pressure"]["max"],
        ]
        assert list(s.how) == shown["steps"]
    pinch = [s for s in steps if s.technique == "pinch-grip-squeeze"]
    assert pinch and all(s.pressure and s.pressure.max <= 3 for s in pinch)
    assert all(s.changes for s in pinch)


def test_a_point_whose_techniques_are_all_blocked_is_skipped_with_why(kb: KnowledgeBase) -> None:
    """A clot in the calf blocks pressure there: the soleus plan has nothing, and says why."""
    m = kb.muscle("soleus")
    steps, skipped = build_steps(
        kb, [m], Personal({"known-or-suspected-clot": ("calf",)}), Choice()
    )
    assert steps == []
    assert skipped and all(s.reason for s in skipped)
    free, _ = build_steps(kb, [m], Personal(), Choice())
    assert free


def test_nothing_while_a_question_is_unanswered(kb: KnowledgeBase) -> None:
    m = kb.muscle("upper-trapezius")
    g = gate(kb, [m], ("left", "right"), {})
    assert not g.open and g.level == "incomplete" and g.unanswered
    places = treated_places(kb, [m], ("left", "right"))
    assert "top-of-shoulder-left" in places and "top-of-shoulder-right" in places
    g = gate(kb, [m], ("left", "right"), all_no(kb, places))
    assert g.open and g.level == "none"


def test_nothing_while_a_red_flag_is_raised(kb: KnowledgeBase) -> None:
    m = kb.muscle("upper-trapezius")
    answers = all_no(kb, treated_places(kb, [m], ("right",)))
    flag = next(iter(answers))
    g = gate(kb, [m], ("right",), {**answers, flag: True})
    assert not g.open and g.level in ("soon", "urgent", "emergency")
    assert g.flags[0]["instruction"]
    said = gate(kb, [m], ("right",), answers, text="I have a fever and a stiff neck")
    assert not said.open and said.flags
