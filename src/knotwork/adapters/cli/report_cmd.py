"""``knotwork report``: the one-page report for a clinician, as a tagged PDF (A4 or Letter),
the printable HTML page, or its JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import echo, emit_json
from knotwork.core.errors import InvalidInput


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    r = sub.add_parser("report", help="a one-page report for a clinician (PDF, HTML or JSON)")
    out = r.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", type=Path, metavar="FILE", help="write a tagged PDF")
    out.add_argument("--html", type=Path, metavar="FILE", help="write the printable page")
    out.add_argument("--json", action="store_true", help="print the report's data as JSON")
    r.add_argument("--paper", choices=("a4", "letter"), default="a4", help="default: a4")
    r.add_argument("--name", default="", help="the name to print at the top (not stored)")
    r.add_argument("--force", action="store_true", help="replace FILE if it exists")
    r.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.adapters.exchange import write_private
    from knotwork.adapters.report.view import report_data, report_pictures

    target: Path | None = args.pdf or args.html
    if target is not None and target.exists() and not args.force:
        raise InvalidInput(f"{target} exists; choose another name or pass --force.")
    data, report = report_data(ctx.diary, ctx.kb, args.name, ctx.store.fair_tests())
    if args.json:
        emit_json(data)
        return 0
    assert target is not None
    pictures = report_pictures(report, data, ctx.kb, pdf=args.pdf is not None)
    if args.pdf is not None:
        from knotwork.adapters.report.pdf import render_pdf

        payload = render_pdf(data, pictures, args.paper)
    else:
        from knotwork.adapters.report.render import STYLESHEET, document

        style = f"<style>{STYLESHEET.read_text(encoding='utf-8')}</style>\n</head>"
        payload = document(data, pictures).replace("</head>", style, 1).encode("utf-8")
    write_private(target, payload, overwrite=args.force)
    if report.empty:
        sys.stderr.write("knotwork: warning: the diary has no entries yet; the report is empty\n")
    echo(f"wrote the report ({'PDF, ' + args.paper if args.pdf else 'HTML'}): {target}")
    return 0
