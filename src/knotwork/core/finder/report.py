"""The finder's output document: a stable JSON contract (docs/finder.md), version 1."""

from __future__ import annotations

from typing import Any

from knotwork.core.atlas.model import Atlas
from knotwork.core.finder import model
from knotwork.core.finder.cover import Cover
from knotwork.core.finder.evidence import Evidence, Scored, covered_keys, mention_ids
from knotwork.core.finder.index import FinderIndex
from knotwork.core.finder.query import Query
from knotwork.core.safety.cautions import Noted, Personal, pressing_withheld
from knotwork.core.safety.screen import ANSWER_FIRST, RED_FLAG_HOLD, Screen
from knotwork.core.safety.textmatch import said_by

VERSION = 1
PREVALENCE_TEXT = {
    "very-common": "a very common source",
    "common": "a common source",
    "occasional": "an occasional source",
    "uncommon": "an uncommon source",
}


def finding_document(
    index: FinderIndex,
    query: Query,
    ev: Evidence,
    ranked: list[Scored],
    cover: Cover,
    safety: Screen,
    noted: Noted,
    chosen: Personal,
) -> dict[str, Any]:
    kb = index.kb
    shown = ranked[: query.limit]
    # The gate: with a red flag raised, or the questions not yet answered, no pressing
    # instruction is given anywhere (set as the trigger points are built, not copied after).
    hold = RED_FLAG_HOLD if safety.level != "none" else None if safety.complete else ANSWER_FIRST
    candidates = [candidate(index, ev, s, rank, hold) for rank, s in enumerate(shown, 1)]
    # The person's cautions: those they chose, and those they said (a chosen one's sites win).
    personal = Personal({**noted.personal.factors, **chosen.factors})
    if hold is None and personal.factors:
        _withhold_pressing(index, candidates, personal)
    return {
        "version": VERSION,
        "safety": safety.as_dict(),
        "understood": {
            **understood_block(index, ev, heard_by_safety(safety, noted)),
            "cautions": cautions_block(index, noted.personal),
        },
        "candidates": candidates,
        "explains_all": cover_block(index, cover, ev.unspecified),
        "ruled_out": [
            {"id": m, "name": kb.muscles[m].name} for m in query.rule_out if m in kb.muscles
        ],
        "model": {
            "name": "referral likelihood ratio",
            "input": ev.mode,
            "parameters": vars_of_parameters(),
            "candidates_considered": len(ranked),
        },
        "notice": "Knotwork informs; it does not diagnose. These are muscles whose trigger "
        "points commonly refer pain to the places you marked, not a diagnosis.",
    }


def _withhold_pressing(
    index: FinderIndex, candidates: list[dict[str, Any]], personal: Personal
) -> None:
    """A caution the person mentioned (a clot in the leg, surgery or a fresh sprain where it
    hurts) also rules out the press test at those places: no instruction, and the reason."""
    kb = index.kb
    for c in candidates:
        own = kb.muscles[c["muscle"]["id"]].cautions
        points = c["explanation"]["trigger_points"]
        for n, tp in enumerate(points):
            sites = (kb.atlas.regions[r].base for r in tp["site"])
            how = tp["how_to_check"] or ""
            held = pressing_withheld(kb.safety, kb.atlas, personal, sites, how, own)
            if held is not None:
                points[n] = {**tp, "how_to_check": None, "withheld_because": held.reason}


PARAMETERS = dict(model.Parameters()._asdict())


def vars_of_parameters() -> dict[str, float]:
    return dict(PARAMETERS)  # a copy: callers may change their document


def region_label(index: FinderIndex, key: str) -> str:
    label = index.labels.get(key)
    if label is not None:
        return label
    atlas = index.kb.atlas
    return f"{atlas.regions[atlas.bases[key][0]].lay} (side not given)"


def heard_by_safety(safety: Screen, noted: Noted) -> tuple[str, ...]:
    """The phrases the red-flag screen and the cautions read: their words were understood,
    even when the finder itself has no use for them ("warfarin")."""
    return (
        *(p for raised in safety.raised for p in raised.matched),
        *(p for _, said in safety.set_aside for p in said),
        *noted.phrases,
    )


def understood_block(
    index: FinderIndex, ev: Evidence, heard: tuple[str, ...] = ()
) -> dict[str, Any]:
    atlas = index.kb.atlas
    assumed = _assumed(atlas, ev)
    regions = []
    # A place said without a side and also marked with one ("temple" in the words, the right
    # temple on the map) is shown once, with its side.
    sided = {atlas.regions[k].base for k in ev.marks if k not in ev.unspecified}
    for key, weight in ev.marks.items():
        if key in ev.unspecified and key in sided:
            continue
        side = "unspecified" if key in ev.unspecified else atlas.regions[key].side
        intensity, main, source = ev.detail[key]
        regions.append(
            {
                "id": key,
                "label": region_label(index, key),
                "side": side,
                "intensity": intensity,
                "main": main,
                "from": source,
                "weight": round(weight, 2),
                # Read from a complaint word or a symptom ("sciatica", "my jaw clicks"), not
                # from a place named: shown as an assumption the person can correct.
                "assumed": key in assumed,
                # No side was said for a place that has two: both are searched.
                "side_assumed": side == "unspecified",
            }
        )
    block = ev.understood.as_dict()
    text_regions = block.pop("regions")
    for place in text_regions:  # a place with two sides, said without one
        place["side_assumed"] = place["side"] == "unspecified" and atlas.is_paired(place["base"])
    block["history"] = [
        {
            "words": aside.words,
            "places": [
                {"id": key, "label": region_label(index, key)}
                for m in aside.places
                for key in mention_ids(atlas, m)
            ],
        }
        for aside in ev.understood.history
    ]
    if heard:
        known = index.kb.safety.phrases
        block["not_understood"] = [
            w for w in block["not_understood"] if not said_by(w, heard, known)
        ]
    return {
        "regions": regions,
        "from_text": text_regions,
        "symptoms": [{"id": s, "label": index.kb.symptoms[s].label} for s in ev.symptoms],
        "context": [{"id": c, "label": index.kb.contexts[c].label} for c in ev.contexts],
        **{k: v for k, v in block.items() if k not in ("symptoms", "contexts")},
    }


def _assumed(atlas: Atlas, ev: Evidence) -> set[str]:
    """The marks taken from the words only as assumptions (no place named for them)."""
    if not ev.understood.regions:
        return set()
    named: set[str] = set()
    guessed: set[str] = set()
    for mention in ev.understood.regions:
        ids = mention_ids(atlas, mention)
        (guessed if mention.how == "assumed" else named).update(ids)
    return {k for k in guessed - named if ev.detail.get(k, (None, False, ""))[2] == "text"}


def cautions_block(index: FinderIndex, noted: Personal) -> list[dict[str, Any]]:
    """Personal cautions read from the words; `as_caution` is the value the muscle pages and
    the API take (`caution=pregnancy`, `caution=recent-surgery-at-site:calf`)."""
    factors = index.kb.safety.factors
    return [
        {
            "id": factor,
            "label": factors[factor].label,
            "sites": list(sites),
            "as_caution": f"{factor}:{','.join(sites)}" if sites else factor,
        }
        for factor, sites in noted.factors.items()
    ]


def candidate(
    index: FinderIndex, ev: Evidence, s: Scored, rank: int, hold: str | None = None
) -> dict[str, Any]:
    return {
        "rank": rank,
        "muscle": index.heads[s.muscle.id],
        "side": _side(s, ev.unspecified),
        "score": round(s.score, 4),
        "log_odds": round(s.log_odds, 3),
        "explanation": explanation(index, ev, s, hold),
    }


def _side(s: Scored, unspecified: set[str]) -> str:
    """The side the evidence points to; "either" when only midline regions or places given
    without a side are explained, since a trigger point on either side would fit."""
    if s.side == "both":
        return "both"
    sided = [
        region
        for key, region in s.keys.items()
        if region in s.pattern.cells
        and key not in unspecified
        and region.endswith(("-left", "-right"))
    ]
    return s.side if sided else "either"


def explanation(
    index: FinderIndex, ev: Evidence, s: Scored, hold: str | None = None
) -> dict[str, Any]:
    cells, labels, your = s.pattern.cells, index.labels, index.your
    # A place given without a side is named without one ("your neck"), whichever side this
    # candidate reads it on.
    named = {r: k for k, r in s.keys.items()} if ev.unspecified else {}
    # One pass over the marks this pattern explains feeds the list, the summary's phrases by
    # kind and each trigger point's share: this runs for every candidate shown.
    explains = []
    phrases: dict[str, list[str]] = {"essential": [], "spillover": [], "local": []}
    by_point: dict[int, list[str]] = {}
    for r in s.resolved:
        cell = cells.get(r)
        if cell is None:
            continue
        kind, points = cell.kind, cell.trigger_points
        explains.append({"region": r, "label": labels[r], "kind": kind, "trigger_points": points})
        phrases[kind].append(your[named.get(r, r)])
        for number in points:
            by_point.setdefault(number, []).append(r)
    unexplained = [
        {"region": k, "label": region_label(index, k)} for k, r in s.keys.items() if r not in cells
    ]
    # The predicted zones are fixed per muscle and side (precomputed, shared, never changed).
    predicted = [entry for r, entry in index.predicted[s.muscle.id][s.side] if r not in s.resolved]
    if ev.unspecified and _side(s, ev.unspecified) == "either":
        # No side was given, so none is named for the zones it predicts either.
        regions = index.kb.atlas.regions
        predicted = [{**e, "label": regions[e["region"]].lay} for e in predicted]
    return {
        "summary": summary(phrases, s.muscle.prevalence, ev.mode),
        "explains": explains,
        "not_explained": unexplained,
        "predicted_not_marked": predicted,
        **(_extras(s.extras) if s.extras else NO_EXTRAS),
        "prevalence": s.muscle.prevalence,
        "trigger_points": trigger_points(index, s, by_point, hold),
    }


NO_EXTRAS: dict[str, Any] = {
    "symptoms_matched": [],
    "context_matched": [],
    "conditions_matched": [],
    "press_answer": None,
}


def _extras(pairs: list[tuple[str, float]]) -> dict[str, Any]:
    """The evidence beyond places, by kind, in one pass (a text query carries many)."""
    found: dict[str, list[str]] = {"symptom": [], "context": [], "condition": [], "press": []}
    for key, value in dict(pairs).items():
        kind, _, name = key.partition(":")
        if kind in found and (value > 0 or kind in ("condition", "press")):
            found[kind].append(name)
    return {
        "symptoms_matched": found["symptom"],
        "context_matched": found["context"],
        "conditions_matched": found["condition"],
        "press_answer": found["press"][0] if found["press"] else None,
    }


def summary(phrases: dict[str, list[str]], prevalence: str, mode: str = "drawing") -> str:
    """One sentence from the explained places, by kind ("your right temple", ...)."""
    essential, spill, local = phrases["essential"], phrases["spillover"], phrases["local"]
    parts = []
    if essential:
        parts.append(f"typically refer pain to {_join(essential)}")
    if spill:
        parts.append(
            f"and sometimes to {_join(spill)}"
            if essential
            else f"sometimes refer pain to {_join(spill)}"
        )
    sentence = f"Its trigger points {' '.join(parts)}." if parts else ""
    if local:
        where = "you marked pain" if mode == "drawing" else "you said it hurts"
        sentence += f" Its trigger points lie in {_join(local)}, where {where}."
    return f"{sentence} It is {PREVALENCE_TEXT[prevalence]} of this kind of pain.".strip()


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def trigger_points(
    index: FinderIndex, s: Scored, by_point: dict[int, list[str]], hold: str | None = None
) -> list[dict[str, Any]]:
    """The muscle's trigger points, each with the marked places it explains (sorted); with
    ``hold``, no instruction to press and the reason instead."""
    side = "right" if s.side in ("both", "either") else s.side
    points = index.trigger_points[s.muscle.id][side]
    if hold is None:
        return [{**tp, "explains": sorted(by_point.get(tp["number"], ()))} for tp in points]
    return [
        {
            **tp,
            "explains": sorted(by_point.get(tp["number"], ())),
            "how_to_check": None,
            "withheld_because": hold,
        }
        for tp in points
    ]


def cover_block(index: FinderIndex, cover: Cover, unspecified: set[str]) -> dict[str, Any]:
    members = [
        {
            "muscle": {"id": s.muscle.id, "name": s.muscle.name},
            "side": _side(s, unspecified),
            "adds": [{"region": r, "label": region_label(index, r)} for r in adds],
        }
        for s, adds in zip(cover.members, cover.adds, strict=True)
    ]
    return {
        "muscles": members,
        "not_explained": [{"region": r, "label": region_label(index, r)} for r in cover.uncovered],
        "complete": not cover.uncovered,
    }


__all__ = ["covered_keys", "finding_document"]
