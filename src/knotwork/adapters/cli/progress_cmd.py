"""``knotwork progress``: pain over time as a terminal chart and tables.

One row per week (per day for a month or less): the 7-day average as a bar and a number,
with the treatments of that week; then the change since the start, judged against the
2-point / 30 % rule, and pain by place in the first and the last week.
"""

from __future__ import annotations

import argparse

from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import echo, emit_json, table, wrap
from knotwork.core.diary.progress import Progress

BAR = 4  # characters per point of pain


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("progress", help="pain over time, by place, and the change since the start")
    span = p.add_mutually_exclusive_group()
    span.add_argument("--days", type=int, default=90, help="the last N days (default 90)")
    span.add_argument("--all", action="store_true", help="the whole diary")
    p.add_argument("--json", action="store_true", help="print the data as JSON")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.diary.present import progress_dict

    p = ctx.diary.progress(None if args.all else args.days)
    if args.json:
        emit_json(progress_dict(p))
    else:
        echo(render(p))
    return 0


def render(p: Progress) -> str:
    from knotwork.core.diary.present import treatment_counts, week_before, weekly
    from knotwork.core.diary.progress import CAVEAT

    days = (p.until - p.since).days + 1
    out = [f"Progress, {p.since} to {p.until} ({days} days, {p.entries} entries)"]
    if p.empty:
        out.append("No entries in this period. Add one: knotwork diary add --region ID:PAIN")
        return "\n".join(out)
    step = 1 if days <= 31 else 7
    out += [
        "",
        f"Pain, 7-day average (one row a {'day' if step == 1 else 'week'}, {'█' * BAR} = 1 point):",
    ]
    rows = weekly(p.averages, step)
    while rows and rows[0][1] is None:  # the chart starts where the entries do
        rows.pop(0)
    for day, value in rows:
        bar = "" if value is None else "█" * round(value * BAR)
        number = "  -" if value is None else f"{value:4.1f}"
        counts = treatment_counts(p, week_before(day) if step == 7 else day, day)
        treated = ", ".join(f"{k} x{n}" for k, n in counts.most_common(3))
        out.append(f"  {day}  {bar:<{10 * BAR}} {number}  {treated}".rstrip())
    out.append("")
    if p.change is None:
        out.append("Change since the start: needs two weeks of entries.")
    else:
        out.append(wrap(f"Change since the start: {p.change.sentence()}", ""))
        out.append(f"  (first week {p.change.start}; last week {p.change.now})")
        places = sorted(set(p.start_regions) | set(p.now_regions))
        by_place = [(r, _num(p.start_regions.get(r)), _num(p.now_regions.get(r))) for r in places]
        out += ["", table(["place", "first week", "last week"], by_place)]
    if p.impressions:
        last = p.impressions[-1]
        out.append(f"\nImpression of change (latest, {last.when.day}): {last.label}")
    out += ["", wrap(CAVEAT, "")]
    return "\n".join(out)


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"
