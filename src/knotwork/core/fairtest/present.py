"""Fair tests as plain dicts (the JSON twin, the API, the CLI's --json, other parts such as
the clinician report) and as a small SVG chart of the period means.

Figures are rounded for people (probabilities to 0.001, points to 0.01); differences are
"B minus A", so a positive difference means less pain with A. Lower is better on PEG-3.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from knotwork.core.diary.codec import when_dict
from knotwork.core.diary.vocab import TREATMENT_LABELS
from knotwork.core.fairtest.analysis import BlockRow, PeriodRow, Result
from knotwork.core.fairtest.helped import Helped
from knotwork.core.fairtest.plan import OUTCOME_LABELS, Arm, FairTest
from knotwork.core.fairtest.today import PEG_CITED, PEG_QUESTIONS, PEG_SOURCE, Today
from knotwork.core.stats.verdict import CLEAR, CLEAR_AFTER_EXTENSION, FIRM_FROM, MEANINGFUL, Verdict

CAVEAT = (
    "This applies to you, for this pain, at this time; it is not evidence for anyone else. "
    "It is only as good as the diary: answer every day, keep to the planned option, and keep "
    "other treatments about the same."
)


def _r(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def arm_dict(arm: Arm) -> dict[str, Any]:
    return {"name": arm.name, "kind": arm.kind, "muscle": arm.muscle}


def test_dict(t: FairTest) -> dict[str, Any]:
    s = t.schedule
    return {
        "id": t.id,
        "created": when_dict(t.created),
        "a": arm_dict(t.a),
        "b": arm_dict(t.b),
        "outcome": t.outcome,
        "outcome_label": OUTCOME_LABELS[t.outcome],
        "start": t.start.isoformat(),
        "end": t.end.isoformat(),  # the first day after the test
        "schedule": {
            "seed": s.seed,
            "orders": list(s.orders),
            "blocks": s.blocks,
            "first_blocks": t.first_blocks,
            "extended": t.extended,
            "period_days": s.period_days,
            "set_aside_days": s.washout_days,
        },
        "stopped_on": _day(t.stopped_on),
        "stop_reason": t.stop_reason,
    }


def verdict_dict(v: Verdict, r: Result) -> dict[str, Any]:
    low, high = v.interval_90 if v.interval_90 else (None, None)
    return {
        "kind": v.kind,
        "label": v.label,
        "better": None if v.kind in ("not-yet", "no-clear-difference") else v.kind[-1].upper(),
        "sentence": r.sentence,
        "complete_blocks": v.complete_blocks,
        "planned_blocks": v.planned_blocks,
        "mean_difference": _r(v.mean_difference),
        "p_a_better": _r(v.p_a_better, 3),
        "p_a_better_by_1": _r(v.p_a_better_by_1, 3),
        "p_b_better": _r(v.p_b_better, 3),
        "p_b_better_by_1": _r(v.p_b_better_by_1, 3),
        "interval_90": None if low is None else [_r(low), _r(high)],
        "clear_bar": CLEAR_AFTER_EXTENSION if r.test.extended else CLEAR,
        "firm_from_blocks": FIRM_FROM,
        "meaningful_points": MEANINGFUL,
    }


def period_dict(p: PeriodRow) -> dict[str, Any]:
    return {
        "block": p.block,
        "option": p.option,
        "first": p.first.isoformat(),
        "counted_from": p.counted_from.isoformat(),
        "last": p.last.isoformat(),
        "days_recorded": p.days_recorded,
        "days_needed": p.days_needed,
        "mean": _r(p.mean),
        "state": p.state,
    }


def block_dict(b: BlockRow) -> dict[str, Any]:
    return {
        "block": b.block,
        "a": _r(b.a),
        "b": _r(b.b),
        "difference": _r(b.difference),
        "counted": b.counted,
    }


def result_dict(r: Result) -> dict[str, Any]:
    """Everything about one test and its result (``results_for`` gives the ``Result``)."""
    return {
        "test": test_dict(r.test),
        "as_of": r.today.isoformat(),
        "status": r.status,
        "verdict": verdict_dict(r.verdict, r),
        "headline": headline(r),
        "periods": [period_dict(p) for p in r.periods],
        "blocks": [block_dict(b) for b in r.blocks],
        "prior": r.prior_basis,
        "stopped": None
        if r.stop is None
        else {"day": r.stop.day.isoformat(), "by": r.stop.by, "reason": r.stop.reason},
        "can_extend": r.can_extend,
        "extend_by": _day(r.extend_by),
        "other_treatments": r.treatments,
        "caveat": CAVEAT,
    }


def headline(r: Result) -> str:
    """The result in words a person reads first (the verdict's sentence, with the figures)."""
    v = r.verdict
    if v.kind == "not-yet" or v.mean_difference is None:
        return r.sentence
    a, b = r.test.a.name, r.test.b.name
    counted = [x.difference for x in r.blocks if x.counted and x.difference is not None]
    d = sum(counted) / len(counted)  # the raw mean; the posterior's is pulled towards 0
    lower, higher = (a, b) if d >= 0 else (b, a)
    p_better = v.p_a_better if d >= 0 else v.p_b_better
    p_by_1 = v.p_a_better_by_1 if d >= 0 else v.p_b_better_by_1
    assert p_better is not None and p_by_1 is not None
    return (
        f"After {v.complete_blocks} blocks, your {_measure(r.test)} was on average "
        f"{abs(d):.1f} points lower in the weeks of {lower} than in those of {higher}. "
        f"Chance {lower} is better for you: {p_better:.0%}; better by at least 1 point: "
        f"{p_by_1:.0%}. {r.sentence[0].upper()}{r.sentence[1:]}"
    )


def _measure(t: FairTest) -> str:
    return "PEG-3 score" if t.outcome == "peg" else "pain"


def helped_dict(h: Helped) -> dict[str, Any]:
    """One row of "what seemed to help" (``arm`` is the option a fair test of it plans)."""
    return {
        "key": h.key,
        "kind": h.kind,
        "kind_label": TREATMENT_LABELS[h.kind],
        "name": h.name,
        "count": h.count,
        "reliefs": h.reliefs,
        "relief_mean": _r(h.relief_mean, 1),
        "relief_interval_90": None
        if h.relief_interval is None
        else [round(v, 1) for v in h.relief_interval],
        "soreness": h.soreness,
        "sore_share": _r(h.sore_share),
        "arm": arm_dict(h.arm),
    }


def today_dict(t: Today) -> dict[str, Any]:
    arm = t.arm
    return {
        "test_id": t.test.id,
        "day": t.day.isoformat(),
        "status": t.status,
        "option": t.option,
        "do": arm_dict(arm) if arm else None,
        "block": t.block,
        "blocks": t.test.schedule.blocks,
        "day_in_period": t.day_in_period,
        "period_days": t.test.schedule.period_days,
        "set_aside": t.set_aside,
        "period_last": _day(t.period_last),
        "logged_today": t.logged,
        "message": t.message(),
        "prompt": prompt_dict(),
    }


def prompt_dict() -> dict[str, Any]:
    return {
        "name": "PEG-3",
        "source": PEG_SOURCE,
        "cited": PEG_CITED,
        "questions": [
            {"field": q.field, "text": q.text, "low": q.low, "high": q.high, "min": 0, "max": 10}
            for q in PEG_QUESTIONS
        ],
    }


# -- the chart --------------------------------------------------------------------------

WIDTH, HEIGHT = 440, 250
LEFT, RIGHT, TOP, BOTTOM = 34, 10, 14, 66
COLOURS = {"A": "#1d4e6e", "B": "#c2410c", "grid": "#e5ddd3", "text": "#4a3f37"}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


def period_chart(r: Result) -> str:
    """One dot per period mean (A and B in their colours, A a circle and B a square, so the
    chart does not rely on colour), a line joining each block's pair; 0-10 upwards."""
    blocks = r.test.schedule.blocks
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(block: int, option: str) -> float:
        slot = plot_w / blocks
        return LEFT + slot * (block - 1) + slot * (0.35 if option == "A" else 0.65)

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / 10)

    title = f"Period means: {r.test.a.name} (A) and {r.test.b.name} (B)"
    desc = _chart_desc(r)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="ft-title ft-desc" class="fair-chart" font-family="{escape(FONT)}" '
        f'font-size="16">',
        f'<title id="ft-title">{escape(title)}</title>',
        f'<desc id="ft-desc">{escape(desc)}</desc>',
    ]
    for v in range(0, 11, 2):
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
            f'stroke="{COLOURS["grid"]}"/>'
            f'<text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end" '
            f'fill="{COLOURS["text"]}">{v}</text>'
        )
    for b in range(1, blocks + 1):
        out.append(
            f'<text x="{x(b, "A") + (x(b, "B") - x(b, "A")) / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" '
            f'text-anchor="middle" fill="{COLOURS["text"]}">{"block " if blocks <= 6 else ""}{b}'
            "</text>"
        )
    means = {(p.block, p.option): p.mean for p in r.periods}
    for b in range(1, blocks + 1):
        a, bb = means.get((b, "A")), means.get((b, "B"))
        if a is not None and bb is not None:
            out.append(
                f'<line x1="{x(b, "A"):.1f}" y1="{y(a):.1f}" x2="{x(b, "B"):.1f}" '
                f'y2="{y(bb):.1f}" stroke="{COLOURS["text"]}" stroke-width="1.5"/>'
            )
        for option, value in (("A", a), ("B", bb)):
            if value is not None:
                out.append(_dot(x(b, option), y(value), option))
    for n, (option, name) in enumerate((("A", r.test.a.name), ("B", r.test.b.name))):
        y_text = HEIGHT - 27 + 20 * n
        out.append(_dot(LEFT + 6, y_text - 5, option, "key"))
        tail = " (lower is better)" if n else ""
        out.append(
            f'<text x="{LEFT + 18}" y="{y_text}" fill="{COLOURS["text"]}">'
            f"{option}: {escape(_short(name))}{tail}</text>"
        )
    out.append("</svg>")
    return "".join(out)


def _dot(cx: float, cy: float, option: str, role: str = "mean") -> str:
    """A period mean (``role`` "mean") or the legend's key ("key"): A a circle, B a square."""
    colour, cls = COLOURS[option], f"{role}-{option.lower()}"
    if option == "A":
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="6" fill="{colour}" class="{cls}"/>'
    return (
        f'<rect x="{cx - 5.5:.1f}" y="{cy - 5.5:.1f}" width="11" height="11" fill="{colour}" '
        f'class="{cls}"/>'
    )


def _short(name: str, most: int = 28) -> str:
    return name if len(name) <= most else name[: most - 1] + "…"


def _chart_desc(r: Result) -> str:
    shown = [p for p in r.periods if p.mean is not None]
    if not shown:
        return "No period has enough answers yet."
    parts = [f"block {p.block} {p.option} {p.mean:.1f}" for p in shown if p.mean is not None]
    return "Period means, 0 to 10: " + "; ".join(parts) + "."
