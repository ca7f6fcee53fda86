"""Everything the finder precomputes from the knowledge base (cached with it)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, NamedTuple

from knotwork.core.cache import cached
from knotwork.core.finder import model
from knotwork.core.finder.lexicon import Lexicon, build_lexicon
from knotwork.core.finder.patterns import Pattern, build_patterns, region_index, your_phrase
from knotwork.core.finder.postings import Postings, build_postings
from knotwork.core.kb import load_kb
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.files import source_files
from knotwork.core.kb.model import Muscle
from knotwork.core.kb.present import AREA_NAMES
from knotwork.core.paths import DATA_DIR


class FinderIndex(NamedTuple):
    kb: KnowledgeBase
    lexicon: Lexicon
    patterns: dict[str, dict[str, Pattern]]
    by_region: dict[str, set[str]]
    postings: Postings
    # Per muscle, computed once: the log prior, and the symptoms and activities it lists.
    log_prior: dict[str, float]
    symptoms_of: dict[str, frozenset[str]]
    activities_of: dict[str, frozenset[str]]
    labels: dict[str, str]  # region id -> "Temple (right)"
    your: dict[str, str]  # region or base id -> "your right temple"
    # muscle id -> its block in a result (precomputed, shared, never changed)
    heads: dict[str, dict[str, str]]
    # muscle id -> side -> its trigger points as the finder reports them (without "explains")
    trigger_points: dict[str, dict[str, list[dict[str, Any]]]]
    # muscle id -> side -> (region, entry) for each zone its pattern predicts (not local)
    predicted: dict[str, dict[str, list[tuple[str, dict[str, str]]]]]


def build_index(kb: KnowledgeBase) -> FinderIndex:
    patterns = build_patterns(kb)
    labels = {r.id: r.label for r in kb.atlas}
    return FinderIndex(
        kb=slim(kb),
        lexicon=build_lexicon(kb),
        patterns=patterns,
        by_region=region_index(patterns),
        postings=build_postings(patterns),
        log_prior={m.id: math.log(model.PRIOR[m.prevalence]) for m in kb},
        symptoms_of={m.id: frozenset(s.id for s in m.symptoms) for m in kb},
        activities_of={
            m.id: frozenset(m.activities).union(*(f.activities for f in m.perpetuating_factors))
            for m in kb
        },
        labels=labels,
        your=_your_phrases(kb),
        heads={
            m.id: {"id": m.id, "name": m.name, "area": m.area, "area_name": AREA_NAMES[m.area]}
            for m in kb
        },
        trigger_points={
            m.id: {side: _trigger_points(kb, m, side) for side in ("left", "right")} for m in kb
        },
        predicted={
            mid: {
                side: [
                    (r, {"region": r, "label": labels[r], "kind": c.kind})
                    for r, c in pattern.cells.items()
                    if c.kind != "local"
                ]
                for side, pattern in by_side.items()
            }
            for mid, by_side in patterns.items()
        },
    )


def _your_phrases(kb: KnowledgeBase) -> dict[str, str]:
    """ "your right temple" for each sided id, "your temple" for each base id."""
    phrases = {}
    for region in kb.atlas:
        phrases[region.base] = your_phrase(kb, region.base)
        phrases[region.id] = your_phrase(kb, region.id)
    return phrases


def _trigger_points(kb: KnowledgeBase, muscle: Muscle, side: str) -> list[dict[str, Any]]:
    return [
        {
            "number": tp.number,
            "label": tp.label,
            "where": tp.location.lay,
            "anatomical": tp.location.anatomical,
            "how_to_check": tp.palpation,
            "site": [kb.atlas.sided(r, side) for r in tp.location.site],  # type: ignore[arg-type]
            "view": tp.location.view,
        }
        for tp in muscle.trigger_points
    ]


def slim(kb: KnowledgeBase) -> KnowledgeBase:
    """The knowledge base as the finder needs it: names, trigger points, patterns, symptoms,
    context, cautions (a muscle's own can withhold its press test) and the safety data, without
    techniques and texts it never shows. It halves
    what a command has to load before it can answer."""
    muscles = {
        mid: m._replace(
            description="",
            self_treatment=(),
            professional=(),
            source_notes=(),
            perpetuating_factors=tuple(
                f._replace(factor="", correction="") for f in m.perpetuating_factors if f.activities
            ),
        )
        for mid, m in kb.muscles.items()
    }
    return kb.replace(muscles=muscles, references={})


def load_index(data_dir: Path = DATA_DIR, cache_dir: Path | None = None) -> FinderIndex:
    """The knowledge base with the finder's lexicon and patterns, from one compiled cache."""

    def build() -> FinderIndex:
        return build_index(load_kb(data_dir, None))

    return cached("finder", source_files(data_dir), build, cache_dir)
