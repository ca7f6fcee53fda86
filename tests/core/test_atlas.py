"""The body atlas: coverage, sides, crosswalks and lookups."""

from __future__ import annotations

import pytest

from knotwork.core.atlas.model import Atlas
from knotwork.core.errors import UnknownRegion

# Every region the foundation issue names, by base id.
REQUIRED = [
    "forehead",
    "temple",
    "vertex",
    "back-of-head",
    "behind-eye",
    "eyebrow",
    "cheek",
    "jaw",
    "jaw-joint",
    "upper-teeth",
    "lower-teeth",
    "ear",
    "back-of-neck",
    "side-of-neck",
    "front-of-neck",
    "throat",
    "top-of-shoulder",
    "front-of-shoulder",
    "side-of-shoulder",
    "back-of-shoulder",
    "shoulder-blade",
    "shoulder-blade-upper",
    "shoulder-blade-inner-edge",
    "armpit",
    "upper-arm-front",
    "upper-arm-back",
    "upper-arm-inner",
    "upper-arm-outer",
    "outer-elbow",
    "inner-elbow",
    "forearm-front",
    "forearm-back",
    "wrist-thumb-side",
    "wrist-little-finger-side",
    "back-of-hand",
    "palm",
    "thumb",
    "index-finger",
    "middle-finger",
    "ring-finger",
    "little-finger",
    "upper-chest",
    "breastbone",
    "breast",
    "side-of-ribs",
    "upper-abdomen",
    "lower-abdomen",
    "groin",
    "genitals",
    "perineum",
    "between-shoulder-blades",
    "mid-back",
    "low-back",
    "sacrum",
    "tailbone",
    "buttock-upper",
    "buttock-lower",
    "side-of-hip",
    "thigh-front",
    "thigh-back",
    "thigh-inner",
    "thigh-outer",
    "front-of-knee",
    "kneecap",
    "inner-knee",
    "outer-knee",
    "back-of-knee",
    "shin",
    "outer-leg",
    "calf",
    "achilles",
    "outer-ankle",
    "inner-ankle",
    "heel",
    "sole",
    "ball-of-foot",
    "top-of-foot",
    "big-toe",
    "other-toes",
]


def test_it_has_at_least_90_distinct_anatomical_regions(atlas: Atlas) -> None:
    assert len(atlas.bases) >= 90


def test_it_covers_every_region_the_issue_names(atlas: Atlas) -> None:
    assert [b for b in REQUIRED if b not in atlas.bases] == []


def test_paired_regions_have_left_and_right_and_midline_ones_neither(atlas: Atlas) -> None:
    for base, ids in atlas.bases.items():
        sides = sorted(atlas.regions[i].side for i in ids)
        assert sides in (["left", "right"], ["midline"]), base
    assert atlas.bases["temple"] == ("temple-left", "temple-right")
    assert atlas.bases["vertex"] == ("vertex",)


def test_every_region_has_labels_views_group_and_synonyms(atlas: Atlas) -> None:
    for region in atlas:
        assert region.lay
        assert region.anatomical
        assert region.views
        assert region.group in atlas.groups
        assert region.synonyms, region.id


def test_choir_crosswalk_follows_the_side(atlas: Atlas) -> None:
    # CHOIR male numbering: front-right cranium 101, front-left 102; back-left 201.
    assert atlas.get("forehead-right").choir == (101,)
    assert atlas.get("forehead-left").choir == (102,)
    assert atlas.get("back-of-head-left").choir == (201,)
    assert atlas.get("vertex").choir == (101, 102, 201, 202)
    assert all(101 <= c <= 238 for r in atlas for c in r.choir)


def test_michigan_crosswalk_names_a_side_where_the_map_has_one(atlas: Atlas) -> None:
    assert atlas.get("jaw-right").michigan == "Rt jaw"
    assert atlas.get("jaw-left").michigan == "Lt jaw"
    assert atlas.get("temple-left").michigan == "Head"


def test_mirror_and_sided(atlas: Atlas) -> None:
    assert atlas.mirror("temple-left") == "temple-right"
    assert atlas.mirror("sacrum") == "sacrum"
    assert atlas.sided("heel", "left") == "heel-left"
    assert atlas.sided("sacrum", "left") == "sacrum"


def test_unknown_region_suggests_the_closest_ids(atlas: Atlas) -> None:
    with pytest.raises(UnknownRegion) as caught:
        atlas.get("templ-left")
    assert caught.value.suggestions[0] == "temple-left"
    with pytest.raises(UnknownRegion) as caught:
        atlas.get("temple")
    assert caught.value.suggestions == ["temple-left", "temple-right"]


def test_synonyms_do_not_point_to_two_base_regions_of_one_group(atlas: Atlas) -> None:
    seen: dict[tuple[str, str], str] = {}
    for region in atlas:
        for word in region.synonyms:
            key = (region.group, word)
            assert seen.setdefault(key, region.base) == region.base, word
