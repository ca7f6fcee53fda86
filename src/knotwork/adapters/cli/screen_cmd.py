"""``knotwork screen``: the red-flag screen on its own, interactive or from given answers."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import Any

from knotwork.adapters.cli.args import repeatable
from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import echo, emit_json, printable, wrap
from knotwork.core.errors import InvalidInput
from knotwork.core.finder.query import parse_answers, parse_region_arg


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "screen",
        help="check for warning signs that need a doctor first",
        description="Ask the red-flag questions for the areas that hurt (and the general "
        "ones). A red flag is an answer, not an error: the exit status is 0.",
    )
    repeatable(p, "--region", "ID", "a painful region (sided atlas id)")
    p.add_argument("--text", default="", help="the complaint in your own words")
    repeatable(p, "--answer", "QUESTION=yes|no", "an answer given in advance")
    p.add_argument("--json", action="store_true", help="print the JSON document")
    p.add_argument(
        "--no-input", action="store_true", help="never ask questions, even in a terminal"
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.finder.engine import screening
    from knotwork.core.finder.query import Query
    from knotwork.core.safety.screen import screen

    kb = ctx.finder.kb
    marks = tuple(parse_region_arg(r) for r in args.region)
    regions, text, _ = screening(ctx.finder, Query(marks=marks, text=args.text))
    answers = parse_answers(args.answer)
    result = screen(kb.safety, kb.atlas, regions, text, answers)
    if interactive(args) and result.level in ("none", "soon"):
        answers = ask_questions(ctx, regions, text, answers)
        result = screen(kb.safety, kb.atlas, regions, text, answers)
    doc = result.as_dict()
    if args.json:
        emit_json(doc)
    else:
        echo("\n".join(render_safety(doc, full=True)))
    return 0


def ask_questions(
    ctx: Context, places: list[str], text: str, answers: dict[str, bool]
) -> dict[str, bool]:
    """Ask the unanswered questions group by group, as the web page does: each group's items
    numbered, "which apply? (numbers, or 0 for none)"; an item ticked answers its flag yes,
    the group's other flags no. A stem ticked ("You are pregnant or might be") brings its
    flags' items next; left unticked, they are answered no. Stop as soon as the answers raise
    an emergency or urgent level: the instruction matters now, not the rest."""
    from knotwork.core.safety.screen import screen

    kb = ctx.finder.kb

    def stop() -> bool:
        return screen(kb.safety, kb.atlas, places, text, answers).level in ("emergency", "urgent")

    groups = [
        g
        for g in screen(kb.safety, kb.atlas, places, text, answers).questions()["groups"]
        if any(f["state"] == "open" for f in g["flags"])
    ]
    for n, group in enumerate(groups, 1):
        left = len(groups) - n
        echo(f"\n{group['title']} (group {n} of {len(groups)}; {left} more after this)")
        items = _show(group["flags"], group["stems"])
        chosen = {items[i - 1][0] for i in _ask_numbers(len(items))}
        stems = {key[1:] for key in chosen if key.startswith("@")}
        ticked = {f for key in chosen if not key.startswith("@") for f in key.split("+")}
        # Every flag the group asked, by a box of its own or one it shares, is answered.
        asked = [f["id"] for f in group["flags"] if f["state"] == "open" and not f["waits"]]
        answers.update((flag, flag in ticked) for flag in asked)
        waiting = [f for f in group["flags"] if f["waits"] and f["state"] == "open"]
        answers.update((f["id"], False) for f in waiting if f["waits"] not in stems)
        if stems and not stop():
            # The flags behind the stems ticked, now with their items.
            later = screen(kb.safety, kb.atlas, places, text, answers).questions(stems=stems)
            ids = {f["id"] for f in waiting if f["waits"] in stems}
            again = next(g for g in later["groups"] if g["id"] == group["id"])
            more = _show([f for f in again["flags"] if f["id"] in ids], [])
            picked = {f for i in _ask_numbers(len(more)) for f in more[i - 1][0].split("+")}
            answers.update((flag, flag in picked) for flag in ids)
        if stop():
            break
    return answers


def _show(flags: list[dict[str, Any]], stems: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Print the open flags' items and the stems numbered from 1; return (flag id, or "@" and
    the stem's id, and the text) per number."""
    items: list[tuple[str, str]] = []

    def item(key: str, text: str) -> None:
        items.append((key, text))
        number = f"{len(items):>3}. "
        echo(textwrap.fill(text, 88, initial_indent=number, subsequent_indent="     "))

    for flag in flags:
        if flag["state"] == "raised":
            echo(wrap(f"Already noted from your words: {flag['name']}", "   "))
        elif flag["state"] == "open" and flag["parts"]:
            if flag["intro"]:
                echo(wrap(flag["intro"], "   "))
            for part in flag["parts"]:
                item(part["value"].partition(":")[0], part["text"])
    for stem in stems:
        item(f"@{stem['value']}", f"{stem['text']} (a few more questions follow)")
    return items


def interactive(args: argparse.Namespace) -> bool:
    # A closed standard input (``0<&-``) leaves sys.stdin None: nothing to ask with.
    stdin = sys.stdin
    return not args.json and not args.no_input and stdin is not None and stdin.isatty()


PROMPT = "Which apply? (numbers, or 0 for none) "


def _ask_numbers(count: int) -> set[int]:
    """The numbers typed (spaces or commas between), each 1 to ``count``; 0 alone is none."""
    while True:
        try:
            typed = input(PROMPT).strip()
        except EOFError:  # Ctrl+D, or the input ended
            sys.stdout.write("\n")
            raise InvalidInput(
                "No answer to a safety question (the input ended), so no results: answer "
                "them all, or pass each as --answer ID=yes|no (`knotwork screen` lists them)."
            ) from None
        except KeyboardInterrupt:
            sys.stdout.write("\n")  # off the prompt's line before the CLI says so
            raise
        words = typed.replace(",", " ").split()
        if words and all(w.isascii() and w.isdigit() for w in words):
            numbers = {int(w) for w in words}
            if numbers == {0}:
                return set()
            if all(1 <= k <= count for k in numbers):
                return numbers
        echo(f"Please type numbers from 1 to {count}, or 0 for none, not '{printable(typed)}'.")


def render_safety(doc: dict[str, Any], full: bool = False) -> list[str]:
    """The safety block first, as every surface shows it: instruction, then why."""
    out: list[str] = []
    if doc["level"] != "none":
        out.append(f"!! {doc['level'].upper()}: {doc['message']}")
        for flag in doc["flags"]:
            out.append(wrap(flag["instruction"], "   "))
            out.append(wrap(f"Why: {flag['why']}", "   "))
            said = flag["matched_words"]
            reason = f"you said: {', '.join(said)}" if said else "you answered yes"
            out.append(wrap(f"({flag['name']}; {reason})", "   "))
        if not doc["self_treatment"]:
            out.append("   Self-treatment advice is withheld until you have been seen.")
        out.append("")
    elif full:
        out.append(doc["message"])
    for flag in doc.get("set_aside", []):
        said = ", ".join(flag["matched_words"])
        out.append(wrap(f"Said as past, so not raised: {flag['name']} (you said: {said}).", ""))
    if full and doc["unanswered"]:
        q = doc["questions"]
        left = f"{q['groups_left']} group(s), {q['items_left']} item(s)"
        out.append(f"Questions not yet answered for these areas ({left}):")
        out.extend(
            wrap(f"- {q['question']} (--answer {q['id']}=yes|no)", "  ") for q in doc["unanswered"]
        )
    return out
