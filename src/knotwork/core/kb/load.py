"""Read the knowledge data files, validate them, run every rule, and build the runtime base.

``compile_kb`` does the full, slow path (YAML + pydantic + rules) and reports every problem at
once; ``load_kb`` adds a compiled cache so later starts skip that work until a file changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from knotwork.core.atlas.load import load_atlas
from knotwork.core.atlas.model import Atlas
from knotwork.core.kb import convert
from knotwork.core.kb.base import KnowledgeBase, build_indexes
from knotwork.core.kb.checks import Context, check_across, check_muscle
from knotwork.core.kb.files import BIBLIOGRAPHY, CONTEXTS, MUSCLES_DIR, SYMPTOMS
from knotwork.core.kb.schema import Bibliography, MuscleFile, Vocabulary
from knotwork.core.paths import DATA_DIR
from knotwork.core.problems import Problem, from_validation, raise_if_any

M = TypeVar("M", bound=BaseModel)

# YAML's C loader is several times faster; fall back to pure Python where libyaml is missing.
Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Sources:
    """Everything read and schema-checked, before the cross-file rules run."""

    atlas: Atlas
    muscles: dict[str, MuscleFile]
    bibliography: Bibliography | None
    symptoms: Vocabulary | None
    contexts: Vocabulary | None
    problems: list[Problem]


def read_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def parse(model: type[M], path: Path, rel: str, problems: list[Problem]) -> M | None:
    """Validate one file against its model; record problems instead of raising."""
    try:
        return model.model_validate(read_yaml(path))
    except ValidationError as error:
        problems.extend(from_validation(rel, error, "KB-001"))
    except yaml.YAMLError as error:
        problems.append(Problem(rel, "", "KB-001", f"not valid YAML: {error}"))
    return None


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
        problems=problems,
    )


def check_sources(src: Sources) -> list[Problem]:
    """All problems: schema ones already found plus every integrity rule."""
    refs = [r.id for r in src.bibliography.references] if src.bibliography else []
    ctx = Context(
        atlas=src.atlas,
        muscle_ids=frozenset(m.id for m in src.muscles.values()),
        references=frozenset(refs),
        symptoms=frozenset(t.id for t in src.symptoms.terms) if src.symptoms else frozenset(),
        contexts=frozenset(t.id for t in src.contexts.terms) if src.contexts else frozenset(),
    )
    problems = list(src.problems)
    for file, muscle in src.muscles.items():
        problems.extend(check_muscle(file, muscle, ctx))
    problems.extend(check_across(src.muscles, refs))
    return sorted(problems)


def compile_kb(data_dir: Path = DATA_DIR) -> KnowledgeBase:
    """Full validation and build; raises ``DataError`` listing every problem found."""
    src = read_sources(data_dir)
    raise_if_any(check_sources(src), "the knowledge base")
    assert src.bibliography
    assert src.symptoms
    assert src.contexts
    muscles = {m.id: convert.muscle(m) for m in sorted(src.muscles.values(), key=lambda m: m.id)}
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
    )
