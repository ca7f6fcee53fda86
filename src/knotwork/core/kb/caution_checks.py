"""Rules that keep a muscle's cautions, its techniques and the safety filter in agreement.

A caution is data the filter enforces (schema.Caution). These rules check that the data is
sound (KB-021 to KB-023, KB-025, KB-026) and that what a person reads agrees with what the
filter does: a technique's postures with its own words (KB-024), every technique as written
with the rules for everyone (KB-027), a muscle's caution with the global rules for the same
factor (KB-028), and the pressure its steps state with its dose (KB-029).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from knotwork.core.kb import convert, schema
from knotwork.core.kb.model import ALWAYS
from knotwork.core.kb.technique_words import (
    POSTURES,
    STATED_PRESSURE,
    lying_in_text,
    postures_in_text,
)
from knotwork.core.problems import Problem

if TYPE_CHECKING:
    from knotwork.core.kb.check_context import Context
    from knotwork.core.kb.model import Caution, Muscle, Technique
    from knotwork.core.safety.cautions import Filtered
    from knotwork.core.safety.model import SafetyData

RULES: dict[str, str] = {
    "KB-021": "every caution factor is `always` or a personal factor of "
    "data/safety/cautions.yaml, and `always` stands alone",
    "KB-022": "every technique a caution names is a technique of its file",
    "KB-023": "every caution site exists in the atlas",
    "KB-024": "a technique's postures are the ones its position names, with any lying "
    "posture its steps name",
    "KB-025": "a caution restricts something (sites, techniques, postures, kinds or tools) "
    "and max_pressure goes with cap-pressure only",
    "KB-026": "a caution that picks techniques by id, posture or tool (other than the tools "
    "a no-tool caution forbids) applies to one of its file's techniques",
    "KB-027": "for everyone, the filter offers every technique as written: no rule for "
    "everyone (global or its file's) blocks it, caps its pressure or rules out a posture",
    "KB-028": "a muscle's caution for a factor is never weaker than the global rules for that "
    "factor on the same technique (a cap where they block, a higher cap)",
    "KB-029": "a pressure the steps of a pressure or massage technique state lies within its dose",
}


def caution_problems(file: str, mf: schema.MuscleFile, ctx: Context) -> Iterator[Problem]:
    yield from _structure(file, mf, ctx)
    yield from _postures(file, mf)
    yield from _stated_pressure(file, mf)
    if ctx.safety is not None and _sound(mf, ctx):
        named = [f"its {c.zone} caution" for c in mf.cautions]  # the reasons, in problems
        yield from _against_the_filter(file, convert.muscle(mf, named), ctx.safety, ctx)


def _structure(file: str, mf: schema.MuscleFile, ctx: Context) -> Iterator[Problem]:
    techniques = {t.id for t in mf.self_treatment}
    for i, c in enumerate(mf.cautions):
        where = f"cautions.{i}"
        unknown = [f for f in c.factors if f != ALWAYS and f not in ctx.factors]
        if unknown or (ALWAYS in c.factors and len(c.factors) > 1):
            why = f"unknown factor '{unknown[0]}'" if unknown else "`always` stands alone"
            yield Problem(file, f"{where}.factors", "KB-021", why)
        for t in c.techniques:
            if t not in techniques:
                yield Problem(file, f"{where}.techniques", "KB-022", f"no technique '{t}' here")
        for site in c.sites:
            if site not in ctx.atlas.bases:
                yield Problem(file, f"{where}.sites", "KB-023", f"unknown atlas region '{site}'")
        if not (c.sites or c.techniques or c.postures or c.kinds or c.tools):
            yield Problem(file, where, "KB-025", "restricts nothing: name what it covers")
        if (c.action == "cap-pressure") != (c.max_pressure is not None):
            why = "cap-pressure needs max_pressure" if c.max_pressure is None else "no cap here"
            yield Problem(file, f"{where}.max_pressure", "KB-025", why)
        picks = c.techniques or c.postures or (c.tools and c.action != "no-tool")
        if picks and not any(_picks(c, t) for t in mf.self_treatment):
            yield Problem(file, where, "KB-026", "applies to none of this file's techniques")


def _picks(c: schema.Caution, t: schema.Technique) -> bool:
    """Does the caution's choice of techniques (by id, posture, tool) take this one?"""
    tools = c.tools if c.action != "no-tool" else []  # there, the tools are what it forbids
    return (
        (not c.techniques or t.id in c.techniques)
        and (not c.postures or bool(set(c.postures) & set(t.postures)))
        and (not tools or t.tool in tools)
    )


def _sound(mf: schema.MuscleFile, ctx: Context) -> bool:
    """Only a file whose cautions name known factors, techniques and sites is run through
    the filter (the problems above say what to fix first)."""
    techniques = {t.id for t in mf.self_treatment}
    return all(
        all(f == ALWAYS or f in ctx.factors for f in c.factors)
        and set(c.techniques) <= techniques
        and all(s in ctx.atlas.bases for s in c.sites)
        for c in mf.cautions
    )


def _postures(file: str, mf: schema.MuscleFile) -> Iterator[Problem]:
    for i, t in enumerate(mf.self_treatment):
        named = postures_in_text(t.position).union(*(lying_in_text(s) for s in t.steps))
        listed = set(t.postures)
        if named != listed:
            said = ", ".join(p for p in POSTURES if p in named) or "none"
            yield Problem(
                file,
                f"self_treatment.{i}.postures",
                "KB-024",
                f"lists {', '.join(t.postures)} but its position and steps say {said}",
            )


def _stated_pressure(file: str, mf: schema.MuscleFile) -> Iterator[Problem]:
    for i, t in enumerate(mf.self_treatment):
        dose = t.dose.pressure
        if t.kind not in ("pressure", "massage"):
            continue  # "pain no more than 3 out of 10" in an exercise is not a pressure
        for j, step in enumerate(t.steps):
            for said in STATED_PRESSURE.finditer(" ".join(step.split())):
                low, high = int(said[1]), int(said[2] or said[1])
                if dose is None or low < dose.min or high > dose.max:
                    have = f"{dose.min}-{dose.max}" if dose else "no pressure"
                    yield Problem(
                        file,
                        f"self_treatment.{i}.steps.{j}",
                        "KB-029",
                        f"says '{said[0]}' but the dose is {have}",
                    )


def _against_the_filter(
    file: str, muscle: Muscle, safety: SafetyData, ctx: Context
) -> Iterator[Problem]:
    from knotwork.core.safety.cautions import Personal, filter_technique

    own = muscle.cautions
    for i, tech in enumerate(muscle.self_treatment):
        shown = filter_technique(safety, ctx.atlas, tech, Personal(), own)
        if shown.changes:
            yield Problem(
                file,
                f"self_treatment.{i}",
                "KB-027",
                f"'{tech.id}' is {_status(shown)} for everyone: {shown.changes[0].reason}",
            )
        for factor in sorted({f for c in own for f in c.factors} - {ALWAYS}):
            weaker = _weaker_than_global(safety, ctx, tech, own, factor)
            if weaker:
                yield Problem(file, f"self_treatment.{i}", "KB-028", weaker)


def _weaker_than_global(
    safety: SafetyData, ctx: Context, tech: Technique, own: tuple[Caution, ...], factor: str
) -> str:
    """What this muscle's caution for ``factor`` says of the technique that the global rules
    for the factor contradict ("" if they agree). The person is taken to name the technique's
    own places, for a factor that applies at a site."""
    from knotwork.core.safety.cautions import Personal, filter_technique

    entry = safety.factors[factor]
    person = Personal({factor: tech.applied_at if entry.needs_site else ()})
    mine = tuple(c for c in own if factor in c.factors)
    global_rules = safety._replace(always=(), factors={factor: entry})
    no_rules = safety._replace(always=(), factors={factor: entry._replace(effects=())})
    global_only = filter_technique(global_rules, ctx.atlas, tech, person)
    own_only = filter_technique(no_rules, ctx.atlas, tech, person, mine)
    if not own_only.changes:
        return ""
    if global_only.blocked and not own_only.blocked:
        return (
            f"its caution for {factor} allows '{tech.id}' ({_status(own_only)}) where the "
            f"global rule blocks it: {global_only.changes[-1].reason}"
        )
    global_cap, own_cap = global_only.dose.pressure, own_only.dose.pressure
    if global_cap and own_cap and own_cap.max > global_cap.max and not own_only.blocked:
        return (
            f"its caution for {factor} caps '{tech.id}' at {own_cap.max}/10 where the global "
            f"rule caps it at {global_cap.max}/10"
        )
    return ""


def _status(shown: Filtered) -> str:
    return "blocked" if shown.blocked else "changed"
