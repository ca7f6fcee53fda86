"""Plain-data views of knowledge-base entries, shared by the CLI, the web pages and exports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.model import Muscle, Reference
from knotwork.core.kb.technique_words import STATED_PRESSURE
from knotwork.core.plain import plain

if TYPE_CHECKING:
    from knotwork.core.safety.cautions import Filtered, Personal

EVIDENCE_TEXT = {
    "moderate": "Moderate: several trials agree",
    "low-moderate": "Low to moderate: some trials, short-term effects",
    "low": "Low: small or indirect studies",
    "very-low": "Very low: case reports or conflicting studies",
    "expert-opinion": "Expert opinion: clinical experience, not trials",
    "insufficient": "Insufficient: not enough evidence either way",
}

AREA_NAMES = {
    "head-neck": "Head and neck",
    "shoulder-arm": "Shoulder and upper arm",
    "forearm-hand": "Forearm and hand",
    "trunk": "Trunk",
    "hip-pelvis": "Hip and pelvis",
    "thigh-knee": "Thigh and knee",
    "leg-foot": "Leg and foot",
}


def muscle_summary(m: Muscle) -> dict[str, Any]:
    return {
        "id": m.id,
        "name": m.name,
        "area": m.area,
        "aliases": list(m.aliases),
        "trigger_points": len(m.trigger_points),
        "prevalence": m.prevalence,
    }


def muscle_dict(
    kb: KnowledgeBase, m: Muscle, personal: Personal | None = None, gate_level: str = "none"
) -> dict[str, Any]:
    """Everything about one muscle, with citation ids resolved to full references.

    Its techniques have passed the safety filter: the rules for everyone, and the person's
    own cautions when given; each says whether it was changed or blocked, and why. With a
    warning sign raised (``gate_level`` of the person's screen), or its questions unanswered
    (``"incomplete"``), no technique is given and no trigger point says how to press it.
    """
    from knotwork.core.safety.cautions import Personal, filter_technique, pressing_withheld
    from knotwork.core.safety.screen import ANSWER_FIRST, RED_FLAG_HOLD

    data: dict[str, Any] = plain(m)
    del data["misspellings"]  # for searching only, never shown as one of its names
    personal = personal or Personal()
    # "How to find it" asks the person to press: the same cautions that block pressing in
    # the techniques withhold it here, as the finder withholds its press test.
    for tp, point in zip(data["trigger_points"], m.trigger_points, strict=True):
        held = pressing_withheld(
            kb.safety, kb.atlas, personal, point.location.site, point.palpation, m.cautions
        )
        tp["withheld_because"] = held.reason if held else None
        if held:
            tp["palpation"] = None  # as the finder's how_to_check: no instruction to press
    data["self_treatment"] = [
        shown(t, filter_technique(kb.safety, kb.atlas, tech, personal, m.cautions))
        for t, tech in zip(data["self_treatment"], m.self_treatment, strict=True)
    ]
    data["area_name"] = AREA_NAMES[m.area]
    data["related"] = [{**r, "name": kb.muscles[r["muscle"]].name} for r in data["related"]]
    data["symptoms"] = [{**s, "label": kb.symptoms[s["id"]].label} for s in data["symptoms"]]
    for tech in data["self_treatment"]:
        tech["evidence_text"] = EVIDENCE_TEXT[tech["evidence"]]
    for pro in data["professional"]:
        pro["evidence_text"] = EVIDENCE_TEXT[pro["evidence"]]
    data["references"] = reference_list(kb, cited_ids(m))
    data["gate_level"] = gate_level
    data["techniques_shown"] = gate_level == "none"
    if gate_level != "none":
        data["self_treatment"] = []
        hold = ANSWER_FIRST if gate_level == "incomplete" else RED_FLAG_HOLD
        for tp in data["trigger_points"]:
            tp["withheld_because"] = hold
            tp["palpation"] = None
    return data


def shown(data: dict[str, Any], filtered: Filtered) -> dict[str, Any]:
    """A technique as the filter lets this person do it. Where a caution capped the pressure,
    the steps say the capped pressure too ("about 5 to 7 out of 10" becomes "about 3 out of
    10"), so no step asks for more than the dose allows."""
    out = {**data, **filtered.as_dict()}
    old, new = filtered.technique.dose.pressure, filtered.dose.pressure
    if old and new and old != new:
        out["steps"] = [STATED_PRESSURE.sub(f"{new} out of 10", step) for step in out["steps"]]
    return out


def cited_ids(m: Muscle) -> list[str]:
    """Every reference id the muscle cites anywhere, in first-seen order."""
    ids: list[str] = list(m.citations)
    for tp in m.trigger_points:
        ids.extend(tp.citations)
    for t in m.self_treatment:
        ids.extend(t.citations)
    for p in m.professional:
        ids.extend(p.citations)
    for n in m.source_notes:
        ids.extend(n.citations)
    return list(dict.fromkeys(ids))


def reference_list(kb: KnowledgeBase, ids: list[str]) -> list[dict[str, Any]]:
    """The references cited on one page, in order; two that would be cited alike ("Bron et
    al. 2011") get a letter each ("2011a", "2011b"), so each citation names one of them."""
    refs = [reference_dict(kb.references[r]) for r in ids]
    alike: dict[str, list[dict[str, Any]]] = {}
    for ref in refs:
        alike.setdefault(ref["short"], []).append(ref)
    for group in alike.values():
        if len(group) > 1:
            for letter, ref in zip("abcdefghijklmnopqrstuvwxyz", group, strict=False):
                ref["short"] += letter
    return refs


def reference_dict(r: Reference) -> dict[str, Any]:
    """A reference with its one-line form, its author-year form for citing in text, and where
    to read it (a DOI as its address) for a page to show as a link."""
    href, shown = r.link()
    return {
        **plain(r),
        "formatted": r.formatted(),
        "text": r.formatted(locator=False),
        "short": r.short(),
        "href": href,
        "href_text": shown,
    }
