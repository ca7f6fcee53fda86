"""Integrity rules over the whole knowledge base, each with a stable code.

Schema problems (KB-001) are found while reading; the rules here look across fields and files.
``RULES`` is the documented list (docs/data-rules.md is checked against it by a test).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from knotwork.core.atlas.model import Atlas
from knotwork.core.kb.base import normalise_name
from knotwork.core.kb.caution_checks import RULES as CAUTION_RULES
from knotwork.core.kb.caution_checks import caution_problems
from knotwork.core.kb.dose_checks import RULES as DOSE_RULES
from knotwork.core.kb.dose_checks import dose_problems
from knotwork.core.kb.schema import Dose, MuscleFile, Range, Technique
from knotwork.core.problems import Problem
from knotwork.core.safety.model import SafetyData

RULES: dict[str, str] = {
    "KB-001": "file matches the schema (no unknown keys, closed vocabularies, required fields)",
    "KB-002": "muscle id equals its file name",
    "KB-003": "muscle ids are unique and no name or alias points to two muscles",
    "KB-004": "every referral region exists in the atlas",
    "KB-005": "every trigger point site and technique region exists in the atlas",
    "KB-006": "every related muscle exists and is not the muscle itself",
    "KB-007": "every citation exists in the bibliography",
    "KB-008": "every trigger point has at least one essential zone",
    "KB-009": "every technique has a dose fitting its kind (hold, strokes or minutes)",
    "KB-010": "every technique has a stop rule",
    "KB-011": "every range has min <= max, pressure within 0-10",
    "KB-012": "trigger points are numbered 1..n without gaps",
    "KB-013": "technique ids are unique within a muscle",
    "KB-014": "every symptom id exists in data/vocab/symptoms.yaml",
    "KB-015": "every activity id exists in data/vocab/contexts.yaml",
    "KB-016": "a region appears at most once in one trigger point's referral pattern (twice "
    "only as one zone on the same side and one on the opposite side)",
    "KB-017": "bibliography ids are unique",
    "KB-018": "part_of names no muscle id (parts are named, not filed)",
    "KB-019": "every region in the body-word and path vocabularies exists in the atlas",
    "KB-020": "every citation on the evidence page exists in the bibliography",
    **CAUTION_RULES,
    **DOSE_RULES,
}

# Which dose field each technique kind must carry (movement may use either).
DOSE_FIELD = {
    "pressure": "hold_seconds",
    "stretch": "hold_seconds",
    "massage": "strokes",
    "heat": "minutes",
}


@dataclass(frozen=True, slots=True)
class Context:
    atlas: Atlas
    muscle_ids: frozenset[str]
    references: frozenset[str]
    symptoms: frozenset[str]
    contexts: frozenset[str]
    factors: frozenset[str] = frozenset()  # personal factors of data/safety/cautions.yaml
    safety: SafetyData | None = None  # the global rules, when the safety data is sound


Rule = Callable[[str, MuscleFile, Context], Iterator[Problem]]


def check_muscle(file: str, muscle: MuscleFile, ctx: Context) -> list[Problem]:
    """Every per-file rule on one muscle."""
    return [p for rule in PER_FILE for p in rule(file, muscle, ctx)]


def check_vocab_regions(
    file: str, entries: list[tuple[str, list[str]]], atlas: Atlas
) -> list[Problem]:
    """KB-019 over (field, regions) pairs of a vocabulary file."""
    return [
        Problem(file, field, "KB-019", f"unknown atlas region '{region}'")
        for field, regions in entries
        for region in regions
        if region not in atlas.bases
    ]


def check_across(files: dict[str, MuscleFile], reference_ids: list[str]) -> list[Problem]:
    """Rules that need all files at once (uniqueness of ids, names and references)."""
    problems = list(_unique_names(files))
    for ref_id, count in Counter(reference_ids).items():
        if count > 1:
            problems.append(Problem("bibliography.yaml", ref_id, "KB-017", "duplicate id"))
    return problems


def _id_is_file(file: str, mf: MuscleFile, ctx: Context) -> Iterator[Problem]:
    stem = file.rsplit("/", 1)[-1].removesuffix(".yaml")
    if mf.id != stem:
        yield Problem(file, "id", "KB-002", f"id '{mf.id}' differs from file name '{stem}'")


def _regions(file: str, mf: MuscleFile, ctx: Context) -> Iterator[Problem]:
    bases = ctx.atlas.bases
    for i, tp in enumerate(mf.trigger_points):
        for j, zone in enumerate(tp.referral):
            if zone.region not in bases:
                yield Problem(
                    file,
                    f"trigger_points.{i}.referral.{j}.region",
                    "KB-004",
                    f"unknown atlas region '{zone.region}'",
                )
        for j, site in enumerate(tp.location.site):
            if site not in bases:
                yield Problem(
                    file,
                    f"trigger_points.{i}.location.site.{j}",
                    "KB-005",
                    f"unknown atlas region '{site}'",
                )
    for i, tech in enumerate(mf.self_treatment):
        for j, region in enumerate(tech.applied_at):
            if region not in bases:
                yield Problem(
                    file,
                    f"self_treatment.{i}.applied_at.{j}",
                    "KB-005",
                    f"unknown atlas region '{region}'",
                )


def _related(file: str, mf: MuscleFile, ctx: Context) -> Iterator[Problem]:
    for i, rel in enumerate(mf.related):
        if rel.muscle not in ctx.muscle_ids or rel.muscle == mf.id:
            yield Problem(
                file,
                f"related.{i}.muscle",
                "KB-006",
                f"'{rel.muscle}' is not another muscle in the knowledge base",
            )


def _citations(file: str, mf: MuscleFile, ctx: Context) -> Iterator[Problem]:
    for field, ids in _all_citations(mf):
        for ref in ids:
            if ref not in ctx.references:
                yield Problem(file, field, "KB-007", f"unknown reference '{ref}'")


def _all_citations(mf: MuscleFile) -> Iterator[tuple[str, list[str]]]:
    yield "citations", mf.citations
    for i, tp in enumerate(mf.trigger_points):
        yield f"trigger_points.{i}.citations", tp.citations
    for i, tech in enumerate(mf.self_treatment):
        yield f"self_treatment.{i}.citations", tech.citations
    for i, pro in enumerate(mf.professional):
        yield f"professional.{i}.citations", pro.citations
    for i, note in enumerate(mf.source_notes):
        yield f"source_notes.{i}.citations", note.citations


def _essential(file: str, mf: MuscleFile, ctx: Context) -> Iterator[Problem]:
    for i, tp in enumerate(mf.trigger_points):
        if not any(z.kind == "essential" for z in tp.referral):
            yield Problem(file, f"trigger_points.{i}.referral", "KB-008", "no essential zone")


def _doses(file: str, mf: MuscleFile, ctx: Context) -> Iterator[Problem]:
    for i, tech in enumerate(mf.self_treatment):
        where = f"self_treatment.{i}"
        problem = _dose_problem(tech)
        if problem:
            yield Problem(file, f"{where}.dose", "KB-009", problem)
        if not [s for s in tech.stop_if if s.strip()]:
            yield Problem(file, f"{where}.stop_if", "KB-010", "no stop rule")
        yield from _ranges(file, f"{where}.dose", tech.dose)


def _dose_problem(tech: Technique) -> str:
    d = tech.dose
    given = [n for n in ("hold_seconds", "strokes", "minutes") if getattr(d, n) is not None]
    if len(given) != 1:
        return "set exactly one of hold_seconds, strokes or minutes"
    wanted = DOSE_FIELD.get(tech.kind)
    if wanted and given[0] != wanted:
        return f"a {tech.kind} technique is dosed in {wanted}, not {given[0]}"
    if tech.kind in ("pressure", "massage") and d.pressure is None:
        return f"a {tech.kind} technique states its pressure (0-10)"
    return ""


def _ranges(file: str, where: str, dose: Dose) -> Iterator[Problem]:
    for name in ("hold_seconds", "strokes", "minutes", "repetitions", "times_per_day", "pressure"):
        value: Range | None = getattr(dose, name)
        if value is None:
            continue
        if value.min > value.max or (name != "pressure" and value.max == 0):
            yield Problem(file, f"{where}.{name}", "KB-011", f"bad range {value.min}-{value.max}")
        if name == "pressure" and value.max > 10:
            yield Problem(file, f"{where}.{name}", "KB-011", "pressure is rated 0-10")


def _numbering(file: str, mf: MuscleFile, ctx: Context) -> Iterator[Problem]:
    numbers = [tp.number for tp in mf.trigger_points]
    if numbers != list(range(1, len(numbers) + 1)):
        yield Problem(file, "trigger_points", "KB-012", f"numbers {numbers} are not 1..n")


def _technique_ids(file: str, mf: MuscleFile, ctx: Context) -> Iterator[Problem]:
    for tech_id, count in Counter(t.id for t in mf.self_treatment).items():
        if count > 1:
            yield Problem(file, "self_treatment", "KB-013", f"technique id '{tech_id}' repeats")


def _vocab(file: str, mf: MuscleFile, ctx: Context) -> Iterator[Problem]:
    for i, sym in enumerate(mf.symptoms):
        if sym.id not in ctx.symptoms:
            yield Problem(file, f"symptoms.{i}.id", "KB-014", f"unknown symptom '{sym.id}'")
    activities = [("activities", a) for a in mf.activities] + [
        (f"perpetuating_factors.{i}.activities", a)
        for i, f in enumerate(mf.perpetuating_factors)
        for a in f.activities
    ]
    for field, act in activities:
        if act not in ctx.contexts:
            yield Problem(file, field, "KB-015", f"unknown activity '{act}'")


def _zone_repeats(file: str, mf: MuscleFile, ctx: Context) -> Iterator[Problem]:
    for i, tp in enumerate(mf.trigger_points):
        for region, count in Counter(z.region for z in tp.referral).items():
            sides = {z.side for z in tp.referral if z.region == region}
            if count > 1 and not (count == 2 and sides == {"same", "opposite"}):
                yield Problem(
                    file,
                    f"trigger_points.{i}.referral",
                    "KB-016",
                    f"region '{region}' listed {count} times",
                )


def _part_of(file: str, mf: MuscleFile, ctx: Context) -> Iterator[Problem]:
    if mf.part_of and mf.part_of in ctx.muscle_ids:
        yield Problem(file, "part_of", "KB-018", f"'{mf.part_of}' is itself a muscle file")


def _unique_names(files: dict[str, MuscleFile]) -> Iterator[Problem]:
    owner: dict[str, str] = {}
    for file, mf in sorted(files.items()):
        for name in {normalise_name(n) for n in (mf.id, mf.name, *mf.aliases, *mf.misspellings)}:
            first = owner.setdefault(name, mf.id)
            if first != mf.id:
                yield Problem(file, "aliases", "KB-003", f"'{name}' also names '{first}'")


PER_FILE: tuple[Rule, ...] = (
    _id_is_file,
    _regions,
    _related,
    _citations,
    _essential,
    _doses,
    _numbering,
    _technique_ids,
    _vocab,
    _zone_repeats,
    _part_of,
    caution_problems,
    dose_problems,
)
