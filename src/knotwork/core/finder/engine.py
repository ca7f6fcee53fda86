"""Rank the muscles most likely behind a pain picture, each with the reason why."""

from __future__ import annotations

import math
import re
from operator import itemgetter
from typing import Any, NamedTuple

from knotwork.core.atlas.model import Atlas
from knotwork.core.errors import NothingUnderstood, UnknownRegion
from knotwork.core.finder import model
from knotwork.core.finder.cover import NO_COVER, smallest_cover
from knotwork.core.finder.index import FinderIndex
from knotwork.core.finder.parse import read_text
from knotwork.core.finder.patterns import Pattern
from knotwork.core.finder.postings import component_evidence, log_sum_exp
from knotwork.core.finder.query import NOTHING, Query, check_marks
from knotwork.core.finder.understood import Mention, Understood
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.model import Muscle
from knotwork.core.reading.complaint import Complaint, read
from knotwork.core.safety.cautions import Noted, Personal, cautions_in_text

EXAMPLES = (
    "throbbing at my right temple and behind my right eye",
    "ache deep in my left buttock that runs down the outside of my leg",
    "both shoulders and the base of my skull",
)


class Evidence(NamedTuple):
    """The resolved picture the model scores."""

    marks: dict[str, float]  # sided region id (or base id when unspecified) -> weight
    unspecified: set[str]
    mode: str
    symptoms: list[str]
    contexts: list[str]
    conditions: dict[str, list[str]]  # words -> muscle ids
    understood: Understood
    # mark key -> (intensity 0-10 or None, main area?, "drawing" or "text"), for reporting
    detail: dict[str, tuple[int | None, bool, str]]


class Scored:
    """One muscle at its best side, with the evidence for it."""

    __slots__ = ("extras", "keys", "log_odds", "muscle", "pattern", "resolved", "score", "side")

    def __init__(
        self,
        muscle: Muscle,
        side: str,
        log_odds: float,
        pattern: Pattern,
        resolved: dict[str, float],
        keys: dict[str, str],
    ) -> None:
        self.muscle = muscle
        self.side = side
        self.log_odds = log_odds
        self.pattern = pattern
        self.resolved = resolved  # sided marks as this hypothesis reads them
        self.keys = keys  # mark key (as given) -> the sided region it was read as
        self.extras: list[tuple[str, float]] = []
        self.score = 0.0


def gather(index: FinderIndex, query: Query) -> Evidence:
    """Merge the drawing and the words into one set of marks, symptoms and context."""
    atlas = index.kb.atlas
    check_marks(atlas, query.marks)
    understood = read_text(index.kb, index.lexicon, query.text) if query.text else Understood()
    marks: dict[str, float] = {}
    unspecified: set[str] = set()
    detail: dict[str, tuple[int | None, bool, str]] = {}
    for mark in query.marks:
        weight = model.mark_weight(mark.intensity, mark.primary)
        if weight < marks.get(mark.region, 0.0):
            continue  # a place marked twice counts once, as its stronger mark
        marks[mark.region] = weight
        detail[mark.region] = (mark.intensity, mark.primary, "drawing")
        if mark.unspecified:
            unspecified.add(mark.region)
    _add_text_marks(index, understood, marks, unspecified)
    for key in marks:
        detail.setdefault(key, (understood.intensity, False, "text"))
    if not marks:
        raise NothingUnderstood(_nothing_message(understood))
    negated_symptoms = {t.id for t in understood.negated_symptoms}
    symptoms = [
        s
        for s in dict.fromkeys([*query.symptoms, *(t.id for t in understood.symptoms)])
        if s not in negated_symptoms
    ]
    contexts = list(dict.fromkeys([*query.contexts, *(t.id for t in understood.contexts)]))
    conditions = {t.words: list(t.muscles) for t in understood.conditions}
    mode = "drawing" if query.marks else "text"
    return Evidence(marks, unspecified, mode, symptoms, contexts, conditions, understood, detail)


def gather_or_flag(index: FinderIndex, query: Query) -> Evidence | None:
    """``gather``, except when it fails (no place understood, an unknown region) on words
    that raise a red flag: then None, so the flag is shown rather than lost in an error
    ("slurred speech and weakness" has no place to rank, but needs an ambulance)."""
    from knotwork.core.safety.screen import screen

    try:
        return gather(index, query)
    except (NothingUnderstood, UnknownRegion):
        kb = index.kb
        if (
            query.text
            and screen(kb.safety, kb.atlas, (), query.text, query.answers).level != "none"
        ):
            return None
        raise


def words_only(index: FinderIndex, query: Query) -> Evidence:
    """The evidence of the words alone, with no place: what was understood, for showing."""
    understood = read_text(index.kb, index.lexicon, query.text) if query.text else Understood()
    return Evidence({}, set(), "text", [], [], {}, understood, {})


class Screening(NamedTuple):
    """What the red-flag screen reads for a query: its places and its words, and the
    evidence they were read from (for the cautions the words state: ``noted_cautions``)."""

    places: list[str]
    text: str
    evidence: Evidence


def screening(index: FinderIndex, query: Query) -> Screening:
    """The places a query marks, drawn or said in words ("ache in my lower back" brings the
    low-back questions), and its words with the finder's typo corrections applied, so "I had
    cancr" is screened as cancer. A query with no place still gets the questions for
    everyone, so nothing understood is no error here."""
    try:
        ev = gather(index, query)
    except NothingUnderstood:
        ev = words_only(index, query)
        return Screening([m.region for m in query.marks], said(query, ev), ev)
    return Screening(screened_places(ev), said(query, ev), ev)


def noted_cautions(
    kb: KnowledgeBase, ev: Evidence, text: str, complaint: Complaint | None = None
) -> Noted:
    """The cautions the words state ("I'm pregnant"): one that applies at a site takes the
    places said with it ("a clot in my right leg"), else the places that hurt."""
    if not text:
        return NOTHING_NOTED
    painful = map(kb.atlas.base_of, ev.marks)
    asides = [(a.words, [m.base for m in a.places]) for a in ev.understood.history]
    return cautions_in_text(kb.safety, text, painful, asides, complaint)


def screened_places(ev: Evidence) -> list[str]:
    """The places the red-flag screen asks about: where it hurts, and places named with a
    past treatment or condition ("a clot in my leg" brings the leg's questions)."""
    named = (m.base for aside in ev.understood.history for m in aside.places)
    return list(dict.fromkeys([*ev.marks, *named]))


def said(query: Query, ev: Evidence) -> str:
    """The words with each typo the finder corrected replaced by what it read."""
    text = query.text
    for wrong, right in ev.understood.corrections:
        text = re.sub(rf"\b{re.escape(wrong)}\b", right, text, flags=re.IGNORECASE)
    return text


def _add_text_marks(
    index: FinderIndex, understood: Understood, marks: dict[str, float], unspecified: set[str]
) -> None:
    atlas = index.kb.atlas
    weight = model.mark_weight(understood.intensity, False)
    for mention in understood.regions:
        ids = mention_ids(atlas, mention)
        if mention.side == "unspecified" and atlas.is_paired(mention.base):
            unspecified.add(mention.base)
        for region in ids:
            marks.setdefault(region, weight)


def mention_ids(atlas: Atlas, mention: Mention) -> list[str]:
    """The region ids a place said in words stands for: sided when a side was given (both
    sides for "both"), the base id when it was not, the midline id when it has no sides."""
    if not atlas.is_paired(mention.base):
        return [atlas.sided(mention.base, "midline")]
    if mention.side == "unspecified":
        return [mention.base]
    if mention.side == "both":
        return [atlas.sided(mention.base, "left"), atlas.sided(mention.base, "right")]
    return [atlas.sided(mention.base, mention.side)]  # type: ignore[arg-type]


def _nothing_message(understood: Understood) -> str:
    parts = ["No body location was recognised in the text."]
    heard = [t.label for t in understood.symptoms] + [t.label for t in understood.contexts]
    if heard:
        parts.append(f"Understood: {', '.join(heard)}.")
    if understood.unknown:
        parts.append(f"Not understood: {', '.join(understood.unknown)}.")
    parts.append("Say where it hurts, for example: " + "; ".join(f'"{e}"' for e in EXAMPLES))
    return " ".join(parts)


def touched_muscles(index: FinderIndex, ev: Evidence) -> set[str]:
    """The muscles whose pattern (on either side) includes at least one mark."""
    atlas = index.kb.atlas
    touched: set[str] = set()
    for region in ev.marks:
        ids = (
            [atlas.sided(region, "left"), atlas.sided(region, "right")]
            if region in ev.unspecified
            else [region]
        )
        for rid in ids:
            touched |= index.by_region.get(rid, set())
    return touched


def score_all(index: FinderIndex, ev: Evidence, query: Query) -> list[Scored]:
    """Every muscle that explains at least one mark, at its best side, ranked."""
    muscle_ids = [m for m in touched_muscles(index, ev) if m not in query.rule_out]
    sides = _sides_worth_scoring(index, ev)
    if ev.unspecified:
        readings = [
            max((_hypothesis(index, m, side, ev) for side in sides), key=_LOG_ODDS)
            for m in muscle_ids
        ]
    else:
        readings = _fixed_readings(index, ev, muscle_ids, sides)
    ranked = [
        Scored(index.kb.muscles[m], side, log_odds, index.patterns[m][side], resolved, keys)
        for m, (log_odds, side, resolved, keys) in zip(muscle_ids, readings, strict=True)
    ]
    if ev.symptoms or ev.contexts or ev.conditions or query.press:
        for scored in ranked:
            _add_extras(index, scored, ev, query)
    ranked.sort(key=lambda s: (-s.log_odds, s.muscle.id))
    _normalise(ranked)
    return ranked


_LOG_ODDS = itemgetter(0)


def _fixed_readings(
    index: FinderIndex, ev: Evidence, muscle_ids: list[str], sides: tuple[str, ...]
) -> list[Reading]:
    """Each muscle at its best side when every mark has its side: the marks read the same
    for every hypothesis, so the evidence comes from the postings (see postings.py)."""
    resolved, keys = dict(ev.marks), {key: key for key in ev.marks}
    found, shared, totals = component_evidence(index.postings, ev.marks, ev.mode, sides)
    log_prior = index.log_prior
    readings: list[Reading] = []
    for muscle_id in muscle_ids:
        best_odds, best_side = -math.inf, sides[0]
        prior = log_prior[muscle_id] + shared
        for side in sides:
            evidence = found.get((muscle_id, side))
            log_odds = prior + (log_sum_exp(evidence) if evidence else totals[muscle_id, side])
            if side == "both":
                log_odds += LOG_BOTH
            if log_odds > best_odds:  # the first side wins a tie, as max() would
                best_odds, best_side = log_odds, side
        readings.append((best_odds, best_side, resolved, keys))
    return readings


def _sides_worth_scoring(index: FinderIndex, ev: Evidence) -> tuple[str, ...]:
    """Only the hypotheses that can differ: a drawing all on the left cannot be explained
    better by a right-sided trigger point than by the same one on the left, and marks
    without a side (or on the midline) fit a left and a right trigger point equally."""
    regions = index.kb.atlas.regions
    sided = {regions[k].side for k in ev.marks if k in regions} - {"midline"}
    if len(sided) == 2:
        return ("left", "right", "both")
    if not sided:
        return ("left",)
    return (
        (next(iter(sided)), "left" if "right" in sided else "right")
        if ev.unspecified
        else tuple(sided)
    )


Reading = tuple[float, str, dict[str, float], dict[str, str]]


def _hypothesis(
    index: FinderIndex,
    muscle_id: str,
    side: str,
    ev: Evidence,
) -> Reading:
    """(log odds, side, marks as read, mark keys -> regions) for one muscle on one side, when
    some marks have no side: each hypothesis reads them on its own side, so the postings
    (which assume one reading for all) do not apply."""
    pattern = index.patterns[muscle_id][side]
    keys = _resolve(index, ev, side, pattern)
    resolved: dict[str, float] = {}
    for key, region in keys.items():
        resolved[region] = max(ev.marks[key], resolved.get(region, 0.0))
    prior = index.log_prior[muscle_id] + (LOG_BOTH if side == "both" else 0.0)
    marked, unmarked = MARKED[ev.mode], UNMARKED[ev.mode]
    absence = model.absence_weight(len(ev.marks))
    terms = []
    for component in pattern.components:
        evidence = component.log_weight + absence * component.baseline[ev.mode]
        z_of = component.z
        for region, weight in resolved.items():
            z = z_of.get(region, 0.0)
            evidence += weight * marked[z] - absence * unmarked[z]
        terms.append(evidence)
    return prior + log_sum_exp(terms), side, resolved, keys


LOG_BOTH = math.log(model.PRIOR_BOTH_SIDES)
NOTHING_NOTED = Noted(Personal(), ())


# The "marked" and "not marked" terms for each zone strength, per input mode.
STRENGTHS = (0.0, model.Z_LOCAL, model.Z_SPILLOVER, model.Z_ESSENTIAL)
MARKED = {m: {z: model.marked_term(z, m) for z in STRENGTHS} for m in model.COMPLETENESS}
# A region outside the pattern has nothing to subtract: its "not marked" term is not in the
# component's baseline.
UNMARKED = {
    m: {z: (model.unmarked_term(z, m) if z else 0.0) for z in STRENGTHS} for m in model.COMPLETENESS
}


def _resolve(index: FinderIndex, ev: Evidence, side: str, pattern: Pattern) -> dict[str, str]:
    """Mark key -> sided id; a mark without a side takes this hypothesis' side."""
    atlas = index.kb.atlas
    keys: dict[str, str] = {}
    for key in ev.marks:
        region = key
        if key in ev.unspecified:
            sides = ("left", "right") if side == "both" else (side,)
            options = [atlas.sided(key, s) for s in sides]  # type: ignore[arg-type]
            region = max(options, key=lambda r: pattern.cells[r].z if r in pattern.cells else 0)
        keys[key] = region
    return keys


def _add_extras(index: FinderIndex, scored: Scored, ev: Evidence, query: Query) -> None:
    muscle_id = scored.muscle.id
    listed, activities = index.symptoms_of[muscle_id], index.activities_of[muscle_id]
    for symptom in ev.symptoms:
        lr = model.LR_SYMPTOM_LISTED if symptom in listed else model.LR_SYMPTOM_NOT_LISTED
        scored.extras.append((f"symptom:{symptom}", math.log(lr)))
    for context in ev.contexts:
        lr = model.LR_CONTEXT_LISTED if context in activities else model.LR_CONTEXT_NOT_LISTED
        scored.extras.append((f"context:{context}", math.log(lr)))
    for words, muscles in ev.conditions.items():
        if muscle_id in muscles:
            scored.extras.append((f"condition:{words}", math.log(model.LR_CONDITION)))
    answer = query.press.get(muscle_id)
    if answer:
        scored.extras.append((f"press:{answer}", math.log(model.LR_PRESS[answer])))
    scored.log_odds += sum(value for _, value in scored.extras)


def _normalise(ranked: list[Scored]) -> None:
    """Softmax over the candidates: each score is its share of the evidence."""
    if not ranked:
        return
    top = ranked[0].log_odds
    weights = [math.exp(s.log_odds - top) for s in ranked]
    total = sum(weights)
    for scored, weight in zip(ranked, weights, strict=True):
        scored.score = weight / total


def covered_keys(scored: Scored) -> set[str]:
    """The marks (as given) this candidate's pattern explains."""
    return {key for key, region in scored.keys.items() if region in scored.pattern.cells}


def find(index: FinderIndex, query: Query) -> dict[str, Any]:
    """The finder's JSON document (see docs/finder.md for the contract)."""
    from knotwork.core.finder.report import finding_document
    from knotwork.core.safety.cautions import check_personal
    from knotwork.core.safety.screen import check_answers, screen

    kb = index.kb
    check_answers(kb.safety, query.answers)
    chosen = check_personal(kb.safety, kb.atlas, Personal(query.cautions))
    ev = gather_or_flag(index, query)
    if ev is None:  # no place to rank, but the words raised a warning sign: that comes first
        safety = screen(kb.safety, kb.atlas, (), query.text, query.answers)
        doc = finding_document(
            index,
            query,
            words_only(index, query),
            [],
            NO_COVER,
            safety,
            NOTHING_NOTED,
            chosen,
        )
        doc["explains_all"]["complete"] = False
        return doc
    text = said(query, ev)
    # The words are read once, and the screen and the cautions both use that reading.
    complaint = read(text, kb.safety.phrase_index)
    safety = screen(kb.safety, kb.atlas, screened_places(ev), text, query.answers, complaint)
    if query.press and not (safety.level == "none" and safety.complete):
        # No press test is offered until the questions are answered and raise nothing, so
        # an answer to one (an old link, a hand-made request) does not count either.
        query = query._replace(press=NOTHING)
    ranked = score_all(index, ev, query)
    cover = smallest_cover(ranked, ev)
    # Cautions said in the words ("I'm pregnant") travel with the result to every technique.
    noted = noted_cautions(kb, ev, text, complaint)
    return finding_document(index, query, ev, ranked, cover, safety, noted, chosen)
