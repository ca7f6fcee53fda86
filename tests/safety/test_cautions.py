"""Personal cautions switch techniques off or cap them, per site, saying what and why."""

from __future__ import annotations

from datetime import date

import pytest

from knotwork.core.errors import InvalidInput, UnknownRegion
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.model import Span, Technique
from knotwork.core.safety.cautions import (
    Filtered,
    Personal,
    check_personal,
    factors_in_text,
    filter_technique,
)


def technique(kb: KnowledgeBase, **changes: object) -> Technique:
    base = kb.muscle("alpha-muscle").self_treatment[0]  # pinch-grip pressure, top of shoulder
    return base._replace(**changes)  # type: ignore[arg-type]


def test_no_factor_leaves_a_technique_as_written(kb: KnowledgeBase) -> None:
    f = filter_technique(kb.safety, kb.atlas, technique(kb), Personal())
    assert (f.blocked, f.changes, f.dose) == (False, (), technique(kb).dose)


def test_the_always_rule_blocks_pressure_on_the_front_of_the_neck(kb: KnowledgeBase) -> None:
    f = filter_technique(
        kb.safety, kb.atlas, technique(kb, applied_at=("front-of-neck",)), Personal()
    )
    assert f.blocked
    assert f.changes[0].factor == "always"


def test_blood_thinners_cap_the_pressure_and_say_why(kb: KnowledgeBase) -> None:
    f = filter_technique(kb.safety, kb.atlas, technique(kb), Personal({"blood-thinners": ()}))
    assert not f.blocked
    assert f.dose.pressure == Span(3, 3)
    assert [c.action for c in f.changes] == ["cap-pressure"]
    assert "bruising" in f.changes[0].reason
    hard = filter_technique(
        kb.safety, kb.atlas, technique(kb, tool="lacrosse-ball"), Personal({"blood-thinners": ()})
    )
    assert hard.blocked


def test_a_clot_blocks_the_whole_limb_but_not_the_other(kb: KnowledgeBase) -> None:
    clot = Personal({"suspected-clot": ("calf",)})
    thigh = filter_technique(kb.safety, kb.atlas, technique(kb, applied_at=("thigh-back",)), clot)
    shoulder = filter_technique(kb.safety, kb.atlas, technique(kb), clot)
    assert (thigh.blocked, shoulder.blocked) == (True, False)


def test_pregnancy_blocks_the_traditional_point_only(kb: KnowledgeBase) -> None:
    preg = Personal({"pregnancy": ()})
    assert filter_technique(kb.safety, kb.atlas, technique(kb), preg).blocked
    calf = technique(kb, applied_at=("calf",))
    assert not filter_technique(kb.safety, kb.atlas, calf, preg).blocked


def test_numb_skin_blocks_heat_only(kb: KnowledgeBase) -> None:
    numb = Personal({"numb-skin": ()})
    heat = technique(kb, kind="heat", tool="heat-pack")
    assert filter_technique(kb.safety, kb.atlas, heat, numb).blocked
    assert not filter_technique(kb.safety, kb.atlas, technique(kb), numb).blocked


def test_factors_are_read_from_text_with_negation(kb: KnowledgeBase) -> None:
    assert factors_in_text(kb.safety, "I'm pregnant and take warfarin") == [
        "blood-thinners",
        "pregnancy",
    ]
    assert factors_in_text(kb.safety, "not pregnant, no blood thinners") == []


def test_bad_personal_input_is_refused(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidInput, match="Did you mean: pregnancy"):
        check_personal(kb.safety, kb.atlas, Personal({"pregnancyy": ()}))
    with pytest.raises(InvalidInput, match="needs a site"):
        check_personal(kb.safety, kb.atlas, Personal({"suspected-clot": ()}))
    with pytest.raises(UnknownRegion):
        check_personal(kb.safety, kb.atlas, Personal({"suspected-clot": ("calfs",)}))


def test_cautions_in_the_words_take_the_painful_area_as_their_site() -> None:
    from knotwork.core.kb import load_kb
    from knotwork.core.safety.cautions import cautions_in_text

    real = load_kb()
    said = "I'm pregnant and I sprained my calf yesterday"
    noted = cautions_in_text(real.safety, said, ["calf", "calf", "shin"])
    assert dict(noted.personal.factors) == {
        "pregnancy": (),
        "acute-injury-under-72-hours": ("calf", "shin"),
    }
    assert "pregnant" in noted.phrases  # what it was read from
    check_personal(real.safety, real.atlas, noted.personal)  # a valid set, sites and all
    # Without a marked place a site-bound factor has nowhere to apply; negation is respected.
    alone = cautions_in_text(real.safety, said, [])
    assert dict(alone.personal.factors) == {"pregnancy": ()}
    none = cautions_in_text(real.safety, "not pregnant, no injury", ["calf"])
    assert (none.personal.factors, none.phrases) == ({}, ())


def test_the_press_test_is_withheld_only_where_a_personal_caution_blocks_pressing() -> None:
    from knotwork.core.kb import load_kb
    from knotwork.core.safety.cautions import pressing_withheld

    real = load_kb()

    def held(personal: Personal, *sites: str) -> str | None:
        change = pressing_withheld(real.safety, real.atlas, personal, sites)
        return change.factor if change else None

    clot = Personal({"known-or-suspected-clot": ("calf",)})
    assert held(clot, "calf") == "known-or-suspected-clot"
    assert held(clot, "thigh-back") == "known-or-suspected-clot"  # the whole limb
    assert held(clot, "top-of-shoulder") is None
    surgery = Personal({"recent-surgery-at-site": ("front-of-knee",)})
    assert held(surgery, "front-of-knee") == "recent-surgery-at-site"
    assert held(surgery, "calf") is None  # at the site only
    # A cap is not a block (blood thinners: press gently), and the rules for everyone (the
    # side of the neck) are already written into each check.
    assert held(Personal({"blood-thinners-or-bleeding-disorder": ()}), "calf") is None
    assert held(Personal(), "side-of-neck") is None


def test_a_sided_site_is_read_as_its_base_and_a_stray_site_is_refused() -> None:
    from knotwork.core.kb import load_kb

    real = load_kb()
    given = Personal({"known-or-suspected-clot": ("calf-right", "calf")})
    assert check_personal(real.safety, real.atlas, given).factors == {
        "known-or-suspected-clot": ("calf",)
    }
    with pytest.raises(InvalidInput, match="takes no site"):
        check_personal(real.safety, real.atlas, Personal({"pregnancy": ("calf",)}))
    with pytest.raises(UnknownRegion, match="Did you mean"):
        check_personal(real.safety, real.atlas, Personal({"known-or-suspected-clot": ("calff",)}))


def test_pregnancy_rules_out_stretching_the_tummy_muscles() -> None:
    from knotwork.core.kb import load_kb

    real = load_kb()
    press_up = next(
        t for t in real.muscle("rectus-abdominis").self_treatment if t.kind == "stretch"
    )
    pregnant = Personal({"pregnancy": ()})
    held = filter_technique(real.safety, real.atlas, press_up, pregnant)
    assert held.blocked and "tummy" in held.changes[0].reason
    assert not filter_technique(real.safety, real.atlas, press_up, Personal()).blocked


def test_pregnancy_rules_out_techniques_done_lying_face_down() -> None:
    from knotwork.core.kb import load_kb

    real = load_kb()
    pregnant = Personal({"pregnancy": ()})

    def reasons(muscle: str, technique: str) -> list[str]:
        t = next(x for x in real.muscle(muscle).self_treatment if x.id == technique)
        return [c.reason for c in filter_technique(real.safety, real.atlas, t, pregnant).changes]

    assert any("face down" in r for r in reasons("lower-trapezius", "prone-y-raise"))
    assert any("face down" in r for r in reasons("adductor-longus-brevis", "ball-prone-frog"))
    # Not face down: the position rule leaves it alone.
    upper = real.muscle("upper-trapezius").self_treatment
    assert all("face down" not in "".join(reasons("upper-trapezius", t.id)) for t in upper)


def test_pregnancy_moves_techniques_off_the_back_for_everyone_pregnant() -> None:
    """Obstetric guidance advises against exercise lying on the back after the first
    trimester (ACOG 2015): one global rule, not a caution repeated in a few files."""
    from knotwork.core.kb import load_kb

    real = load_kb()
    pregnant = Personal({"pregnancy": ()})

    def shown(muscle: str, technique: str) -> Filtered:
        t = next(x for x in real.muscle(muscle).self_treatment if x.id == technique)
        return filter_technique(real.safety, real.atlas, t, pregnant, real.muscle(muscle).cautions)

    # Only done lying on the back: withheld, with the reason and what to do instead.
    ball = shown("infraspinatus", "ball-on-floor")
    assert ball.blocked and "on your side or sitting" in ball.changes[0].reason
    # Also done sitting: kept, moved off the back.
    heat = shown("upper-trapezius", "moist-heat")
    assert not heat.blocked and heat.changes
    # Not pregnant: nothing changes.
    t = next(x for x in real.muscle("infraspinatus").self_treatment if x.id == "ball-on-floor")
    assert not filter_technique(real.safety, real.atlas, t, Personal()).changes


def test_a_site_bound_caution_takes_the_places_named_with_it() -> None:
    from knotwork.core.kb import load_kb
    from knotwork.core.safety.cautions import cautions_in_text

    real = load_kb()
    said = "my neck hurts and I had a clot in my right leg"
    # The clause about the clot names the leg: that is its site, not the painful neck.
    asides = [("had clot right leg", ["thigh-back", "calf"])]
    noted = cautions_in_text(real.safety, said, ["back-of-neck"], asides)
    assert dict(noted.personal.factors) == {"known-or-suspected-clot": ("thigh-back", "calf")}
    # A clause that does not state this factor lends it no site: the painful places stand in.
    other = cautions_in_text(real.safety, said, ["back-of-neck"], [("knee op", ["kneecap"])])
    assert dict(other.personal.factors) == {"known-or-suspected-clot": ("back-of-neck",)}


def test_someone_elses_condition_is_not_a_caution() -> None:
    from knotwork.core.kb import load_kb
    from knotwork.core.safety.cautions import cautions_in_text

    real = load_kb()
    said = "my wife is pregnant, so I do the lifting and my lower back aches"
    assert dict(cautions_in_text(real.safety, said, ["low-back"]).personal.factors) == {}
    mine = "I'm pregnant and my lower back aches"
    assert "pregnancy" in cautions_in_text(real.safety, mine, ["low-back"]).personal.factors


def test_an_operation_or_illness_said_as_long_ago_is_not_a_caution() -> None:
    from knotwork.core.kb import load_kb
    from knotwork.core.safety.cautions import factors_in_text

    real = load_kb()
    assert factors_in_text(real.safety, "I had surgery on my knee years ago") == []
    assert factors_in_text(real.safety, "I had flu last year") == []
    assert factors_in_text(real.safety, "I had surgery on my knee last week") == [
        "recent-surgery-at-site"
    ]
    # Past its horizon (six weeks for surgery, 72 hours for a fresh injury) it counts no more.
    assert factors_in_text(real.safety, "I had surgery on my knee two months ago") == []
    assert factors_in_text(real.safety, "I sprained my ankle 5 days ago") == []
    assert factors_in_text(real.safety, "I sprained my ankle yesterday") == [
        "acute-injury-under-72-hours"
    ]
    assert factors_in_text(real.safety, "I'm diabetic with numb feet") == [
        "numb-skin-or-neuropathy"
    ]
    # A year or a month dates it too (read against today's date).
    assert factors_in_text(real.safety, "I had surgery on my knee in 2015") == []
    this_year = f"I had surgery on my knee in {date.today().year}"
    assert factors_in_text(real.safety, this_year) == ["recent-surgery-at-site"]
    # A condition that lasts is not dated away: a clot years ago still counts.
    assert factors_in_text(real.safety, "I had a clot in my leg years ago") == [
        "known-or-suspected-clot"
    ]


def test_a_muscles_own_caution_is_enforced_by_the_same_filter(kb: KnowledgeBase) -> None:
    alpha = kb.muscle("alpha-muscle")
    ball = alpha.self_treatment[1]  # a tennis ball, lying on your back
    pregnant = Personal({"pregnancy": ()})
    held = filter_technique(kb.safety, kb.atlas, ball, pregnant, alpha.cautions)
    assert held.blocked
    assert [c.reason for c in held.changes if c.factor == "pregnancy"][-1] == (
        "If you are pregnant: no self-treatment with a tennis ball while lying on your back. "
        "Lying on your back becomes unwise later in pregnancy."
    )
    # Not pregnant, or not given the muscle's cautions: as written.
    assert not filter_technique(kb.safety, kb.atlas, ball, Personal(), alpha.cautions).changes
    # Its caution for everyone blocks pressing the side of the neck.
    neck = alpha.self_treatment[0]._replace(applied_at=("side-of-neck",))
    shown = filter_technique(kb.safety, kb.atlas, neck, Personal(), alpha.cautions)
    assert shown.blocked and shown.changes[0].reason.startswith("For everyone: no pressure or")


def test_a_ruled_out_posture_changes_a_technique_that_offers_another(kb: KnowledgeBase) -> None:
    alpha = kb.muscle("alpha-muscle")
    ball = alpha.self_treatment[1]._replace(applied_at=("calf",))  # clear of the global rules
    either_way = ball._replace(postures=("face-up", "standing"))
    pregnant = Personal({"pregnancy": ()})
    shown = filter_technique(kb.safety, kb.atlas, either_way, pregnant, alpha.cautions)
    assert not shown.blocked
    assert shown.postures == ("standing",)
    assert shown.changes[-1].action == "posture"
    assert shown.changes[-1].reason.endswith("Do it standing instead.")
    only_lying = filter_technique(kb.safety, kb.atlas, ball, pregnant, alpha.cautions)
    assert only_lying.blocked and only_lying.postures == ()


def test_the_press_test_respects_a_muscles_own_caution() -> None:
    from knotwork.core.kb import load_kb
    from knotwork.core.safety.cautions import pressing_withheld

    real = load_kb()
    psoas = real.muscle("iliopsoas")
    iliacus = psoas.trigger_points[1]
    pregnant = Personal({"pregnancy": ()})
    held = pressing_withheld(
        real.safety, real.atlas, pregnant, iliacus.location.site, iliacus.palpation, psoas.cautions
    )
    assert held is not None and held.factor == "pregnancy"
    assert pressing_withheld(real.safety, real.atlas, Personal(), iliacus.location.site) is None


def shown_for(muscle: str, *cautions: str) -> dict[str, dict[str, object]]:
    from knotwork.core.kb import load_kb
    from knotwork.core.kb.present import muscle_dict
    from knotwork.core.safety.cautions import parse_personal

    real = load_kb()
    data = muscle_dict(real, real.muscle(muscle), parse_personal(cautions))
    return {t["id"]: t for t in data["self_treatment"]}


def test_the_known_pregnancy_cases_are_enforced() -> None:
    """Issue 19: each caution a person read beside the technique it forbade."""
    # Iliopsoas: no pressure inside the pelvic rim (the lower belly).
    assert shown_for("iliopsoas", "pregnancy")["iliacus-rim-press"]["blocked"]
    # Soleus: the thumb reaches the inner shin; pressure there stays light, and the steps
    # no longer ask for more.
    thumb = shown_for("soleus", "pregnancy")["thumb-pressure-lower-calf"]
    assert thumb["dose"]["pressure"] == {"min": 3, "max": 3}  # type: ignore[index]
    assert not any("5 to 7" in s for s in thumb["steps"])  # type: ignore[attr-defined]
    assert any("3 out of 10" in s for s in thumb["steps"])  # type: ignore[attr-defined]
    # Rectus abdominis: nothing on the belly, and no caution says stroking is fine.
    belly = shown_for("rectus-abdominis", "pregnancy")
    assert [t for t, v in belly.items() if not v["blocked"]] == ["belly-breathing"]
    # Lying on your back on a ball, later in pregnancy: the gluteals and piriformis.
    for muscle in ("gluteus-maximus", "gluteus-medius", "piriformis"):
        assert shown_for(muscle, "pregnancy")["ball-on-floor"]["blocked"], muscle
        assert not shown_for(muscle, "pregnancy")["ball-on-wall"]["blocked"], muscle
    assert not shown_for("gluteus-medius")["ball-on-floor"]["blocked"]


def test_a_varicose_vein_caution_acts_where_its_sentence_says() -> None:
    """Gracilis: "If you have varicose or inflamed veins on the inside of the thigh: no
    pressure or massage there." Veins on the calf leave the inner thigh alone; veins on the
    inner thigh block it."""
    calf = shown_for("gracilis", "varicose-veins:calf")
    thigh = shown_for("gracilis", "varicose-veins:thigh-inner")
    assert not calf["pinch-grip"]["blocked"]
    assert thigh["pinch-grip"]["blocked"]


def test_a_caution_reads_as_its_data_says() -> None:
    from knotwork.core.kb import load_kb

    real = load_kb()
    texts = {m.id: [c.text for c in m.cautions] for m in real}
    assert (
        "If you are pregnant: pressure at most 3 out of 10 on the inside of the lower leg"
        in (texts["soleus"][1])
    )
    assert texts["sternocleidomastoid-sternal"][0].startswith(
        "For everyone: no pressure with anything but a pinch grip on the front of the neck"
    )
    # A factor that acts only where the person says it is (varicose veins) names that place,
    # so the sentence does not forbid the calf to someone whose veins are elsewhere; a clot
    # reaches the whole limb and says so.
    assert texts["gastrocnemius"][0].startswith(
        "If you have varicose or inflamed veins on the calf, or if you have a known or "
        "suspected clot in that limb: no pressure or massage on the calf."
    )
    assert texts["gracilis"][0].startswith(
        "If you have varicose or inflamed veins on the inside of the thigh: no pressure or "
        "massage there."
    )
    # The quadratus lumborum names no ball or wall technique it no longer has.
    assert not any("ball" in t and "pregnan" in t for t in texts["quadratus-lumborum"])


def _statuses(muscle: str, personal: Personal) -> dict[str, bool]:
    from knotwork.core.kb import load_kb

    real = load_kb()
    own = real.muscle(muscle).cautions
    return {
        t.id: filter_technique(real.safety, real.atlas, t, personal, own).blocked
        for t in real.muscle(muscle).self_treatment
    }


def test_a_clot_reaches_the_root_of_its_limb_and_no_further() -> None:
    # The groin holds the leg's main vein and the collarbone the arm's: a clot named there is a
    # clot in that limb, and a clot lower down the limb reaches them.
    groin = _statuses("adductor-longus-brevis", Personal({"known-or-suspected-clot": ("groin",)}))
    assert groin["pinch-grip-inner-thigh"] and groin["moist-heat"]
    assert not groin["butterfly-stretch"]  # a stretch is not pressure, rubbing or heat
    arm = _statuses("subclavius", Personal({"known-or-suspected-clot": ("upper-arm-front",)}))
    assert arm["finger-press-under-collarbone"]
    leg = _statuses("subclavius", Personal({"known-or-suspected-clot": ("calf",)}))
    assert not leg["finger-press-under-collarbone"]  # the other limb's root is left alone


def test_recent_surgery_holds_back_stretching_and_exercise_of_the_operated_area() -> None:
    shoulder = Personal({"recent-surgery-at-site": ("front-of-shoulder",)})
    assert _statuses("subscapularis", shoulder)["doorway-outward-rotation-stretch"]
    elsewhere = Personal({"recent-surgery-at-site": ("calf",)})
    assert not _statuses("subscapularis", elsewhere)["doorway-outward-rotation-stretch"]


def test_a_fresh_sprain_holds_back_stretching_there_but_not_gentle_movement() -> None:
    sprain = Personal({"acute-injury-under-72-hours": ("outer-ankle",)})
    ankle = _statuses("peroneus-longus-brevis", sprain)
    assert ankle["sole-turn-in-stretch"]  # turning the sole in is how the ankle was sprained
    assert not ankle["single-leg-balance"]
