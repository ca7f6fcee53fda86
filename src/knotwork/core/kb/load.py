"""Read the knowledge data files, validate them, run every rule, and build the runtime base.

``compile_kb`` does the full, slow path (YAML + pydantic + rules) and reports every problem at
once; ``load_kb`` adds a compiled cache so later starts skip that work until a file changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knotwork.core.atlas.load import load_atlas
from knotwork.core.atlas.model import Atlas
from knotwork.core.datafile import parse
from knotwork.core.kb import convert
from knotwork.core.kb.base import KnowledgeBase, build_indexes, part_index
from knotwork.core.kb.caution_text import caution_text
from knotwork.core.kb.checks import Context, check_across, check_muscle, check_vocab_regions
from knotwork.core.kb.files import (
    BIBLIOGRAPHY,
    BODY_WORDS,
    CONTEXTS,
    EVERYDAY,
    EVIDENCE,
    MUSCLES_DIR,
    PATHS,
    SYMPTOMS,
)
from knotwork.core.kb.schema import (
    Bibliography,
    BodyWords,
    Caution,
    EverydayWords,
    EvidenceFile,
    MuscleFile,
    Paths,
    Vocabulary,
)
from knotwork.core.paths import DATA_DIR
from knotwork.core.problems import Problem, raise_if_any
from knotwork.core.safety.groups import (
    GroupsFile,
    build_groups,
    check_groups,
    group_of,
    read_groups,
)
from knotwork.core.safety.load import build_safety, check_safety, read_safety
from knotwork.core.safety.model import SafetyData
from knotwork.core.safety.schema import AreaMap, CautionsFile, RedFlagFile


@dataclass(frozen=True, slots=True)
class Sources:
    """Everything read and schema-checked, before the cross-file rules run."""

    atlas: Atlas
    muscles: dict[str, MuscleFile]
    bibliography: Bibliography | None
    symptoms: Vocabulary | None
    contexts: Vocabulary | None
    body_words: BodyWords | None
    paths: Paths | None
    everyday: EverydayWords | None
    evidence: EvidenceFile | None
    flags: dict[str, RedFlagFile]
    areas: AreaMap | None
    cautions: CautionsFile | None
    groups: GroupsFile | None
    problems: list[Problem]


def read_sources(data_dir: Path = DATA_DIR) -> Sources:
    problems: list[Problem] = []
    muscles: dict[str, MuscleFile] = {}
    for path in sorted((data_dir / MUSCLES_DIR).glob("*.yaml")):
        rel = f"{MUSCLES_DIR}/{path.name}"
        parsed = parse(MuscleFile, path, rel, problems)
        if parsed is not None:
            muscles[rel] = parsed
    return Sources(
        atlas=load_atlas(data_dir),
        muscles=muscles,
        bibliography=parse(Bibliography, data_dir / BIBLIOGRAPHY, BIBLIOGRAPHY, problems),
        symptoms=parse(Vocabulary, data_dir / SYMPTOMS, SYMPTOMS, problems),
        contexts=parse(Vocabulary, data_dir / CONTEXTS, CONTEXTS, problems),
        body_words=parse(BodyWords, data_dir / BODY_WORDS, BODY_WORDS, problems),
        paths=parse(Paths, data_dir / PATHS, PATHS, problems),
        everyday=parse(EverydayWords, data_dir / EVERYDAY, EVERYDAY, problems),
        evidence=parse(EvidenceFile, data_dir / EVIDENCE, EVIDENCE, problems),
        **_safety_sources(data_dir, problems),
        problems=problems,
    )


def _global_rules(src: Sources) -> SafetyData | None:
    """The safety rules the muscles' techniques are checked against, if they read cleanly."""
    if src.cautions is None or src.areas is None:
        return None
    return build_safety({}, src.areas, src.cautions)


def _safety_sources(data_dir: Path, problems: list[Problem]) -> dict[str, Any]:
    flags, areas, cautions = read_safety(data_dir, problems)
    groups = read_groups(data_dir, problems)
    return {"flags": flags, "areas": areas, "cautions": cautions, "groups": groups}


def check_sources(src: Sources) -> list[Problem]:
    """All problems: schema ones already found plus every integrity rule."""
    refs = [r.id for r in src.bibliography.references] if src.bibliography else []
    ctx = Context(
        atlas=src.atlas,
        muscle_ids=frozenset(m.id for m in src.muscles.values()),
        references=frozenset(refs),
        symptoms=frozenset(t.id for t in src.symptoms.terms) if src.symptoms else frozenset(),
        contexts=frozenset(t.id for t in src.contexts.terms) if src.contexts else frozenset(),
        factors=frozenset(f.id for f in src.cautions.factors) if src.cautions else frozenset(),
        safety=_global_rules(src),
    )
    problems = list(src.problems)
    for file, muscle in src.muscles.items():
        problems.extend(check_muscle(file, muscle, ctx))
    problems.extend(check_across(src.muscles, refs))
    problems.extend(_vocab_region_problems(src))
    if src.evidence:
        problems.extend(
            Problem(EVIDENCE, f"sections.{i}.citations", "KB-020", f"unknown reference '{c}'")
            for i, sec in enumerate(src.evidence.sections)
            for c in sec.citations
            if c not in refs
        )
    problems.extend(check_safety(src.flags, src.areas, src.cautions, src.atlas, refs))
    problems.extend(check_groups(src.groups, (f.id for f in src.flags.values())))
    return sorted(problems)


def _vocab_region_problems(src: Sources) -> list[Problem]:
    found: list[Problem] = []
    if src.body_words:
        entries = [
            (f"parts.{i}.{key}", regions)
            for i, part in enumerate(src.body_words.parts)
            for key, regions in part.model_dump(exclude_none=True).items()
            if key not in ("id", "words")
        ]
        entries += [
            (f"implied.{i}.regions", imp.regions) for i, imp in enumerate(src.body_words.implied)
        ]
        found += check_vocab_regions(BODY_WORDS, entries, src.atlas)
    if src.paths:
        entries = [(f"paths.{i}.regions", p.regions) for i, p in enumerate(src.paths.paths)]
        found += check_vocab_regions(PATHS, entries, src.atlas)
    return found


def caution_writer(atlas: Atlas, cautions: CautionsFile) -> Callable[[MuscleFile, Caution], str]:
    """Writes the sentence of a muscle's caution from its fields (caution_text.py)."""
    places = {base: atlas.regions[ids[0]].lay for base, ids in atlas.bases.items()}
    who = {f.id: f.when for f in cautions.factors}
    # Factors the filter applies only at the region the person names (not the whole limb).
    at_site = {
        f.id
        for f in cautions.factors
        if f.needs_site and not any(e.site_scope == "limb" for e in f.effects)
    }

    def write(muscle: MuscleFile, c: Caution) -> str:
        names = {t.id: t.name for t in muscle.self_treatment}
        return caution_text(c, places, who, names, at_site)

    return write


def compile_kb(data_dir: Path = DATA_DIR) -> KnowledgeBase:
    """Full validation and build; raises ``DataError`` listing every problem found."""
    src = read_sources(data_dir)
    raise_if_any(check_sources(src), "the knowledge base")
    # Guaranteed by the check above: every file parsed.
    assert src.bibliography and src.symptoms and src.contexts
    assert src.body_words and src.paths and src.areas and src.cautions
    texts = caution_writer(src.atlas, src.cautions)
    muscles = {
        m.id: convert.muscle(m, [texts(m, c) for c in m.cautions])
        for m in sorted(src.muscles.values(), key=lambda m: m.id)
    }
    by_name, by_region, by_area = build_indexes(muscles)
    return KnowledgeBase(
        atlas=src.atlas,
        muscles=muscles,
        references={r.id: convert.reference(r) for r in src.bibliography.references},
        symptoms={t.id: convert.term(t) for t in src.symptoms.terms},
        contexts={t.id: convert.term(t) for t in src.contexts.terms},
        by_name=by_name,
        by_region=by_region,
        by_area=by_area,
        by_part=part_index(muscles),
        body_words=convert.body_words(src.body_words, src.paths, src.everyday),
        safety=_with_groups(build_safety(src.flags, src.areas, src.cautions), src.groups),
    )


def _with_groups(safety: SafetyData, groups: GroupsFile | None) -> SafetyData:
    built = build_groups(groups)
    return safety._replace(groups=built, placed=group_of(built))
