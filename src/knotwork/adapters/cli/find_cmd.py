"""``knotwork find``: from where it hurts to the muscles most likely behind it."""

from __future__ import annotations

import argparse
from typing import Any

from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import echo, emit_json, wrap
from knotwork.core.errors import InvalidInput
from knotwork.core.finder.query import ANSWERS, Answer, Query, parse_answer, parse_region_arg


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "find",
        help="rank the muscles that may refer pain to where it hurts",
        description="Mark where it hurts (--region) and/or say it in words (--text); get the "
        "muscles whose trigger points commonly refer pain there, with reasons.",
        epilog='examples:\n  knotwork find --text "throbbing at my right temple"\n'
        "  knotwork find --region temple-right:7:main --region side-of-neck-right:4\n"
        '  knotwork find --text "my heel hurts in the morning" --confirm soleus --json',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--region",
        action="append",
        default=[],
        metavar="ID[:INTENSITY[:main]]",
        help="a painful region, intensity 0-10, ':main' for the worst area",
    )
    p.add_argument("--text", default="", help="where and how it hurts, in your own words")
    p.add_argument(
        "--symptom",
        action="append",
        default=[],
        metavar="ID",
        help="another symptom (e.g. dizziness, tinnitus, numbness)",
    )
    p.add_argument(
        "--context",
        action="append",
        default=[],
        metavar="ID",
        help="what you do (e.g. desk-work, running)",
    )
    p.add_argument(
        "--confirm",
        action="append",
        default=[],
        metavar="MUSCLE",
        help="pressing its trigger point reproduced your familiar pain",
    )
    p.add_argument(
        "--press",
        action="append",
        default=[],
        metavar="MUSCLE=ANSWER",
        help="press-test answer: yes, no or unsure",
    )
    p.add_argument(
        "--rule-out", action="append", default=[], metavar="MUSCLE", help="leave this muscle out"
    )
    p.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="QUESTION=yes|no",
        help="answer to a red-flag question (see `knotwork screen`)",
    )
    p.add_argument("--limit", type=int, default=5, help="candidates to show (default 5)")
    p.add_argument("--json", action="store_true", help="print the JSON document")
    p.set_defaults(handler=run)


def build_query(args: argparse.Namespace, ctx: Context) -> Query:
    kb = ctx.finder.kb
    if not args.region and not args.text.strip():
        raise InvalidInput(
            'Say where it hurts: --region ID or --text "..." (see `knotwork find --help`).'
        )
    if not 1 <= args.limit <= 100:
        raise InvalidInput("--limit must be 1 to 100.")
    marks = tuple(parse_region_arg(value) for value in args.region)
    press: dict[str, Answer] = {kb.muscle(m).id: "yes" for m in args.confirm}
    for item in args.press:
        muscle, _, answer = item.partition("=")
        if answer not in ANSWERS:
            raise InvalidInput(f"--press {item}: answer must be one of {', '.join(ANSWERS)}.")
        press[kb.muscle(muscle).id] = answer
    _check_terms(ctx, args.symptom, "symptom")
    _check_terms(ctx, args.context, "context")
    return Query(
        marks=marks,
        text=args.text,
        symptoms=tuple(args.symptom),
        contexts=tuple(args.context),
        press=press,
        rule_out=tuple(kb.muscle(m).id for m in args.rule_out),
        answers=dict(parse_answer(a) for a in args.answer),
        limit=args.limit,
    )


def _check_terms(ctx: Context, values: list[str], kind: str) -> None:
    from knotwork.core.suggest import closest

    known = ctx.finder.kb.symptoms if kind == "symptom" else ctx.finder.kb.contexts
    for value in values:
        if value not in known:
            near = closest(value, known)
            hint = f" Did you mean: {', '.join(near)}?" if near else ""
            raise InvalidInput(f"Unknown {kind} '{value}'.{hint}")


def run(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.finder.engine import find

    document = find(ctx.finder, build_query(args, ctx))
    if args.json:
        emit_json(document)
    else:
        echo(render(document))
    return 0


def render(doc: dict[str, Any]) -> str:
    from knotwork.adapters.cli.screen_cmd import render_safety

    u = doc["understood"]
    out = render_safety(doc["safety"])
    out.append("Understood: " + ", ".join(r["label"] for r in u["regions"]))
    if u["symptoms"]:
        out.append("  symptoms: " + ", ".join(s["label"] for s in u["symptoms"]))
    if u["context"]:
        out.append("  context: " + ", ".join(c["label"] for c in u["context"]))
    if u["negated"]:
        out.append("  not: " + ", ".join(n["words"] for n in u["negated"]))
    if u["not_understood"]:
        out.append("  words not understood: " + ", ".join(u["not_understood"]))
    out.append("")
    for c in doc["candidates"]:
        e = c["explanation"]
        side = "" if c["side"] in ("either",) else f" ({c['side']})"
        out.append(f"{c['rank']}. {c['muscle']['name']}{side}  score {c['score']:.2f}")
        out.append(wrap(e["summary"], "   "))
        tp = e["trigger_points"][0]
        if tp["how_to_check"]:
            out.append(wrap(f"Check: {tp['where']} {tp['how_to_check']}", "   "))
        else:
            out.append(wrap(f"Its trigger point: {tp['where']}", "   "))
        out.append("")
    cover = doc["explains_all"]
    if len(cover["muscles"]) > 1 or not cover["complete"]:
        names = " + ".join(m["muscle"]["name"] for m in cover["muscles"])
        out.append(
            f"Together these explain {'all' if cover['complete'] else 'most'} of it: {names}"
        )
    out.append(wrap(doc["notice"], ""))
    return "\n".join(out)
