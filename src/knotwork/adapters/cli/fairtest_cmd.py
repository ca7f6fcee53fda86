"""``knotwork fairtest``: a fair test between two options for your pain (docs/fair-tests.md).

knotwork fairtest plan --a "ball release daily" --a-kind self-treatment --b "nothing new" \\
    --b-kind nothing-new [--blocks 4] [--start YYYY-MM-DD] [--outcome peg|pain]
knotwork fairtest today                    # today's option and the three questions
knotwork fairtest log --peg 4,3,5          # today's PEG-3 answers, saved in the diary
knotwork fairtest status [ID] [--all]      # progress and results
knotwork fairtest extend ID | stop ID [--reason ...]
knotwork fairtest helped [--days 90 | --all]   # what seemed to help (associations)
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import echo, emit_json, table, wrap
from knotwork.core.errors import InvalidInput
from knotwork.core.fairtest.plan import ARM_KINDS

if TYPE_CHECKING:
    from knotwork.core.fairtest.analysis import Result
    from knotwork.core.fairtest.service import FairTests


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "fairtest",
        help="a fair test between two options for your pain (plan, today, log, status)",
        description="Compare two options a week at a time in random order, answering three "
        "questions a day (PEG-3). See docs/fair-tests.md.",
    )
    verbs = p.add_subparsers(title="fairtest commands", metavar="COMMAND", required=True)
    plan = verbs.add_parser("plan", help="plan a new test")
    plan.add_argument("--a", required=True, metavar="NAME", help="option A, in your words")
    plan.add_argument("--a-kind", choices=ARM_KINDS)
    plan.add_argument("--a-muscle", metavar="MUSCLE", help="the muscle option A treats")
    plan.add_argument("--b", required=True, metavar="NAME", help="option B, in your words")
    plan.add_argument("--b-kind", choices=ARM_KINDS)
    plan.add_argument("--blocks", type=int, default=4, help="3 to 12 (default 4)")
    plan.add_argument("--start", metavar="YYYY-MM-DD", help="today (default) or within 28 days")
    plan.add_argument("--outcome", choices=("peg", "pain"), default="peg")
    plan.set_defaults(handler=run_plan)

    today = verbs.add_parser("today", help="today's option and the three questions")
    today.set_defaults(handler=run_today)

    log = verbs.add_parser("log", help="today's PEG-3 answers")
    log.add_argument(
        "--peg",
        required=True,
        metavar="P,E,A",
        help="pain on average, interference with enjoyment of life and with "
        "general activity, each 0-10",
    )
    log.add_argument("--note", default="")
    log.set_defaults(handler=run_log)

    status = verbs.add_parser("status", help="progress and results")
    status.add_argument("id", nargs="?", help="a test's id (default the newest)")
    status.add_argument("--all", action="store_true", help="every test")
    status.set_defaults(handler=run_status)

    extend = verbs.add_parser("extend", help="two more blocks after an unclear end")
    extend.add_argument("id")
    extend.set_defaults(handler=run_extend)

    stop = verbs.add_parser("stop", help="stop a planned or running test")
    stop.add_argument("id")
    stop.add_argument("--reason", default="")
    stop.set_defaults(handler=run_stop)

    helped = verbs.add_parser("helped", help="what seemed to help (associations, not proof)")
    span = helped.add_mutually_exclusive_group()
    span.add_argument("--days", type=int, default=90)
    span.add_argument("--all", action="store_true")
    helped.set_defaults(handler=run_helped)
    for verb in (plan, today, log, status, extend, stop, helped):
        verb.add_argument("--json", action="store_true", help="print the data as JSON")


def tests_of(ctx: Context) -> FairTests:
    from knotwork.core.fairtest.service import FairTests

    return FairTests(ctx.store.fair_tests(), ctx.diary)


def run_plan(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.fairtest.plan import Arm

    tests = tests_of(ctx)
    muscle = ctx.diary.checks.muscle(args.a_muscle).id if args.a_muscle else None
    start = None
    if args.start:
        try:
            start = date.fromisoformat(args.start)
        except ValueError:
            raise InvalidInput(
                f"--start must be a date (YYYY-MM-DD), not '{args.start}'."
            ) from None
    test = tests.plan(
        Arm(args.a, args.a_kind, muscle),
        Arm(args.b, args.b_kind),
        args.blocks,
        start,
        args.outcome,
    )
    return show(args, tests.result(test))


def run_today(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.fairtest.present import prompt_dict, today_dict

    now = tests_of(ctx).today()
    if args.json:
        emit_json({"today": today_dict(now) if now else None, "prompt": prompt_dict()})
        return 0
    if now is None:
        echo("No fair test yet. Plan one: knotwork fairtest plan --a NAME --b NAME")
        return 0
    echo(wrap(now.message(), ""))
    if now.status in ("planned", "running"):
        echo("\nAnswer about today, 0 to 10 (PEG-3, Krebs et al. 2009):")
        from knotwork.core.fairtest.today import PEG_QUESTIONS

        for q in PEG_QUESTIONS:
            echo(f"  {q.text} (0 {q.low}, 10 {q.high})")
        echo(
            "Then: knotwork fairtest log --peg P,E,A"
            + ("  (answered today already)" if now.logged else "")
        )
    return 0


def run_log(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.diary import parse
    from knotwork.core.diary.codec import to_dict

    tests = tests_of(ctx)
    entry = tests.log(parse.peg(args.peg), args.note)
    if args.json:
        emit_json(to_dict(entry))
    else:
        peg = entry.peg
        assert peg is not None
        echo(
            f"saved {entry.id[:8]}  PEG-3 {peg.pain},{peg.enjoyment},{peg.activity} "
            f"(score {peg.score})"
        )
    return 0


def run_status(args: argparse.Namespace, ctx: Context) -> int:
    tests = tests_of(ctx)
    if args.id:
        results = [tests.result(tests.get(args.id))]
    else:
        results = tests.results()
        if not args.all:
            results = results[:1]
    if args.json:
        from knotwork.core.fairtest.present import result_dict

        emit_json({"tests": [result_dict(r) for r in results]})
        return 0
    if not results:
        echo("No fair test yet. Plan one: knotwork fairtest plan --a NAME --b NAME")
    for n, r in enumerate(results):
        echo(("\n" if n else "") + render(r))
    return 0


def run_extend(args: argparse.Namespace, ctx: Context) -> int:
    tests = tests_of(ctx)
    return show(args, tests.result(tests.extend(args.id)))


def run_stop(args: argparse.Namespace, ctx: Context) -> int:
    tests = tests_of(ctx)
    return show(args, tests.result(tests.stop(args.id, args.reason)))


def show(args: argparse.Namespace, r: Result) -> int:
    from knotwork.core.fairtest.present import result_dict

    if args.json:
        emit_json(result_dict(r))
    else:
        echo(render(r))
    return 0


def render(r: Result) -> str:
    from knotwork.core.fairtest.present import headline

    t = r.test
    out = [
        f"Fair test {t.id[:8]}: A = {t.a.name}, B = {t.b.name} ({r.status})",
        f"  from {t.start}, {t.schedule.blocks} blocks of 2 x {t.schedule.period_days} days, "
        f"order {' '.join(t.schedule.orders)} (seed {t.schedule.seed})",
    ]
    if r.stop:
        out.append(wrap(r.stop.reason))
    rows = [
        (
            p.block,
            p.option,
            f"{p.first} to {p.last}",
            f"{p.days_recorded}/{p.days_needed}",
            "-" if p.mean is None else f"{p.mean:.1f}",
            p.state,
        )
        for p in r.periods
    ]
    out += ["", table(["block", "option", "days", "answers", "mean", "state"], rows), ""]
    out.append(wrap(headline(r), ""))
    v = r.verdict
    if v.kind != "not-yet" and v.interval_90 and v.p_a_better is not None:
        low, high = v.interval_90
        out.append(
            f"  P(A better) {v.p_a_better:.0%}; P(A better by >= 1 point) "
            f"{v.p_a_better_by_1 or 0:.0%}; 90% interval {low:+.1f} to {high:+.1f} points"
        )
    if r.can_extend:
        out.append(
            f"  Not clear yet: add two blocks by {r.extend_by}: knotwork fairtest extend {t.id[:8]}"
        )
    return "\n".join(out)


def run_helped(args: argparse.Namespace, ctx: Context) -> int:
    from datetime import timedelta

    from knotwork.core.fairtest.helped import REASONS, SUMMARY, what_helped

    if not args.all and not 7 <= args.days <= 3660:
        raise InvalidInput("--days must be 7 to 3660.")
    until = ctx.diary.today()
    since = None if args.all else until - timedelta(days=args.days - 1)
    kb = ctx.kb
    rows = what_helped(
        ctx.diary.repo.treatments(since, until),
        lambda i: kb.muscles[i].name if i in kb.muscles else i,
    )
    if args.json:
        from knotwork.core.fairtest.present import helped_dict

        emit_json(
            {
                "rows": [helped_dict(h) for h in rows],
                "summary": SUMMARY,
                "reasons": [{"name": n, "why": w} for n, w in REASONS],
            }
        )
        return 0
    table_rows = [
        (
            h.name,
            h.count,
            "-" if h.relief_mean is None else f"{h.relief_mean:.1f}",
            "-"
            if h.relief_interval is None
            else f"{h.relief_interval[0]:.1f}-{h.relief_interval[1]:.1f}",
            ", ".join(f"{k} {n}" for k, n in h.soreness.items() if n) or "-",
        )
        for h in rows
    ]
    echo(table(["treatment", "times", "relief", "90% interval", "next-day soreness"], table_rows))
    echo("\n" + wrap(SUMMARY, ""))
    for name, why in REASONS:
        echo(wrap(f"{name}: {why}"))
    return 0
