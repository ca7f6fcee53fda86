"""Read and check the safety data: red flags, the screening-area map and personal cautions.

Rule codes SAFETY-xxx are listed in docs/data-rules.md; ``knotwork kb check`` runs them with
the knowledge-base rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from knotwork.core.atlas.model import Atlas
from knotwork.core.datafile import parse
from knotwork.core.kb.schema import Tool
from knotwork.core.problems import Problem
from knotwork.core.reading.facts import is_fact, known_fact
from knotwork.core.reading.index import PhraseIndex
from knotwork.core.reading.tokens import phrase_words
from knotwork.core.safety import model as m
from knotwork.core.safety import schema as s

FLAGS_DIR = "safety/redflags"
AREAS = "safety/areas.yaml"
CAUTIONS = "safety/cautions.yaml"
CONCEPTS = "safety/concepts.yaml"
TOOLS = set(Tool.__args__)  # type: ignore[attr-defined]

RULES = {
    "SAFETY-001": "file matches the schema",
    "SAFETY-002": "red-flag id equals its file name",
    "SAFETY-003": "every source exists in the bibliography",
    "SAFETY-004": "every atlas region falls in at least one screening area",
    "SAFETY-005": "every region, group and tool named in the safety data exists",
    "SAFETY-006": "every screening area has at least one red-flag question of its own",
    "SAFETY-007": "every explained-away sign is one of its flag's phrases",
    "SAFETY-008": "a horizon in days (recent_days) is set only on a recent event",
    "SAFETY-009": "every fact term (@age>=50, @pregnant, ...) is one the reading can test",
    "SAFETY-010": "a statement is not facts alone: at least one group holds a phrase",
    "SAFETY-011": "every concept a flag names ($headache) exists in safety/concepts.yaml",
}


def read_safety(
    data_dir: Path, problems: list[Problem]
) -> tuple[dict[str, s.RedFlagFile], s.AreaMap | None, s.CautionsFile | None]:
    flags: dict[str, s.RedFlagFile] = {}
    for path in sorted((data_dir / FLAGS_DIR).glob("*.yaml")):
        rel = f"{FLAGS_DIR}/{path.name}"
        parsed = parse(s.RedFlagFile, path, rel, problems, code="SAFETY-001")
        if parsed is not None:
            flags[rel] = parsed
    concepts = parse(s.ConceptsFile, data_dir / CONCEPTS, CONCEPTS, problems, code="SAFETY-001")
    known = concepts.concepts if concepts else {}
    flags = {rel: _with_concepts(rel, flag, known, problems) for rel, flag in flags.items()}
    areas = parse(s.AreaMap, data_dir / AREAS, AREAS, problems, code="SAFETY-001")
    cautions = parse(s.CautionsFile, data_dir / CAUTIONS, CAUTIONS, problems, code="SAFETY-001")
    return flags, areas, cautions


def _with_concepts(
    rel: str, flag: s.RedFlagFile, concepts: dict[str, list[str]], problems: list[Problem]
) -> s.RedFlagFile:
    """The flag with every ``$concept`` term replaced by the concept's terms."""

    def groups(field: str, gs: list[list[str]]) -> list[list[str]]:
        return [group(f"{field}.{i}", g) for i, g in enumerate(gs)]

    def group(field: str, terms: list[str], seen: tuple[str, ...] = ()) -> list[str]:
        out: list[str] = []
        for term in terms:
            if not term.startswith("$"):
                out.append(term)
            elif term[1:] in concepts and term not in seen:  # a concept may name another
                out.extend(group(field, concepts[term[1:]], (*seen, term)))
            else:
                problems.append(Problem(rel, field, "SAFETY-011", f"unknown concept '{term}'"))
        return list(dict.fromkeys(out))

    update: dict[str, object] = {
        "text": groups("text", flag.text),
        "text_also": [groups(f"text_also.{i}", t) for i, t in enumerate(flag.text_also)],
    }
    if flag.escalate:
        esc = flag.escalate.model_copy(update={"when": groups("escalate.when", flag.escalate.when)})
        update["escalate"] = esc
    return flag.model_copy(update=update)


def check_safety(
    flags: dict[str, s.RedFlagFile],
    areas: s.AreaMap | None,
    cautions: s.CautionsFile | None,
    atlas: Atlas,
    references: Iterable[str],
) -> list[Problem]:
    refs = set(references)
    problems: list[Problem] = []
    for rel, flag in flags.items():
        stem = rel.rsplit("/", 1)[-1].removesuffix(".yaml")
        if flag.id != stem:
            problems.append(Problem(rel, "id", "SAFETY-002", f"'{flag.id}' is not '{stem}'"))
        problems += _sources(rel, "sources", flag.sources, refs)
        problems += _explained_away_problems(rel, flag)
        problems += _fact_problems(rel, flag)
        if flag.recent_days and not flag.recent:
            problems.append(Problem(rel, "recent_days", "SAFETY-008", "set without recent: true"))
    if areas:
        problems += _area_problems(areas, atlas)
        asked = {a for flag in flags.values() for a in flag.areas}
        problems += [
            Problem(AREAS, f"areas.{area}", "SAFETY-006", "no red flag asks about it")
            for area in areas.areas
            if area != "any" and area not in asked
        ]
    if cautions:
        problems += _caution_problems(cautions, atlas, refs)
    return problems


def _explained_away_problems(rel: str, flag: s.RedFlagFile) -> list[Problem]:
    """A sign that is not one of the flag's phrases would be explained away nowhere."""
    said = {p for statement in (flag.text, *flag.text_also) for group in statement for p in group}
    return [
        Problem(rel, f"explained_away.{i}.signs", "SAFETY-007", f"'{sign}' is not in its text")
        for i, entry in enumerate(flag.explained_away)
        for sign in entry.signs
        if sign not in said
    ]


def _fact_problems(rel: str, flag: s.RedFlagFile) -> list[Problem]:
    """A fact term the reading cannot test would never hold; a statement of facts alone
    ("over 50") would raise the flag for everyone with that fact, whatever they said."""
    statements = {"text": flag.text, **{f"text_also.{i}": t for i, t in enumerate(flag.text_also)}}
    if flag.escalate:
        statements["escalate.when"] = flag.escalate.when
    problems = [
        Problem(rel, f"{field}.{g}", "SAFETY-009", f"unknown fact '{term}'")
        for field, groups in statements.items()
        for g, group in enumerate(groups)
        for term in group
        if is_fact(term) and not known_fact(term)
    ]
    problems += [
        Problem(rel, field, "SAFETY-010", "every group is facts only")
        for field, groups in statements.items()
        if field != "escalate.when" and all(all(is_fact(t) for t in g) for g in groups)
    ]
    return problems


def _sources(file: str, field: str, ids: Iterable[str], refs: set[str]) -> list[Problem]:
    return [
        Problem(file, field, "SAFETY-003", f"unknown reference '{r}'") for r in ids if r not in refs
    ]


def _area_problems(areas: s.AreaMap, atlas: Atlas) -> list[Problem]:
    problems = []
    for area, names in areas.areas.items():
        for name in names:
            if name not in atlas.groups and name not in atlas.bases:
                problems.append(
                    Problem(
                        AREAS,
                        f"areas.{area}",
                        "SAFETY-005",
                        f"'{name}' is neither an atlas group nor a region",
                    )
                )
    covered = {b for names in areas.areas.values() for b in names}
    for base, ids in atlas.bases.items():
        group = atlas.regions[ids[0]].group
        if base not in covered and group not in covered:
            problems.append(Problem(AREAS, "areas", "SAFETY-004", f"'{base}' is in no area"))
    return problems


def _caution_problems(cautions: s.CautionsFile, atlas: Atlas, refs: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    effects = [(f"always.{i}", e) for i, e in enumerate(cautions.always)]
    for i, factor in enumerate(cautions.factors):
        effects += [(f"factors.{i}.effects.{j}", e) for j, e in enumerate(factor.effects)]
        problems += _sources(CAUTIONS, f"factors.{i}.sources", factor.sources, refs)
        if factor.recent_days and not factor.recent:
            where = f"factors.{i}.recent_days"
            problems.append(Problem(CAUTIONS, where, "SAFETY-008", "set without recent: true"))
    for field, effect in effects:
        for region in effect.regions:
            if region not in atlas.bases:
                problems.append(
                    Problem(CAUTIONS, field, "SAFETY-005", f"unknown atlas region '{region}'")
                )
        for tool in effect.tools:
            if tool not in TOOLS:
                problems.append(Problem(CAUTIONS, field, "SAFETY-005", f"unknown tool '{tool}'"))
    return problems


def build_safety(
    flags: dict[str, s.RedFlagFile], areas: s.AreaMap, cautions: s.CautionsFile
) -> m.SafetyData:
    built = {f.id: _flag(f) for f in sorted(flags.values(), key=lambda f: f.id)}
    order = sorted(
        built.values(), key=lambda f: (not f.is_global, -m.URGENCY_ORDER[f.urgency], f.id)
    )
    factors = {
        f.id: m.CautionFactor(
            f.id,
            f.label,
            f.needs_site,
            _groups(f.text),
            tuple(_effect(e) for e in f.effects),
            tuple(f.sources),
            f.recent,
            f.recent_days,
        )
        for f in cautions.factors
    }
    phrases = _phrases(built.values(), factors.values())
    return m.SafetyData(
        flags=built,
        always=tuple(_effect(e) for e in cautions.always),
        factors=factors,
        areas={k: tuple(v) for k, v in areas.areas.items()},
        phrases=phrases,
        phrase_index=PhraseIndex(phrases.values()),
        asking_order=tuple(order),
        areas_of=_areas_of(areas.areas.items()),
    )


def _areas_of(areas: Iterable[tuple[str, list[str]]]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for area, names in areas:
        for name in names:
            if area not in found.setdefault(name, []):
                found[name].append(area)
    return {name: tuple(a) for name, a in found.items()}


def _phrases(
    flags: Iterable[m.RedFlag], factors: Iterable[m.CautionFactor]
) -> dict[str, tuple[str, ...]]:
    groups = [g for f in flags for s in f.statements for g in s]
    groups += [by for f in flags for by in f.explained_away.values()]
    groups += [g for f in flags if f.escalate for g in f.escalate.when]
    groups += [g for f in factors for g in f.text]
    return {p: phrase_words(p) for g in groups for p in g if not is_fact(p)}


def _groups(groups: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(g) for g in groups)


def _flag(f: s.RedFlagFile) -> m.RedFlag:
    esc = None
    if f.escalate:
        esc = m.Escalation(f.escalate.urgency, _groups(f.escalate.when), f.escalate.instruction)
    return m.RedFlag(
        f.id,
        f.name,
        tuple(f.areas),
        f.urgency,
        f.question,
        f.instruction,
        f.why,
        _groups(f.text),
        esc,
        f.rescreen_days,
        tuple(f.sources),
        tuple(_groups(also) for also in f.text_also),
        f.recent,
        _explained(f.explained_away),
        f.recent_days,
    )


def _explained(entries: list[s.ExplainedAway]) -> dict[str, tuple[str, ...]]:
    """Sign phrase -> everything that explains it away; a sign in several entries (dizziness
    on standing up, and on rolling over in bed) keeps them all."""
    explained: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        for sign in entry.signs:
            explained[sign] = (*explained.get(sign, ()), *entry.by)
    return explained


def _effect(e: s.Effect) -> m.Effect:
    return m.Effect(
        e.action,
        tuple(e.kinds),
        tuple(e.tools),
        tuple(e.regions),
        e.at_site,
        e.max_pressure,
        e.reason,
        e.site_scope,
        tuple(e.positions),
    )
