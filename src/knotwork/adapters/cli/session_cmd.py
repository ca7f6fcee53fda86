"""``knotwork session MUSCLE...``: a release session as a terminal timer, recorded into the
diary; ``--json`` prints the plan instead.

knotwork session traps --side right --answer fever=no ...     # asks the rest in a terminal
knotwork session upper-trapezius levator-scapulae --json       # the plan, as JSON
knotwork session traps --side right --yes --pain-before 6      # no terminal: runs on its own

The plan is the web player's (core/release): the knowledge base's points, technique, dose and
pressure, as the cautions allow; nothing while a warning sign is raised or a safety question
is unanswered; refused, with the cap and why, past the overtreatment guard's caps.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import echo, emit_json, wrap
from knotwork.adapters.cli.screen_cmd import ask_questions, render_safety
from knotwork.core.errors import InvalidInput
from knotwork.core.plain import plain


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "session",
        help="a guided release session: a terminal timer that records into the diary",
        description="Walk through each trigger point of these muscles with a timer, within "
        "the knowledge base's dose, and record it in the diary. Keys in a terminal: p pause, "
        "s skip, b back, q stop.",
    )
    p.add_argument("muscle", nargs="+", help="muscle ids, names or aliases (e.g. traps)")
    p.add_argument("--side", choices=("left", "right", "both"), default="both")
    p.add_argument("--hold", type=int, metavar="SECONDS", help="seconds a hold (within the dose)")
    p.add_argument("--reps", type=int, metavar="N", help="holds on each point (within the dose)")
    p.add_argument("--answer", action="append", default=[], metavar="ID=yes|no")
    p.add_argument("--caution", action="append", default=[], metavar="FACTOR[:SITE,...]")
    p.add_argument("--pain-before", type=int, metavar="0-10")
    p.add_argument("--pain-after", type=int, metavar="0-10")
    p.add_argument("--pressure", type=int, metavar="0-10", help="how firm you press (recorded)")
    p.add_argument(
        "--sore",
        type=int,
        metavar="0-10",
        help="the morning check: how sore the muscle is today, after yesterday's session",
    )
    p.add_argument("--json", action="store_true", help="print the plan as JSON and stop")
    p.add_argument("--yes", action="store_true", help="run without a terminal (no keys)")
    p.add_argument("--no-input", action="store_true", help="never ask questions")
    p.set_defaults(handler=run)


def _terminal(args: argparse.Namespace) -> bool:
    stdin = sys.stdin
    return not args.no_input and stdin is not None and stdin.isatty()


def run(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.finder.query import parse_answers
    from knotwork.core.release.service import Ask
    from knotwork.core.safety.cautions import Personal, check_personal, parse_personal

    release = ctx.sessions
    kb = release.kb
    if args.sore is not None:
        return _check(args, release)
    personal = check_personal(kb.safety, kb.atlas, Personal(parse_personal(args.caution).factors))
    for value, name in ((args.hold, "--hold"), (args.reps, "--reps")):
        if value is not None and value < 1:
            raise InvalidInput(f"{name} must be at least 1.")
    sides = ("left", "right") if args.side == "both" else (args.side,)
    answers = parse_answers(args.answer)
    ask = Ask(tuple(args.muscle), sides, args.hold, args.reps, answers, personal=personal)
    plan = release.plan(ask)
    if args.json:
        emit_json(plan_json(plan))
        return 0
    if plan.gate.level == "incomplete" and _terminal(args):
        # The same grouped questions as `knotwork screen`, over the places the session presses.
        from knotwork.core.release.gate import treated_places

        places = treated_places(kb, release.muscles(args.muscle), sides)
        answers = ask_questions(ctx, places, "", answers)
        plan = release.plan(ask._replace(answers=answers))
    if not plan.gate.open:
        return _held(plan)
    for r in plan.refusals:
        echo(wrap(f"Not now: {r.cap} {r.why}", ""))
    for s in plan.skipped:
        echo(wrap(f"Left out: point {s.point} ({s.label}): {s.reason}", ""))
    if not plan.ready:
        return 0
    if not _terminal(args) and not args.yes:
        _print_plan(plan)
        echo("Run it in a terminal for the timer, or add --yes to run it here without keys.")
        return 0
    return _run(args, ctx, plan)


def _check(args: argparse.Namespace, release: Any) -> int:
    from knotwork.core.release.soreness import ADVICE

    lights = {m: release.check_soreness(m, args.sore) for m in args.muscle}
    if args.json:
        emit_json({"ok": True, "lights": lights})
        return 0
    for muscle, light in lights.items():
        echo(wrap(f"{muscle}: {ADVICE[light]}", ""))
    return 0


def _held(plan: Any) -> int:
    g = plan.gate
    if g.level == "incomplete":
        ids = " ".join(f"--answer {q['id']}=yes|no" for q in g.unanswered)
        raise InvalidInput(f"Answer the safety questions first ({len(g.unanswered)}): {ids}")
    doc = {
        "level": g.level,
        "message": g.message,
        "flags": list(g.flags),
        "self_treatment": False,
        "unanswered": [],
    }
    echo("\n".join(render_safety(doc)))
    return 0


def _run(args: argparse.Namespace, ctx: Context, plan: Any) -> int:
    from knotwork.adapters.cli import session_timer
    from knotwork.adapters.cli.session_timer import Keys, Timer

    live = _terminal(args)
    before = args.pain_before
    if before is None and live:
        before = _score("Pain at the familiar place now (0-10, Enter to skip): ")
    echo(f"{len(plan.steps)} steps, about {round(plan.seconds / 60, 1)} minutes of pressure.")
    cap = args.pressure
    timer = Timer(
        list(plan.steps),
        Keys(live),
        session_timer.now,
        session_timer.pause,
        firmness=lambda s: _capped(cap, s),
    )
    outcome = timer.run()
    after = args.pain_after
    if after is None and live:
        after = _score("Pain at the familiar place now (0-10, Enter to skip): ")
    session = ctx.sessions.record(
        plan,
        outcome.holds,
        pain_before=before,
        pain_after=after,
        ended=outcome.ended,
        stop_reason=outcome.stop_reason,
    )
    echo(
        f"Saved session {session.id[:8]}: {len(session.holds)} point(s) into the diary "
        f"({session.ended}). Tomorrow morning: knotwork session MUSCLE --sore 0-10."
    )
    return 0


def _capped(pressure: int | None, step: Any) -> int | None:
    if pressure is None:
        return None
    return min(pressure, step.pressure.max) if step.pressure else pressure


def _score(prompt: str) -> int | None:
    while True:
        try:
            typed = input(prompt).strip()
        except EOFError:
            return None
        if not typed:
            return None
        if typed.isdigit() and int(typed) <= 10:
            return int(typed)
        echo("Please type a whole number 0 to 10, or press Enter.")


def _print_plan(plan: Any) -> None:
    for n, s in enumerate(plan.steps, 1):
        side = f", {s.side} side" if s.side else ""
        dose = f"{s.hold_seconds} s hold" if s.hold_seconds else f"{s.strokes} strokes"
        echo(f"{n}. {s.muscle_name}, point {s.point} ({s.label}{side}): {dose} x {s.repetitions}")


def plan_json(plan: Any) -> dict[str, Any]:
    return {
        "ok": True,
        "ready": plan.ready,
        "muscles": [m.id for m in plan.muscles],
        "sides": list(plan.sides),
        "gate": plain(plan.gate._asdict()),
        "steps": [{**plain(s._asdict()), "key": s.key, "seconds": s.seconds} for s in plan.steps],
        "skipped": [plain(s) for s in plan.skipped],
        "refusals": [{**r._asdict(), "text": r.text} for r in plan.refusals],
        "seconds": plan.seconds,
    }
