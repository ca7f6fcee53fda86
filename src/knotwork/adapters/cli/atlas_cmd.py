"""``knotwork atlas``: list the body regions, or write a highlighted body map."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import echo, emit_json, table, write_file
from knotwork.core.errors import InvalidInput

if TYPE_CHECKING:
    from knotwork.core.atlas.model import Region, View


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "atlas",
        help="list body regions or draw a highlighted body map",
        description="List the atlas regions, or write the body map as SVG.",
    )
    p.add_argument("--group", help="only regions of this body area group (e.g. head, knee)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--svg", type=Path, metavar="FILE", help="write the body map to FILE")
    p.add_argument(
        "--highlight",
        nargs="+",
        default=[],
        metavar="ID",
        help="regions to highlight strongly (essential style)",
    )
    p.add_argument(
        "--spillover",
        nargs="+",
        default=[],
        metavar="ID",
        help="regions to highlight lightly (spillover style)",
    )
    p.add_argument(
        "--mark", nargs="+", default=[], metavar="ID", help="regions to mark with a numbered point"
    )
    p.add_argument("--view", choices=["front", "back"], help="draw only one view")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.svg:
        return write_svg(args, ctx)
    if args.highlight or args.spillover or args.mark:
        raise InvalidInput("--highlight, --spillover and --mark need --svg FILE")
    regions = list(ctx.atlas)
    if args.group:
        if args.group not in ctx.atlas.groups:
            raise InvalidInput(
                f"Unknown group '{args.group}'. Groups: " + ", ".join(ctx.atlas.groups)
            )
        regions = ctx.atlas.in_group(args.group)
    if args.json:
        emit_json([region_json(r) for r in regions])
    else:
        rows = [(r.id, r.side, r.group, "+".join(r.views), r.label) for r in regions]
        echo(table(["id", "side", "group", "views", "label"], rows))
        echo(f"\n{len(regions)} regions")
    return 0


def region_json(r: Region) -> dict[str, object]:
    return {
        "id": r.id,
        "base": r.base,
        "side": r.side,
        "label": r.label,
        "lay": r.lay,
        "anatomical": r.anatomical,
        "group": r.group,
        "views": list(r.views),
        "synonyms": list(r.synonyms),
        "choir": list(r.choir),
        "michigan": r.michigan,
    }


def write_svg(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.atlas.model import VIEWS
    from knotwork.core.atlas.render import Emphasis, Marker, render_map

    highlights: dict[str, Emphasis] = dict.fromkeys(args.spillover, "spillover")
    highlights.update(dict.fromkeys(args.highlight, "essential"))
    markers = [Marker(r, str(i), ctx.atlas.get(r).label) for i, r in enumerate(args.mark, 1)]
    views: tuple[View, ...] = (args.view,) if args.view else VIEWS
    svg = render_map(ctx.atlas, highlights, markers, views=views)
    write_file(args.svg, svg)
    echo(f"wrote {args.svg} ({len(highlights)} highlighted, {len(markers)} marked)")
    return 0
