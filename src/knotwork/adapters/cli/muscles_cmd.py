"""``knotwork muscles`` (list) and ``knotwork muscle ID`` (one muscle, readably)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knotwork.adapters.cli.args import repeatable
from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import echo, emit_json, table, wrap, write_file
from knotwork.core.errors import InvalidInput
from knotwork.core.kb.model import AREAS

if TYPE_CHECKING:
    from knotwork.core.kb.base import KnowledgeBase
    from knotwork.core.kb.model import Muscle


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "muscles",
        help="list muscles, or those that refer pain to one place",
        description="List the muscles in the knowledge base; with --region, the muscles whose "
        "trigger points refer pain to that place, most likely first: those whose essential zone "
        "it is, then spillover, then those whose trigger points lie there, each with where to "
        "press to check once the safety questions for the place are answered.",
        epilog="examples:\n  knotwork muscles --area leg-foot\n"
        "  knotwork muscles --region temple-left\n"
        "  knotwork muscles --region heel-right --answer deep-vein-thrombosis=no ... --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--area", choices=AREAS, help="only this body area")
    p.add_argument(
        "--region",
        metavar="ID",
        help="a place (sided atlas id, e.g. temple-left; a base id lists either side)",
    )
    repeatable(
        p,
        "--answer",
        "QUESTION=yes|no",
        "with --region: red-flag answers; the press test shows once all are answered no",
    )
    repeatable(
        p,
        "--caution",
        "FACTOR[:SITE,...]",
        "with --region: a personal caution; the press test is withheld where it rules it out",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=run_list)
    one = sub.add_parser("muscle", help="show one muscle: trigger points, referral, self-help")
    one.add_argument(
        "id",
        help="muscle id, name or alias (e.g. upper-trapezius, traps, QL); a group name "
        "such as SCM names its parts",
    )
    one.add_argument("--json", action="store_true", help="print JSON")
    one.add_argument("--svg", type=Path, metavar="FILE", help="write its referral map as SVG")
    repeatable(
        one,
        "--caution",
        "FACTOR[:SITE,...]",
        "a personal caution the techniques must respect (e.g. pregnancy, "
        "blood-thinners-or-bleeding-disorder, known-or-suspected-clot:calf)",
    )
    repeatable(
        one,
        "--answer",
        "QUESTION=yes|no",
        "red-flag answers; a raised flag withholds the techniques",
    )
    one.set_defaults(handler=run_show)


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.kb.present import AREA_NAMES, muscle_summary

    if args.region:
        return run_place(args, ctx)
    if args.answer or args.caution:
        raise InvalidInput("--answer and --caution go with --region (see --help).")
    kb = ctx.kb
    muscles = kb.in_area(args.area) if args.area else list(kb)
    if args.json:
        emit_json([muscle_summary(m) for m in muscles])
        return 0
    rows = [(m.id, AREA_NAMES[m.area], len(m.trigger_points), m.name) for m in muscles]
    echo(table(["id", "area", "TrPs", "name"], rows))
    echo(f"\n{len(muscles)} muscles")
    return 0


def run_place(args: argparse.Namespace, ctx: Context) -> int:
    """The muscles that refer pain to one place, by kind, most likely first (browse by
    place; the same order and gate as the finder's results for that place)."""
    from knotwork.core.finder.places import place_document
    from knotwork.core.finder.query import parse_answers
    from knotwork.core.safety.cautions import parse_personal

    doc = place_document(
        ctx.finder,
        args.region,
        parse_answers(args.answer),
        parse_personal(args.caution).factors,
    )
    if args.area:
        for group in doc["groups"]:
            group["muscles"] = [m for m in group["muscles"] if m["muscle"]["area"] == args.area]
    if args.json:
        emit_json(doc)
        return 0
    echo(describe_place(doc))
    return 0


def describe_place(doc: dict[str, Any]) -> str:
    from knotwork.adapters.cli.screen_cmd import render_safety

    safety = doc["safety"]
    place = doc["place"]
    out = render_safety(safety)
    heading = f"Muscles that refer pain to {place['phrase']}"
    out += [heading, "=" * len(heading)]
    if safety["level"] in ("emergency", "urgent"):
        # As on the web and in `knotwork find`: the instruction alone.
        out.append("The muscles are not listed until you have been seen.")
        return "\n".join([*out, wrap(doc["notice"], "")])
    if safety["level"] == "none" and not safety["screening_complete"]:
        out.append(
            wrap(
                f"Where to press to check each one is shown once the "
                f"{len(safety['unanswered'])} safety questions for this place are answered: "
                f"`knotwork screen --region {place['id']}` asks them and names each; then "
                "pass every answer here as --answer ID=yes|no.",
                "",
            )
        )
    out.append("Most likely first, as the finder ranks this place marked alone.")
    shown = 0
    for group in doc["groups"]:
        if not group["muscles"]:
            continue
        kind = {"essential": " (essential zone)", "spillover": " (spillover zone)"}
        out += ["", f"{group['title']}{kind.get(group['kind'], '')}:"]
        for m in group["muscles"]:
            shown += 1
            side = f" ({m['side']})" if m["side"] in ("left", "right", "both") else ""
            out.append(f"{m['rank']:3}. {m['muscle']['name']}{side}  [{m['muscle']['id']}]")
            test = m["press_test"]
            if test["how_to_check"]:
                out.append(wrap(f"Press to check: {test['where']} {test['how_to_check']}", "     "))
            elif safety["level"] == "none" and safety["screening_complete"]:
                out.append(wrap(f"No press test: {test['withheld_because']}", "     "))
    if not shown:
        out.append("\nNo muscle in the knowledge base refers pain there.")
    out += [
        "",
        "One muscle in full: knotwork muscle ID (its referral map: knotwork muscle ID --svg FILE)",
        wrap(doc["notice"], ""),
    ]
    return "\n".join(out)


def run_show(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.kb.present import muscle_dict

    kb = ctx.kb
    muscle = find_one(kb, args.id)
    if args.svg:
        from knotwork.core.kb.maps import referral_map

        write_file(args.svg, referral_map(kb, muscle, side="right"))
        echo(f"wrote {args.svg}")
        return 0
    from knotwork.core.finder.query import parse_answers
    from knotwork.core.safety.cautions import check_personal, parse_personal
    from knotwork.core.safety.screen import screen

    personal = parse_personal(args.caution)
    personal = check_personal(kb.safety, kb.atlas, personal)
    answers = parse_answers(args.answer)
    level = screen(kb.safety, kb.atlas, (), "", answers).level if answers else "none"
    data = muscle_dict(kb, muscle, personal, level)  # the gate applies inside
    if args.json:
        emit_json(data)
        return 0
    echo(describe(kb, muscle, data))
    return 0


def find_one(kb: KnowledgeBase, key: str) -> Muscle:
    """The muscle named, or else the one muscle the search finds (as the web's Muscles page
    does: "trapz" is the upper trapezius); several found are listed, for the person to pick."""
    from knotwork.core.errors import UnknownMuscle

    try:
        return kb.muscle(key)
    except UnknownMuscle:
        found = kb.search(key)
        if len(found) == 1:
            return found[0]
        if not found:
            raise
        names = ", ".join(f"{m.id} ({m.name})" for m in found[:12])
        more = (
            f" and {len(found) - 12} more (knotwork muscles lists all)" if len(found) > 12 else ""
        )
        raise InvalidInput(
            f"No one muscle is called '{key}'; it could be: {names}{more}."
        ) from None


def describe(kb: KnowledgeBase, m: Muscle, data: dict[str, Any]) -> str:
    """A readable page about one muscle for the terminal."""
    atlas = kb.atlas
    heading = f"{m.name} ({m.id})"
    out = [heading, "=" * len(heading), wrap(m.description, ""), ""]
    if m.aliases:
        out.append(f"Also called: {', '.join(m.aliases)}\n")
    for tp, shown in zip(m.trigger_points, data["trigger_points"], strict=True):
        out.append(f"Trigger point {tp.number}: {tp.label}")
        out.append(wrap(f"Where: {tp.location.lay}"))
        if shown["withheld_because"]:
            out.append(wrap(f"Do not press here for now: {shown['withheld_because']}"))
        else:
            out.append(wrap(f"Find it: {tp.palpation}"))
        for kind in ("essential", "spillover"):
            zones = [atlas.regions[atlas.sided(z.region, "right")].lay for z in tp.zones(kind)]
            if zones:
                out.append(wrap(f"Refers pain ({kind}): {', '.join(zones)}"))
        out.append("")
    if m.symptoms:
        out.append("Other symptoms: " + ", ".join(kb.symptoms[s.id].label for s in m.symptoms))
    if m.mistaken_for:
        out.append("Often mistaken for: " + ", ".join(x.condition for x in m.mistaken_for))
    if data["gate_level"] != "none":
        out.append(
            "\nSelf-treatment is withheld: your answers raised a warning sign. "
            "Please see a doctor first."
        )
    else:
        out.append("\nSelf-treatment (check `knotwork screen` first):")
    for t in data["self_treatment"]:
        out.append(f"- {t['name']} [{t['kind']}; evidence: {t['evidence_text']}]")
        if t["blocked"]:
            out.append(wrap("Not for you: " + " ".join(c["reason"] for c in t["changes"])))
            continue
        if t["changes"]:
            out.append(wrap("Adjusted: " + " ".join(c["reason"] for c in t["changes"])))
        out.append(wrap(f"Dose: {dose_text(t['dose'])}"))
        out.append(wrap(f"Stop if: {' '.join(t['stop_if'])}"))
    if m.cautions:
        out.append("\nCautions:")
        out.extend(wrap(f"- {c.text}") for c in m.cautions)
    out.append("\nSources:")
    out.extend(wrap(f"- {r['formatted']}") for r in data["references"])
    return "\n".join(out)


def _span(r: dict[str, int]) -> str:
    return str(r["min"]) if r["min"] == r["max"] else f"{r['min']}-{r['max']}"


def dose_text(d: dict[str, Any]) -> str:
    parts = []
    if d["hold_seconds"]:
        parts.append(f"hold {_span(d['hold_seconds'])} s")
    if d["strokes"]:
        parts.append(f"{_span(d['strokes'])} strokes")
    if d["minutes"]:
        parts.append(f"{_span(d['minutes'])} min")
    reps, per_day = d["repetitions"], d["times_per_day"]
    parts.append(f"{_span(reps)} {'time' if reps['max'] == 1 else 'times'} per session")
    sessions = f"{_span(per_day)} {'session' if per_day['max'] == 1 else 'sessions'} a day"
    if per_day["min"] != per_day["max"]:
        sessions += f", at most {per_day['max']}"
    parts.append(sessions)
    if d["pressure"]:
        parts.append(f"pressure {_span(d['pressure'])}/10")
    return ", ".join(parts)
