"""Personal cautions: turn techniques off or cap them, per site, and say what changed and why.

Rules come from ``data/safety/cautions.yaml``: ``always`` rules for everyone (no tools or
sustained pressure on the front of the neck, no ball pressure on endangerment sites) and the
rules of each personal factor the person has (blood thinners, pregnancy, a suspected clot in a
limb...). Every technique a surface shows has passed through ``filter_technique``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

from knotwork.core.atlas.model import Atlas
from knotwork.core.errors import InvalidInput
from knotwork.core.kb.model import ALWAYS, Caution, Dose, Span, Technique
from knotwork.core.kb.technique_words import posture_words, postures_in_text
from knotwork.core.plain import plain
from knotwork.core.reading.complaint import Complaint, read
from knotwork.core.reading.when import recent_only
from knotwork.core.safety.model import Effect, SafetyData
from knotwork.core.safety.textmatch import match_groups
from knotwork.core.suggest import closest

LIMBS = {"leg": {"hip-thigh", "knee", "leg-foot"}, "arm": {"shoulder-arm", "elbow-hand"}}
# The root of each limb lies in another atlas group but over the limb's own main vein: the
# femoral vein in the groin, the subclavian vein under the collarbone. A clot anywhere in the
# limb reaches them, and a clot named there is a clot in that limb.
LIMB_ROOTS = {"leg": {"groin"}, "arm": {"collarbone"}}
LIGHTER_PRESSURE = 4


# Named tuples, not dataclasses: the finder reports cautions on every query, and importing
# dataclasses (with inspect) cost a cold `knotwork find` about 10 ms.
class Personal(NamedTuple):
    """The person's factors; a factor that needs a site maps to the base regions named."""

    factors: Mapping[str, tuple[str, ...]] = MappingProxyType({})


class Change(NamedTuple):
    action: str
    reason: str
    factor: str  # "always" or the factor id


class Filtered(NamedTuple):
    technique: Technique
    dose: Dose
    blocked: bool
    changes: tuple[Change, ...]
    postures: tuple[str, ...] = ()  # the postures it may still be done in

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.technique.id,
            "blocked": self.blocked,
            "status": "blocked" if self.blocked else ("changed" if self.changes else "ok"),
            "changes": [c._asdict() for c in self.changes],
            "dose": plain(self.dose),
            "postures": list(self.postures),
        }


def parse_personal(values: Iterable[str]) -> Personal:
    """``FACTOR`` or ``FACTOR:SITE,SITE`` (base region ids), as the CLI, pages and API take
    them; check the result with ``check_personal``."""
    factors: dict[str, tuple[str, ...]] = {}
    for value in values:
        factor, _, sites = value.strip().partition(":")
        factors[factor] = tuple(s.strip() for s in sites.split(",") if s.strip())
    return Personal(factors)


def check_personal(data: SafetyData, atlas: Atlas, personal: Personal) -> Personal:
    """The cautions, validated, with each site as a base region id: "calf-right" is read as
    "calf" (a caution guards the place on both sides). Unknown factors and regions, a missing
    site and a site given to a factor that takes none are refused, with suggestions."""
    checked: dict[str, tuple[str, ...]] = {}
    for factor, sites in personal.factors.items():
        if factor not in data.factors:
            raise InvalidInput(unknown_caution(data, factor))
        bases = tuple(dict.fromkeys(_base_of(atlas, site) for site in sites))
        if data.factors[factor].needs_site and not bases:
            raise InvalidInput(f"Caution '{factor}' needs a site, e.g. {factor}:calf")
        if bases and not data.factors[factor].needs_site:
            raise InvalidInput(f"Caution '{factor}' takes no site; give it as '{factor}'.")
        checked[factor] = bases
    return Personal(checked)


def unknown_caution(data: SafetyData, factor: str) -> str:
    """The one line for a caution id that does not exist: the closest, then every id (there
    are few, so the person need not look them up)."""
    near = closest(factor, data.factors)
    hint = f" Did you mean: {', '.join(near)}?" if near else ""
    return f"Unknown caution '{factor}'.{hint} The cautions: {', '.join(data.factors)}."


def _base_of(atlas: Atlas, site: str) -> str:
    if site in atlas.bases:
        return site
    return atlas.get(site).base  # a sided id, or UnknownRegion with suggestions


def factors_in_text(data: SafetyData, text: str) -> list[str]:
    """Personal factors stated in free text ("I'm pregnant", "I take warfarin")."""
    return list(factor_phrases(data, text))


def factor_phrases(
    data: SafetyData, text: str, complaint: Complaint | None = None
) -> dict[str, list[str]]:
    """Each factor stated in free text, with the phrases that said it (``complaint``: the
    words as already read, so they are read once)."""
    clauses = complaint if complaint is not None else read(text, data.phrase_index)
    found = {}
    for factor in data.factors.values():
        if not factor.text:
            continue
        heard = recent_only(clauses, factor.recent_days) if factor.recent else clauses
        said = match_groups(heard, factor.text, data.phrases)
        if said is not None:
            found[factor.id] = said
    return found


class Noted(NamedTuple):
    """Cautions read from a person's words, and the phrases they were read from."""

    personal: Personal
    phrases: tuple[str, ...]


def cautions_in_text(
    data: SafetyData,
    text: str,
    painful: Iterable[str],
    asides: Sequence[tuple[str, Sequence[str]]] = (),
    complaint: Complaint | None = None,
) -> Noted:
    """The factors a person stated in their own words, as cautions. A factor that needs a
    site takes the places named with it ("a clot in my right leg": ``asides`` holds each such
    clause's words and base regions); said without a place ("I had surgery recently"), it
    takes the places they marked: the painful area is where such a factor matters, and
    reading it wider only adds care."""
    marked = tuple(dict.fromkeys(painful))
    heard = [(read(said, data.phrase_index), bases) for said, bases in asides]  # each clause once
    found: dict[str, list[str]] = {}
    sites: dict[str, tuple[str, ...]] = {}
    for factor, said in factor_phrases(data, text, complaint).items():
        if not data.factors[factor].needs_site:
            found[factor], sites[factor] = said, ()
            continue
        named = _named_with(data, factor, heard) or marked
        if named:
            found[factor], sites[factor] = said, named
    return Noted(Personal(sites), tuple(p for said in found.values() for p in said))


def _named_with(
    data: SafetyData, factor: str, heard: Sequence[tuple[Complaint, Sequence[str]]]
) -> tuple[str, ...]:
    """The places of the clauses that state this factor by themselves."""
    groups = data.factors[factor].text
    return tuple(
        dict.fromkeys(
            base
            for clauses, bases in heard
            if match_groups(clauses, groups, data.phrases) is not None
            for base in bases
        )
    )


class Target(NamedTuple):
    """What a rule looks at: a technique, or a press test (pressure with the fingers)."""

    id: str
    kind: str
    tool: str
    touched: frozenset[str]  # base regions
    postures: frozenset[str]


def filter_technique(
    data: SafetyData,
    atlas: Atlas,
    technique: Technique,
    personal: Personal,
    own: Sequence[Caution] = (),
) -> Filtered:
    """The technique as this person may do it: the rules for everyone, their factors' rules
    and the muscle's ``own`` cautions (for everyone or for one of their factors), each
    blocking it, capping or lightening its dose, or ruling out a posture it offers."""
    target = Target(
        technique.id,
        technique.kind,
        technique.tool,
        frozenset(technique.applied_at),
        frozenset(technique.postures),
    )
    dose, allowed = technique.dose, list(technique.postures)
    changes: list[Change] = []
    blocked = False
    for factor, effect in _effects(data, personal, own):
        if not _applies(atlas, effect, target, personal.factors.get(factor, ())):
            continue
        change = Change(effect.action, effect.reason, factor)
        if effect.action == "block" and effect.positions:
            allowed = [p for p in allowed if p not in effect.positions]
            if allowed:  # another posture it offers is still fine: do it that way
                how = posture_words(allowed)
                changes.append(Change("posture", f"{effect.reason} Do it {how} instead.", factor))
                continue
        if effect.action in ("block", "no-tool", "no-heat"):
            blocked = True
            changes.append(change)
        else:
            new = _adjust(dose, effect)
            if new != dose:
                dose = new
                changes.append(change)
    return Filtered(technique, dose, blocked, tuple(changes), tuple(allowed))


def _effects(
    data: SafetyData, personal: Personal, own: Sequence[Caution] = ()
) -> Iterable[tuple[str, Effect]]:
    """Every rule that can apply to this person: for everyone, then per factor, the global
    ones and the muscle's own."""
    yield from ((ALWAYS, e) for e in data.always)
    yield from ((ALWAYS, own_effect(data, c, ALWAYS)) for c in own if ALWAYS in c.factors)
    for factor in personal.factors:
        yield from ((factor, e) for e in data.factors[factor].effects)
        yield from ((factor, own_effect(data, c, factor)) for c in own if factor in c.factors)


def own_effect(data: SafetyData, c: Caution, factor: str) -> Effect:
    """A muscle's caution as a rule of the filter. For a factor that applies at a site (a
    clot, varicose veins) it acts where the person named, over the same reach as the
    factor's own rules (a clot: the whole limb)."""
    at_site = factor != ALWAYS and data.factors[factor].needs_site
    limb = at_site and any(e.site_scope == "limb" for e in data.factors[factor].effects)
    return Effect(
        action=c.action,
        kinds=c.kinds,
        tools=c.tools,
        regions=c.sites,
        at_site=at_site,
        max_pressure=c.max_pressure,
        reason=c.text,
        site_scope="limb" if limb else "region",
        positions=c.postures,
        techniques=c.techniques,
    )


def pressing_withheld(
    data: SafetyData,
    atlas: Atlas,
    personal: Personal,
    sites: Iterable[str],
    how: str = "",
    own: Sequence[Caution] = (),
) -> Change | None:
    """Whether the person's own cautions rule out pressing with the fingers at these base
    regions, as the finder's press test asks ("press here; is it your pain?"). Only the
    personal factors count (their global rules and the muscle's ``own`` cautions for them):
    the knowledge base writes each check to respect the rules for everyone (a check on the
    neck says to keep away from the pulse). ``how`` is the check's own instruction, read
    for its posture ("lie face down")."""
    target = Target("", "pressure", "fingers", frozenset(sites), postures_in_text(how))
    for factor, effect in _effects(data, personal, own):
        if factor == ALWAYS or effect.action != "block" or effect.techniques:
            continue
        if _applies(atlas, effect, target, personal.factors.get(factor, ())):
            return Change(effect.action, effect.reason, factor)
    return None


def _applies(atlas: Atlas, effect: Effect, target: Target, sites: tuple[str, ...]) -> bool:
    """Does this effect apply to this technique (or press test), for a person whose factor
    names these sites?"""
    if effect.techniques and target.id not in effect.techniques:
        return False
    if effect.kinds and target.kind not in effect.kinds:
        return False
    if effect.positions and not target.postures & set(effect.positions):
        return False
    if effect.tools and target.tool not in effect.tools:
        return False
    if effect.action == "no-heat" and target.kind != "heat":
        return False
    if effect.regions and not target.touched & set(effect.regions):
        return False
    if effect.at_site:
        return _at_site(atlas, effect, target.touched, sites)
    return True


def _at_site(atlas: Atlas, effect: Effect, touched: frozenset[str], sites: tuple[str, ...]) -> bool:
    if touched & set(sites):
        return True
    if effect.site_scope != "limb":
        return False
    limbs = {limb for s in sites for limb in _limbs(atlas, s)}
    return any(_limbs(atlas, r) & limbs for r in touched)


def _limbs(atlas: Atlas, base: str) -> set[str]:
    """The limb a base region belongs to (none for the head and trunk), its root included."""
    group = _group(atlas, base)
    return {limb for limb, groups in LIMBS.items() if group in groups or base in LIMB_ROOTS[limb]}


def _group(atlas: Atlas, base: str) -> str:
    return atlas.regions[atlas.bases[base][0]].group


def _adjust(dose: Dose, effect: Effect) -> Dose:
    if effect.action == "cap-pressure" and dose.pressure and effect.max_pressure is not None:
        cap = effect.max_pressure
        return dose._replace(
            pressure=Span(min(dose.pressure.min, cap), min(dose.pressure.max, cap))
        )
    if effect.action == "lighter-dose":
        lighter = dose._replace(
            repetitions=Span(1, max(1, dose.repetitions.max // 2)),
            times_per_day=Span(1, max(1, dose.times_per_day.max // 2)),
        )
        if dose.pressure:
            cap = min(dose.pressure.max, LIGHTER_PRESSURE)
            lighter = lighter._replace(pressure=Span(min(dose.pressure.min, cap), cap))
        return lighter
    return dose
