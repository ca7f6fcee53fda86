"""Each integrity rule fires on the mistake it names, with file, field and stable code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from knotwork.core.errors import DataError
from knotwork.core.kb.checks import RULES
from knotwork.core.kb.load import check_sources, compile_kb, read_sources
from tests.kb.conftest import replace_in

Edit = Callable[[str, str, str], None]


def problems(kb_dir: Path) -> list[tuple[str, str, str]]:
    return [(p.file, p.field, p.code) for p in check_sources(read_sources(kb_dir))]


def test_the_fixture_base_is_clean(kb_dir: Path) -> None:
    assert problems(kb_dir) == []
    kb = compile_kb(kb_dir)
    assert kb.muscle("AM").id == "alpha-muscle"


BREAKS = [
    ("KB-001", "alpha-muscle", "prevalence: common", "prevalence: common\ncolour: red", "colour"),
    (
        "KB-001",
        "alpha-muscle",
        "kind: essential}",
        "kind: essentialish}",
        "trigger_points.0.referral.0.kind",
    ),
    ("KB-002", "alpha-muscle", "id: alpha-muscle", "id: alpha-musc", "id"),
    ("KB-003", "beta-muscle", "  - BM", "  - AM", "aliases"),
    (
        "KB-004",
        "alpha-muscle",
        "region: temple",
        "region: temples",
        "trigger_points.0.referral.0.region",
    ),
    (
        "KB-005",
        "alpha-muscle",
        "        - top-of-shoulder\n      view",
        "        - shoulder-top\n      view",
        "trigger_points.0.location.site.0",
    ),
    ("KB-006", "alpha-muscle", "muscle: beta-muscle", "muscle: gamma-muscle", "related.0.muscle"),
    ("KB-007", "alpha-muscle", "  - hou-2002", "  - hou-2003", "self_treatment.0.citations"),
    ("KB-008", "alpha-muscle", "kind: essential}", "kind: spillover}", "trigger_points.0.referral"),
    ("KB-009", "alpha-muscle", "hold_seconds:", "strokes:", "self_treatment.0.dose"),
    ("KB-010", "alpha-muscle", "      - Sharp pain.", "      - ' '", "self_treatment.0.stop_if"),
    (
        "KB-011",
        "alpha-muscle",
        "pressure: {min: 5, max: 7}",
        "pressure: {min: 5, max: 12}",
        "self_treatment.0.dose.pressure",
    ),
    ("KB-012", "alpha-muscle", "number: 1", "number: 2", "trigger_points"),
    ("KB-014", "alpha-muscle", "{id: headache}", "{id: headach}", "symptoms.0.id"),
    ("KB-015", "alpha-muscle", "  - desk-work", "  - deskwork", "activities"),
    (
        "KB-016",
        "alpha-muscle",
        "region: side-of-neck",
        "region: temple",
        "trigger_points.0.referral",
    ),
    # One zone on each side is allowed; two on the same side are not.
    (
        "KB-016",
        "alpha-muscle",
        "region: side-of-neck, kind: spillover",
        "region: temple, kind: spillover, side: both",
        "trigger_points.0.referral",
    ),
    (
        "KB-018",
        "alpha-muscle",
        "area: head-neck",
        "area: head-neck\npart_of: beta-muscle",
        "part_of",
    ),
    # A caution's factor is `always` or a personal factor of the safety data.
    ("KB-021", "alpha-muscle", "factors: [pregnancy]", "factors: [pregnant]", "cautions.1.factors"),
    (
        "KB-021",
        "alpha-muscle",
        "factors: [always]",
        "factors: [always, pregnancy]",
        "cautions.0.factors",
    ),
    # A caution naming a technique the file does not have (the old quadratus lumborum).
    (
        "KB-022",
        "alpha-muscle",
        "    tools: [tennis-ball]\n    postures",
        "    techniques: [ball-against-wall]\n    tools: [tennis-ball]\n    postures",
        "cautions.1.techniques",
    ),
    ("KB-023", "alpha-muscle", "sites: [side-of-neck]", "sites: [side-of-nek]", "cautions.0.sites"),
    # Lying on your back in the words, but listed as sitting: a rule about lying on your back
    # would never reach it.
    (
        "KB-024",
        "alpha-muscle",
        "postures: [face-up]",
        "postures: [sitting]",
        "self_treatment.1.postures",
    ),
    (
        "KB-024",
        "alpha-muscle",
        "      - Let your weight sink onto it",
        "      - Or lie face down on it. Let your weight sink onto it",
        "self_treatment.1.postures",
    ),
    # A second lying posture after "or" is a posture too (the back muscles' heat packs said
    # "lying on your side or front" and listed only side-lying, out of the pregnancy rule's reach).
    (
        "KB-024",
        "alpha-muscle",
        "position: Lying on your back on the floor, knees bent.\n    postures: [face-up]",
        "position: Lying on your side or front on the floor.\n    postures: [side-lying]",
        "self_treatment.1.postures",
    ),
    (
        "KB-025",
        "alpha-muscle",
        "    sites: [side-of-neck]\n    kinds: [pressure, massage]\n",
        "",
        "cautions.0",
    ),
    (
        "KB-025",
        "alpha-muscle",
        "    kinds: [pressure, massage]\n    note: The carotid",
        "    kinds: [pressure, massage]\n    max_pressure: 3\n    note: The carotid",
        "cautions.0.max_pressure",
    ),
    # A caution about lying on a ball in a file with no such technique restricts nothing.
    (
        "KB-026",
        "alpha-muscle",
        "postures: [face-up]\n    note",
        "postures: [kneeling]\n    note",
        "cautions.1",
    ),
    # Its own caution blocks a technique for everyone: the file offers what no one may do.
    (
        "KB-027",
        "alpha-muscle",
        "sites: [side-of-neck]",
        "sites: [top-of-shoulder]",
        "self_treatment.0",
    ),
    # The global pregnancy rule blocks pressure on the top of the shoulder; a caution of the
    # file that only caps it says less than what the filter does (the old rectus abdominis).
    (
        "KB-028",
        "alpha-muscle",
        "    action: block\n    tools: [tennis-ball]\n    postures: [face-up]\n",
        "    action: cap-pressure\n    tools: [tennis-ball]\n    max_pressure: 3\n",
        "self_treatment.1",
    ),
    (
        "KB-029",
        "alpha-muscle",
        "about 4 to 6 out of 10",
        "about 4 to 8 out of 10",
        "self_treatment.1.steps.1",
    ),
    # The dose ceilings hold in every file (pressure 7/10, 90 s holds).
    (
        "KB-030",
        "alpha-muscle",
        "pressure: {min: 5, max: 7}",
        "pressure: {min: 5, max: 8}",
        "self_treatment.0.dose.pressure",
    ),
    (
        "KB-030",
        "alpha-muscle",
        "hold_seconds: {min: 30, max: 90}",
        "hold_seconds: {min: 30, max: 120}",
        "self_treatment.0.dose.hold_seconds",
    ),
    # A heat pack: 10-15 minutes up to three times a day, with the NHS safe-use guidance cited
    # (the old 15-20 minute packs that cited only a trial's baseline hot pack).
    (
        "KB-031",
        "alpha-muscle",
        "minutes: {min: 10, max: 15}",
        "minutes: {min: 15, max: 20}",
        "self_treatment.2.dose.minutes",
    ),
    (
        "KB-031",
        "alpha-muscle",
        "times_per_day: {min: 1, max: 3}\n    stop_if:\n      - The skin",
        "times_per_day: {min: 1, max: 4}\n    stop_if:\n      - The skin",
        "self_treatment.2.dose.times_per_day",
    ),
    (
        "KB-031",
        "alpha-muscle",
        "      - petrofsky-2020\n      - mpft-heat-treatment\n",
        "      - hou-2002\n",
        "self_treatment.2.citations",
    ),
]


@pytest.mark.parametrize(
    ("code", "muscle", "old", "new", "field"), BREAKS, ids=[f"{b[0]}-{b[4]}" for b in BREAKS]
)
def test_a_broken_file_reports_its_code(
    kb_dir: Path, edit: Edit, code: str, muscle: str, old: str, new: str, field: str
) -> None:
    edit(muscle, old, new)
    assert (f"muscles/{muscle}.yaml", field, code) in problems(kb_dir)


@pytest.mark.parametrize(
    ("words", "postures"),
    [
        ("Lying on your side or front, knees bent.", {"side-lying", "face-down"}),
        ("Lying on your back or front.", {"face-up", "face-down"}),
        ("Lying on the other side or on the back.", {"side-lying", "face-up"}),
        ("Lying on your back or side, or sitting.", {"face-up", "side-lying", "sitting"}),
        ("Lying on your back with a ball on the front of the hip.", {"face-up"}),
        ("Kneeling, sitting back toward the heels.", {"kneeling"}),
        ("Lying on your back, two balls in a sock so the spine sits between them.", {"face-up"}),
        ("Standing at a wall; the ball sits on the muscle that stands out.", {"standing"}),
    ],
)
def test_the_postures_a_position_names(words: str, postures: set[str]) -> None:
    from knotwork.core.kb.technique_words import postures_in_text

    assert postures_in_text(words) == postures


def test_technique_ids_repeat(kb_dir: Path, edit: Edit) -> None:
    text = (kb_dir / "muscles/alpha-muscle.yaml").read_text(encoding="utf-8")
    block = text[text.index("  - id: pinch") : text.index("professional:")]
    edit("alpha-muscle", "professional:", block + "professional:")
    assert ("muscles/alpha-muscle.yaml", "self_treatment", "KB-013") in problems(kb_dir)


def test_duplicate_reference_ids(kb_dir: Path) -> None:
    path = kb_dir / "bibliography.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: hou-2002")
    path.write_text(text + text[start : text.index("- id:", start + 5)], encoding="utf-8")
    assert ("bibliography.yaml", "hou-2002", "KB-017") in problems(kb_dir)


def test_all_problems_are_reported_at_once(kb_dir: Path, edit: Edit) -> None:
    edit("alpha-muscle", "region: temple", "region: temples")
    edit("beta-muscle", "  - hou-2002", "  - nobody-1999")
    with pytest.raises(DataError) as caught:
        compile_kb(kb_dir)
    codes = sorted(line.split(": ")[2].split()[0] for line in caught.value.details)
    assert codes == ["KB-004", "KB-007"]


def test_a_vocabulary_region_must_exist(kb_dir: Path) -> None:
    replace_in(
        kb_dir / "vocab" / "paths.yaml", "regions: [buttock-upper,", "regions: [buttocks-upper,"
    )
    assert ("vocab/paths.yaml", "paths.0.regions", "KB-019") in problems(kb_dir)


def test_an_evidence_citation_must_exist(kb_dir: Path) -> None:
    replace_in(kb_dir / "evidence.yaml", "kellgren-1938", "kellgren-1939")
    assert ("evidence.yaml", "sections.1.citations", "KB-020") in problems(kb_dir)


def test_a_region_on_each_side_is_not_a_repeat(kb_dir: Path, edit: Edit) -> None:
    edit("alpha-muscle", "region: side-of-neck,", "region: temple, side: opposite,")
    assert problems(kb_dir) == []


def test_every_rule_is_exercised_by_a_test() -> None:
    exercised = {b[0] for b in BREAKS} | {"KB-013", "KB-017", "KB-019", "KB-020"}
    assert exercised == set(RULES)


def test_the_area_lists_agree() -> None:
    """The schema's Area, the runtime AREAS (display order) and the area names are one list."""
    from typing import get_args

    from knotwork.core.kb.model import AREAS
    from knotwork.core.kb.present import AREA_NAMES
    from knotwork.core.kb.schema import Area

    assert get_args(Area) == AREAS
    assert tuple(AREA_NAMES) == AREAS


SAFETY_BREAKS = [
    # (code, file under safety/ edited, old text, new text, [other file:] field reported)
    ("SAFETY-001", "redflags/chest-pressure.yaml", "urgency: emergency", "urgency: now", "urgency"),
    (
        "SAFETY-001",
        "redflags/chest-pressure.yaml",
        "sources:",
        "colour: red\nsources:",
        "colour",
    ),
    (
        # A second statement needs at least one group of phrases.
        "SAFETY-001",
        "redflags/chest-pressure.yaml",
        "sources:",
        "text_also:\n  - []\nsources:",
        "text_also.0",
    ),
    ("SAFETY-001", "redflags/chest-pressure.yaml", "sources:", "recent: 1\nsources:", "recent"),
    ("SAFETY-002", "redflags/chest-pressure.yaml", "id: chest-pressure", "id: chest-press", "id"),
    (
        "SAFETY-003",
        "redflags/chest-pressure.yaml",
        "sources: [batavia-2004]",
        "sources: [batavia-2005]",
        "sources",
    ),
    (
        "SAFETY-007",
        "redflags/chest-pressure.yaml",
        "sources:",
        "explained_away:\n  - {signs: [chest ache], by: [after gym]}\nsources:",
        "explained_away.0.signs",
    ),
    (
        # A horizon in days means nothing on a flag that is not a recent event.
        "SAFETY-008",
        "redflags/chest-pressure.yaml",
        "sources:",
        "recent_days: 7\nsources:",
        "recent_days",
    ),
    (
        # A fact the reading cannot test would never hold.
        "SAFETY-009",
        "redflags/chest-pressure.yaml",
        "[arm, jaw, sweating, breathless]",
        "[arm, jaw, sweating, breathless, '@tall']",
        "text.1",
    ),
    (
        # Facts alone ("over 50") would raise the flag for everyone with them.
        "SAFETY-010",
        "redflags/chest-pressure.yaml",
        "  - [chest pressure, chest pain, tight chest]\n  - [arm, jaw, sweating, breathless]",
        "  - ['@age>=50']",
        "text",
    ),
    (
        # A concept a flag names must exist (concepts.yaml).
        "SAFETY-011",
        "redflags/chest-pressure.yaml",
        "[chest pressure, chest pain, tight chest]",
        "['$chst']",
        "text.0",
    ),
    ("SAFETY-004", "areas.yaml", "[hip-thigh, knee, leg-foot]", "[hip-thigh, knee]", "areas"),
    ("SAFETY-005", "areas.yaml", "neck: [neck]", "neck: [neck, nek]", "areas.neck"),
    (
        "SAFETY-005",
        "cautions.yaml",
        "tools: [lacrosse-ball, hook-tool]",
        "tools: [lacrosse-ball, hook]",
        "factors.0.effects.1",
    ),
    (
        "SAFETY-006",
        "redflags/chest-pressure.yaml",
        "areas: [chest-thoracic, neck, shoulder-arm]",
        "areas: [neck, shoulder-arm]",
        "areas.yaml:areas.chest-thoracic",  # reported on the area no flag asks about now
    ),
]


@pytest.mark.parametrize(
    ("code", "file", "old", "new", "field"),
    SAFETY_BREAKS,
    ids=[f"{b[0]}-{b[4].rpartition(':')[2]}" for b in SAFETY_BREAKS],
)
def test_a_broken_safety_file_reports_its_code(
    kb_dir: Path, code: str, file: str, old: str, new: str, field: str
) -> None:
    replace_in(kb_dir / "safety" / file, old, new)
    reported, _, field = field.rpartition(":")
    found = problems(kb_dir)
    assert (f"safety/{reported or file}", field, code) in found, found


def test_a_second_statement_is_read_and_matched(kb_dir: Path) -> None:
    from knotwork.core.safety.screen import screen

    also = "text_also:\n  - - [jaw ache]\n    - [on the stairs]\nsources:"
    replace_in(kb_dir / "safety" / "redflags" / "chest-pressure.yaml", "sources:", also)
    assert problems(kb_dir) == []
    kb = compile_kb(kb_dir)
    said = screen(kb.safety, kb.atlas, text="a jaw ache on the stairs")
    assert [(r.flag.id, r.matched) for r in said.raised] == [
        ("chest-pressure", ("jaw ache", "on the stairs"))
    ]
    # A statement needs all its groups: half of one is not enough.
    for partial in ("a jaw ache", "I am fine on the stairs"):
        assert screen(kb.safety, kb.atlas, text=partial).level == "none", partial


def test_a_concept_stands_for_its_terms_and_a_fact_is_tested(kb_dir: Path) -> None:
    from knotwork.core.safety.screen import screen

    flag = kb_dir / "safety" / "redflags" / "chest-pressure.yaml"
    replace_in(flag, "[chest pressure, chest pain, tight chest]", "['$chest']")
    replace_in(flag, "[arm, jaw, sweating, breathless]", "[arm, jaw, sweating, '@age>=60']")
    assert problems(kb_dir) == []
    kb = compile_kb(kb_dir)
    raised = screen(kb.safety, kb.atlas, text="tight chest, I'm 67").raised
    assert [(r.flag.id, r.matched) for r in raised] == [
        ("chest-pressure", ("tight chest", "@age>=60"))
    ]
    assert screen(kb.safety, kb.atlas, text="tight chest, I'm 47").level == "none"


def test_every_safety_rule_is_exercised_by_a_test() -> None:
    from knotwork.core.safety.load import RULES as SAFETY_RULES

    assert {b[0] for b in SAFETY_BREAKS} == set(SAFETY_RULES)
