"""Browse by place: the muscles whose trigger points refer pain to one place, most likely first.

The finder ranks them for that place marked alone (the main place, at a moderate 6/10, as the
pain-guide evaluation marks it), so a muscle's order here is its order in the results for the
same place: one model, one order. They are grouped by what the place is to each muscle: an
essential zone of one of its trigger points (nearly everyone with it feels pain there), a
spillover zone (some do), or only where a trigger point itself lies. A sided place lists the
muscles on its side (or, for a zone on the other side, on that side); a midline place, or a
paired place given without a side, lists them on either side.

The press test is gated as on the results page (docs/safety.md, "The gate"): with a warning
sign raised there is no pressing instruction, and none until the safety questions for the place
are answered; a personal caution that rules out pressing at a trigger point withholds that one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from knotwork.core.finder.engine import find
from knotwork.core.finder.guides import DEFAULT_INTENSITY
from knotwork.core.finder.index import FinderIndex
from knotwork.core.finder.query import NOTHING, Mark, Query
from knotwork.core.finder.report import PREVALENCE_TEXT

VERSION = 1
NOTICE = (
    "Knotwork informs; it does not diagnose. These are muscles whose trigger points commonly "
    "refer pain to this place, not a diagnosis."
)
KINDS = {
    "essential": "Usually refer pain here",
    "spillover": "Sometimes refer pain here",
    "local": "Have trigger points here",
}


def place_mark(index: FinderIndex, region: str) -> Mark:
    """The place as the finder marks it: a sided or midline id as given; a paired base id
    ("temple") without a side. An unknown id is ``UnknownRegion`` with suggestions."""
    atlas = index.kb.atlas
    if region in atlas.bases and atlas.is_paired(region):
        return Mark(region, DEFAULT_INTENSITY, True, side="unspecified")
    if region in atlas.bases:
        region = atlas.sided(region, "midline")
    atlas.get(region)
    return Mark(region, DEFAULT_INTENSITY, True)


def place_document(
    index: FinderIndex,
    region: str,
    answers: Mapping[str, bool] = NOTHING,
    cautions: Mapping[str, tuple[str, ...]] = NOTHING,
) -> dict[str, Any]:
    """The muscles that refer pain to ``region``, by kind, each kind most likely first."""
    mark = place_mark(index, region)
    query = Query(marks=(mark,), answers=answers, cautions=cautions, limit=len(index.kb))
    doc = find(index, query)
    place = doc["understood"]["regions"][0]
    groups: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    for c in doc["candidates"]:
        kind = c["explanation"]["explains"][0]["kind"]
        groups[kind].append(_entry(c, kind))
    return {
        "version": VERSION,
        "place": {
            "id": place["id"],
            "label": place["label"],
            "side": place["side"],
            "phrase": index.your[place["id"]],
        },
        "safety": doc["safety"],
        "groups": [
            {"kind": kind, "title": title, "muscles": groups[kind]} for kind, title in KINDS.items()
        ],
        "count": len(doc["candidates"]),
        "model": doc["model"],
        "notice": NOTICE,
    }


def _entry(c: dict[str, Any], kind: str) -> dict[str, Any]:
    """One muscle: its rank among all, side, share of the evidence, the sentence that says
    why, and the press test at a trigger point that refers pain to the place."""
    e = c["explanation"]
    here = [tp for tp in e["trigger_points"] if tp["explains"]]
    checkable = [tp for tp in here if tp["how_to_check"]]
    tp = (checkable or here)[0]
    return {
        "rank": c["rank"],
        "muscle": c["muscle"],
        "side": c["side"],
        "kind": kind,
        "score": c["score"],
        "summary": e["summary"],
        "prevalence": e["prevalence"],
        "prevalence_text": f"{PREVALENCE_TEXT[e['prevalence']].capitalize()} of such pain.",
        "trigger_points": [t["number"] for t in here],
        "press_test": {
            "trigger_point": tp["number"],
            "where": tp["where"],
            "how_to_check": tp["how_to_check"],
            "withheld_because": tp.get("withheld_because"),
            "site": tp["site"],
        },
    }
