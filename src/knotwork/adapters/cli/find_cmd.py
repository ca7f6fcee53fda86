"""``knotwork find``: from where it hurts to the muscles most likely behind it."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from knotwork.adapters.cli.args import repeatable
from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import echo, emit_json, wrap
from knotwork.adapters.cli.screen_cmd import ask_questions, interactive
from knotwork.core.errors import InvalidInput
from knotwork.core.finder.query import (
    MAX_TEXT,
    Query,
    known_terms,
    parse_answers,
    parse_region_arg,
    press_answers,
)
from knotwork.core.safety.cautions import parse_personal


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
    repeatable(
        p,
        "--region",
        "ID[:INTENSITY[:main]]",
        "a painful region, intensity 0-10, ':main' for the worst area",
    )
    p.add_argument("--text", default="", help="where and how it hurts, in your own words")
    repeatable(p, "--symptom", "ID", "another symptom (e.g. dizziness, tinnitus, numbness)")
    repeatable(p, "--context", "ID", "what you do (e.g. desk-work, running)")
    repeatable(p, "--confirm", "MUSCLE", "pressing its trigger point reproduced your familiar pain")
    repeatable(p, "--press", "MUSCLE=ANSWER", "press-test answer: yes, no or unsure")
    repeatable(p, "--rule-out", "MUSCLE", "leave this muscle out")
    repeatable(
        p, "--answer", "QUESTION=yes|no", "answer to a red-flag question (see `knotwork screen`)"
    )
    repeatable(
        p,
        "--caution",
        "FACTOR[:SITE,...]",
        "a personal caution (e.g. pregnancy, known-or-suspected-clot:calf); the press test "
        "is withheld where it rules out pressing",
    )
    p.add_argument("--limit", type=int, default=5, help="candidates to show (default 5)")
    p.add_argument("--json", action="store_true", help="print the JSON document")
    p.add_argument(
        "--save", action="store_true", help="save the result into your diary (`knotwork diary`)"
    )
    p.add_argument(
        "--no-input",
        action="store_true",
        help="never ask the safety questions, even in a terminal (pass --answer instead)",
    )
    p.set_defaults(handler=run)


def build_query(args: argparse.Namespace, ctx: Context) -> Query:
    kb = ctx.finder.kb
    if not args.region and not args.text.strip():
        raise InvalidInput(
            'Say where it hurts: --region ID or --text "..." (see `knotwork find --help`).'
        )
    if not 1 <= args.limit <= 100:
        raise InvalidInput("--limit must be 1 to 100.")
    if len(args.text) > MAX_TEXT:
        raise InvalidInput(f"Please keep --text under {MAX_TEXT} characters.")
    marks = tuple(parse_region_arg(value) for value in args.region)
    pairs = [(m, "yes") for m in args.confirm] + [_split(item) for item in args.press]
    press = press_answers(kb, pairs, "--press MUSCLE=ANSWER")
    return Query(
        marks=marks,
        text=args.text,
        symptoms=known_terms(kb.symptoms, args.symptom, "symptom"),
        contexts=known_terms(kb.contexts, args.context, "context"),
        press=press,
        rule_out=tuple(kb.muscle(m).id for m in args.rule_out),
        answers=parse_answers(args.answer),
        cautions=parse_personal(args.caution).factors,
        limit=args.limit,
    )


def assumed_note(region: dict[str, Any]) -> str:
    """A place taken from a complaint is "(assumed)"; a side guessed for a place said
    without one ("my right temple and my neck": the neck read as the right) is "(side
    assumed)" (the reader's ``side_assumed``)."""
    if region.get("assumed"):
        return " (assumed)"
    return " (side assumed)" if region.get("side_assumed") else ""


def _split(item: str) -> tuple[str, str]:
    muscle, _, answer = item.partition("=")
    return muscle, answer


def run(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.finder.engine import find, screening

    query = build_query(args, ctx)
    document = find(ctx.finder, query)
    safety = document["safety"]
    if interactive(args) and safety["level"] in ("none", "soon") and safety["unanswered"]:
        # In a terminal, ask the questions for these areas, as the web flow does, then rank.
        places, text, _ = screening(ctx.finder, query)
        query = query._replace(answers=ask_questions(ctx, places, text, dict(query.answers)))
        document = find(ctx.finder, query)
    if args.json:
        emit_json(document)
    else:
        echo(render(document))
    if args.save:
        from knotwork.core.diary.findings import finding_fields

        saved = ctx.diary.save_finding(**finding_fields(query, document))
        # On stderr with --json, so the document on stdout stays one JSON value.
        note = f"Saved to your diary as {saved.id[:8]} (knotwork diary show {saved.id[:8]})."
        (sys.stderr.write(note + "\n") if args.json else echo(note))
    return 0


def render(doc: dict[str, Any]) -> str:
    from knotwork.adapters.cli.screen_cmd import render_safety
    from knotwork.core.safety.screen import ANSWER_FIRST

    u = doc["understood"]
    safety = doc["safety"]
    out = render_safety(safety)
    if safety["level"] in ("emergency", "urgent"):
        # As on the web: the instruction alone; the JSON document still lists the muscles.
        out.append("The muscles are not listed until you have been seen.")
        out.append(wrap(doc["notice"], ""))
        return "\n".join(out)
    if safety["level"] == "none" and not safety["screening_complete"]:
        n = len(safety["unanswered"])
        out.append(
            wrap(
                f"Before any self-treatment or press test, answer the {n} safety question(s) "
                "for these areas: run this in a terminal to be asked them, or pass each as "
                "--answer ID=no (or yes); `knotwork screen` with the same --text/--region "
                "lists them.",
                "",
            )
        )
        out.append("")
    out.append("Understood: " + ", ".join(r["label"] + assumed_note(r) for r in u["regions"]))
    if u["symptoms"]:
        out.append("  symptoms: " + ", ".join(s["label"] for s in u["symptoms"]))
    if u["context"]:
        out.append("  context: " + ", ".join(c["label"] for c in u["context"]))
    if u["negated"]:
        out.append("  not: " + ", ".join(n["words"] for n in u["negated"]))
    history = [p["label"] for aside in u["history"] for p in aside["places"]]
    if history:
        out.append("  named with a past treatment or condition, not as pain: " + ", ".join(history))
    if u["not_understood"]:
        out.append("  words not understood: " + ", ".join(u["not_understood"]))
    if u["cautions"]:
        out.append("  cautions noted: " + "; ".join(c["label"] for c in u["cautions"]))
        flags = " ".join(f"--caution {c['as_caution']}" for c in u["cautions"])
        out.append(f"  (see a muscle's techniques with them: knotwork muscle ID {flags})")
    out.append("")
    for c in doc["candidates"]:
        e = c["explanation"]
        side = "" if c["side"] in ("either",) else f" ({c['side']})"
        out.append(f"{c['rank']}. {c['muscle']['name']}{side}  score {c['score']:.2f}")
        out.append(wrap(e["summary"], "   "))
        checkable = [tp for tp in e["trigger_points"] if tp["how_to_check"]]
        tp = checkable[0] if checkable else e["trigger_points"][0]
        if tp["how_to_check"]:
            out.append(wrap(f"Check: {tp['where']} {tp['how_to_check']}", "   "))
        else:
            out.append(wrap(f"Its trigger point: {tp['where']}", "   "))
            if tp.get("withheld_because") and tp["withheld_because"] != ANSWER_FIRST:
                out.append(wrap(f"No press test: {tp['withheld_because']}", "   "))
        out.append("")
    cover = doc["explains_all"]
    if len(cover["muscles"]) > 1 or not cover["complete"]:
        names = " + ".join(m["muscle"]["name"] for m in cover["muscles"])
        out.append(
            f"Together these explain {'all' if cover['complete'] else 'most'} of it: {names}"
        )
    out.append(wrap(doc["notice"], ""))
    return "\n".join(out)
