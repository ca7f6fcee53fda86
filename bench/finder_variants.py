"""Variants of the finder's ranking model, measured on the development half of the pain-guide
set and on the case evaluation (docs/finder.md, "Places left unmarked"). Never the test half.

The scoring is re-implemented here with the model's numbers as arguments, so that variants the
engine does not offer (the trigger points combined by max, a mixture not split among the points)
can be measured without changing it. The first line checks that the re-implementation, given the
engine's own numbers, ranks every query exactly as the engine does.

    python bench/finder_variants.py
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from knotwork.core.finder import FinderIndex, load_index, model
from knotwork.core.finder.engine import (
    Evidence,
    Scored,
    _add_extras,
    _resolve,
    _sides_worth_scoring,
    gather,
    touched_muscles,
)
from knotwork.core.finder.engine import score_all as engine_ranking
from knotwork.core.finder.evaluate import load_cases, rank_of
from knotwork.core.finder.guides import load_guide_queries
from knotwork.core.finder.query import Query, parse_region_arg

ROOT = Path(__file__).resolve().parent.parent
KIND = {model.Z_ESSENTIAL: "essential", model.Z_SPILLOVER: "spillover", model.Z_LOCAL: "local"}


@dataclass(frozen=True)
class Variant:
    z: dict[str, float] = field(
        default_factory=lambda: {
            "essential": model.Z_ESSENTIAL,
            "spillover": model.Z_SPILLOVER,
            "local": model.Z_LOCAL,
        }
    )
    full: float = model.FULL_PICTURE  # a(n) = min(1, n / full) ** growth
    growth: float = model.ABSENCE_GROWTH
    absences: bool = True
    single: float = model.SINGLE_TRIGGER_POINT  # mixture share on "one point active"
    split: float = 1.0  # each point's share is single / K ** split (1: the engine's)
    combine: str = "mixture"  # or "max": the best component, weights kept
    prior_power: float = 1.0  # the log prior times this
    # Issue 18, third round (docs/finder.md, "Third round"):
    prior_map: tuple[float, ...] = ()  # very common, common, occasional, uncommon; () = model's
    activation: float = 0.0  # > 0: share on one point = (1 - activation) ** (K - 1)
    size_prior: float = 0.0  # plus this x log(number of regions in the pattern)
    size_of: str = "regions"  # or "points": log(number of trigger points)
    site_factor: float = 1.0  # a zone where the point itself lies: strength times this
    absences_from: int = 0  # a(n) counts places beyond this many (1: one place, none at all)
    # Points that refer to the same zones are one pattern: K counts distinct patterns, and a
    # pattern's share is split among the points that have it.
    grouped: bool = False


@dataclass
class Prepared:
    """One query's evidence, gathered once, with each candidate's marks as its sides read them."""

    query: Query
    ev: Evidence
    muscles: list[str]
    sides: tuple[str, ...]
    extra: dict[str, float]
    resolved: dict[tuple[str, str], dict[str, float]]


def prepare(index: FinderIndex, query: Query) -> Prepared:
    ev = gather(index, query)
    muscles = sorted(touched_muscles(index, ev))
    sides = _sides_worth_scoring(index, ev)
    extra, resolved = {}, {}
    for m in muscles:
        scored = Scored(index.kb.muscles[m], "left", 0.0, index.patterns[m]["left"], {}, {})
        _add_extras(index, scored, ev, query)
        extra[m] = scored.log_odds
        for side in sides:
            marks: dict[str, float] = {}
            for key, region in _resolve(index, ev, side, index.patterns[m][side]).items():
                marks[region] = max(ev.marks[key], marks.get(region, 0.0))
            resolved[m, side] = marks
    return Prepared(query, ev, muscles, sides, extra, resolved)


GRADES = ("very-common", "common", "occasional", "uncommon")


def component_sites(index: FinderIndex, m: str, side: str) -> list[set[str]]:
    """The sided regions where each component's trigger points lie, in the order of the
    pattern's components ("all of them" first when there are several points)."""
    atlas = index.kb.atlas
    sides = ("left", "right") if side == "both" else (side,)
    tps = index.kb.muscles[m].trigger_points
    each = [{atlas.sided(s, d) for d in sides for s in tp.location.site} for tp in tps]  # type: ignore[arg-type]
    return [set().union(*each), *each] if len(tps) > 1 else each


def log_prior(index: FinderIndex, m: str, v: Variant) -> float:
    grade = index.kb.muscles[m].prevalence
    table = dict(zip(GRADES, v.prior_map, strict=True)) if v.prior_map else model.PRIOR
    prior = v.prior_power * math.log(table[grade])
    if v.size_prior:
        points = len(index.kb.muscles[m].trigger_points)
        size = len(index.patterns[m]["left"].cells) if v.size_of == "regions" else points
        prior += v.size_prior * math.log(size)
    return prior


def ranking(index: FinderIndex, prep: Prepared, v: Variant) -> list[str]:
    mode = prep.ev.mode
    c = model.COMPLETENESS[mode]
    z_of = dict(v.z)
    z_of |= {f"{k}@site": z * v.site_factor for k, z in v.z.items() if k != "local"}
    p = {k: model.EPSILON + c * z for k, z in z_of.items()}
    marked = {k: math.log(x / model.Q) for k, x in p.items()}
    marked[""] = math.log(model.EPSILON / model.Q)
    unmarked = {k: math.log((1 - x) / (1 - model.Q)) for k, x in p.items()}
    n = max(0, len(prep.ev.marks) - v.absences_from)
    a = min(1.0, n / (v.full - v.absences_from)) ** v.growth if v.absences else 0.0
    scores = []
    for m in prep.muscles:
        prior = log_prior(index, m, v)
        best = -math.inf
        for side in prep.sides:
            components = index.patterns[m][side].components
            k = len(components) - 1
            single = (1 - v.activation) ** (k - 1) if v.activation else v.single
            weights = [math.log(1 - single)] + [math.log(single / k**v.split)] * k if k else [0.0]
            if v.grouped and k:
                keys = [
                    frozenset((z.region, z.kind, z.side) for z in tp.referral)
                    for tp in index.kb.muscles[m].trigger_points
                ]
                count = Counter(keys)
                share = single / len(count) ** v.split
                weights = [math.log(1 - single)] + [math.log(share / count[key]) for key in keys]
            marks = prep.resolved[m, side]
            sites = component_sites(index, m, side)
            terms = []
            for component, weight, at in zip(components, weights, sites, strict=True):
                kinds = {r: KIND[z] for r, z in component.z.items()}
                if v.site_factor != 1.0:
                    kinds = {
                        r: f"{kd}@site" if r in at and kd != "local" else kd
                        for r, kd in kinds.items()
                    }
                absent = sum(unmarked[kd] for r, kd in kinds.items() if r not in marks)
                present = sum(w * marked[kinds.get(r, "")] for r, w in marks.items())
                terms.append(weight + a * absent + present)
            top = max(terms)
            if v.combine == "max":
                evidence = top
            else:
                evidence = top + math.log(sum(math.exp(t - top) for t in terms))
            log_odds = (
                prior + evidence + (math.log(model.PRIOR_BOTH_SIDES) if side == "both" else 0)
            )
            best = max(best, log_odds)
        scores.append((best + prep.extra[m], m))
    scores.sort(key=lambda t: (-t[0], t[1]))
    return [m for _, m in scores]


def main() -> None:
    index = load_index()
    dev = [
        (q, prepare(index, q.query()))
        for q in load_guide_queries(ROOT / "tests/finder/guides/dev.yaml")
    ]
    cases = load_cases(sorted((ROOT / "tests/finder/cases").glob("*.yaml")))
    text = [(c.expect, prepare(index, Query(text=c.text))) for c in cases]
    drawing = [
        (c.expect, prepare(index, Query(marks=tuple(parse_region_arg(r) for r in c.drawing))))
        for c in cases
    ]
    engine = Variant()
    everything = [p for _, p in dev] + [p for _, p in text + drawing]
    differ = sum(
        ranking(index, p, engine)[:10]
        != [s.muscle.id for s in engine_ranking(index, p.ev, p.query)][:10]
        for p in everything
    )
    print(f"re-implementation against the engine, top 10: {differ} of {len(everything)} differ")

    def top(ranks: list[int | None], k: int) -> float:
        return 100 * sum(1 for r in ranks if r is not None and r <= k) / len(ranks)

    def row(name: str, v: Variant) -> None:
        single = [
            rank_of(ranking(index, p, v), q.first) for q, p in dev if q.kind == "single-place"
        ]
        pairs = [rank_of(ranking(index, p, v), q.first) for q, p in dev if q.kind == "two-place"]
        t = [rank_of(ranking(index, p, v), e) for e, p in text]
        # The text cases that name one place: the same question as a one-place pain guide,
        # with the case's own muscle as the answer (docs/finder.md, "Third round").
        t1 = [r for r, (_, p) in zip(t, text, strict=True) if len(p.ev.marks) == 1]
        d = [rank_of(ranking(index, p, v), e) for e, p in drawing]
        print(
            f"{name:46} {top(single, 1):5.1f} / {top(single, 5):5.1f}   "
            f"{top(pairs, 1):5.1f} / {top(pairs, 5):5.1f}   {top(t, 1):5.1f} / {top(t, 3):5.1f}   "
            f"{top(t1, 3):5.1f}   {top(d, 1):5.1f} / {top(d, 3):5.1f}"
        )

    print(
        f"{'':46} {'dev 1 place':>13}   {'dev 2 places':>13}   {'text t1/t3':>13}   "
        f"{'1 pl.':>5}   {'drawing':>13}"
    )
    spill = dict(engine.z)
    best = {**spill, "spillover": 0.35, "local": 0.4}
    low_spill = {**spill, "spillover": 0.35}
    rows = [
        ("the engine (a(n) = (n/6)^2, mixture 0.8)", engine),
        ("a(n) = n/6, mixture 0.6 (issue 18, round 1)", replace(engine, growth=1, single=0.6)),
        ("a(n) = (n/6)^2, mixture 0.6", replace(engine, single=0.6)),
        ("a(n) = n/6, mixture 0.8", replace(engine, growth=1)),
        ("a(n) = (n/6)^3", replace(engine, growth=3)),
        ("a(n) = (n/8)^2", replace(engine, full=8)),
        ("a(n) = (n/4)^2", replace(engine, full=4)),
        ("no absences at all", replace(engine, absences=False)),
        ("prior x 0.5", replace(engine, prior_power=0.5)),
        ("prior x 0.75", replace(engine, prior_power=0.75)),
        ("prior x 1.5", replace(engine, prior_power=1.5)),
        ("prior x 2", replace(engine, prior_power=2)),
        ("spillover 0.3", replace(engine, z={**spill, "spillover": 0.3})),
        ("spillover 0.35", replace(engine, z={**spill, "spillover": 0.35})),
        ("spillover 0.55", replace(engine, z={**spill, "spillover": 0.55})),
        ("trigger points by max", replace(engine, combine="max")),
        ("each point 0.8 / sqrt(K)", replace(engine, split=0.5)),
        ("each point 0.8, not split among K", replace(engine, split=0.0)),
        # Third round: what else could carry the guides' frequency order.
        ("each point 0.8 / K^0.75", replace(engine, split=0.75)),
        ("each point 0.8 / K^0.25", replace(engine, split=0.25)),
        ("points active independently, 0.2 each", replace(engine, activation=0.2)),
        ("points active independently, 0.3 each", replace(engine, activation=0.3)),
        ("grades 1 / 0.8 / 0.4 / 0.2", replace(engine, prior_map=(1, 0.8, 0.4, 0.2))),
        ("grades 1 / 0.7 / 0.35 / 0.2", replace(engine, prior_map=(1, 0.7, 0.35, 0.2))),
        ("grades 1 / 0.9 / 0.5 / 0.3", replace(engine, prior_map=(1, 0.9, 0.5, 0.3))),
        ("prior + 0.25 log(pattern regions)", replace(engine, size_prior=0.25)),
        ("prior + 0.5 log(pattern regions)", replace(engine, size_prior=0.5)),
        ("prior + 0.5 log(trigger points)", replace(engine, size_prior=0.5, size_of="points")),
        ("zones where the point lies x 0.8", replace(engine, site_factor=0.8)),
        ("one place: absences not at all", replace(engine, absences_from=1)),
        ("/ sqrt(K), spillover 0.35, local 0.4", replace(engine, split=0.5, z=best)),
        ("points alike grouped (K distinct), / K", replace(engine, grouped=True)),
        ("grouped, / sqrt(K)", replace(engine, grouped=True, split=0.5)),
        ("grouped, / K^0.25", replace(engine, grouped=True, split=0.25)),
        ("grouped, not split", replace(engine, grouped=True, split=0.0)),
        (
            "candidate: grouped, / sqrt(K), spillover 0.35",
            replace(engine, grouped=True, split=0.5, z=low_spill),
        ),
    ]
    for name, v in rows:
        row(name, v)


if __name__ == "__main__":
    main()
