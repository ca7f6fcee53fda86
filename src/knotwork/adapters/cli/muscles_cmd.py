"""``knotwork muscles`` (list) and ``knotwork muscle ID`` (one muscle, readably)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import echo, emit_json, table, wrap

if TYPE_CHECKING:
    from knotwork.core.kb.base import KnowledgeBase
    from knotwork.core.kb.model import Muscle

AREAS = (
    "head-neck",
    "shoulder-arm",
    "forearm-hand",
    "trunk",
    "hip-pelvis",
    "thigh-knee",
    "leg-foot",
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("muscles", help="list muscles in the knowledge base")
    p.add_argument("--area", choices=AREAS, help="only this body area")
    p.add_argument("--region", metavar="ID", help="only muscles referring pain to this region")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=run_list)
    one = sub.add_parser("muscle", help="show one muscle: trigger points, referral, self-help")
    one.add_argument("id", help="muscle id, name or alias (e.g. upper-trapezius, SCM, QL)")
    one.add_argument("--json", action="store_true", help="print JSON")
    one.add_argument("--svg", type=Path, metavar="FILE", help="write its referral map as SVG")
    one.set_defaults(handler=run_show)


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.kb.present import AREA_NAMES, muscle_summary

    kb = ctx.kb
    muscles = list(kb)
    if args.area:
        muscles = kb.in_area(args.area)
    if args.region:
        base = _base(kb, args.region)
        muscles = [m for m in muscles if base in m.referral_regions()]
    if args.json:
        emit_json([muscle_summary(m) for m in muscles])
        return 0
    rows = [(m.id, AREA_NAMES[m.area], len(m.trigger_points), m.name) for m in muscles]
    echo(table(["id", "area", "TrPs", "name"], rows))
    echo(f"\n{len(muscles)} muscles")
    return 0


def _base(kb: KnowledgeBase, region: str) -> str:
    if region in kb.atlas.bases:
        return region
    return kb.atlas.get(region).base


def run_show(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.kb.present import muscle_dict

    kb = ctx.kb
    muscle = kb.muscle(args.id)
    if args.svg:
        from knotwork.core.kb.maps import referral_map

        args.svg.write_text(referral_map(kb, muscle, side="right"), encoding="utf-8")
        echo(f"wrote {args.svg}")
        return 0
    if args.json:
        emit_json(muscle_dict(kb, muscle))
        return 0
    echo(describe(kb, muscle))
    return 0


def describe(kb: KnowledgeBase, m: Muscle) -> str:
    """A readable page about one muscle for the terminal."""
    atlas = kb.atlas
    out = [f"{m.name} ({m.id})", "=" * len(m.name), wrap(m.description, ""), ""]
    if m.aliases:
        out.append(f"Also called: {', '.join(m.aliases)}\n")
    for tp in m.trigger_points:
        out.append(f"Trigger point {tp.number}: {tp.label}")
        out.append(wrap(f"Where: {tp.location.lay}"))
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
    out.append("\nSelf-treatment (check `knotwork screen` first):")
    for t in m.self_treatment:
        out.append(f"- {t.name} [{t.kind}, evidence: {t.evidence}]")
        out.append(wrap(f"Dose: {dose_text(t.dose)}"))
        out.append(wrap(f"Stop if: {' '.join(t.stop_if)}"))
    if m.cautions:
        out.append("\nCautions:")
        out.extend(wrap(f"- {c.text}") for c in m.cautions)
    out.append("\nSources: " + "; ".join(m.citations))
    return "\n".join(out)


def dose_text(d: object) -> str:
    from knotwork.core.kb.model import Dose

    assert isinstance(d, Dose)
    parts = []
    if d.hold_seconds:
        parts.append(f"hold {d.hold_seconds} s")
    if d.strokes:
        parts.append(f"{d.strokes} strokes")
    if d.minutes:
        parts.append(f"{d.minutes} min")
    parts.append(f"{d.repetitions} times per session")
    parts.append(f"{d.times_per_day} sessions a day at most")
    if d.pressure:
        parts.append(f"pressure {d.pressure}/10")
    return ", ".join(parts)
