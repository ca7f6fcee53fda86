"""``knotwork export`` and ``knotwork import``: the whole diary out as CSV (a zip of tables),
versioned JSON or a FHIR R4 Bundle, and a JSON export read back in (docs/diary.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import echo, emit_json
from knotwork.core.errors import InvalidInput

FORMATS = ("csv", "json", "fhir")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    e = sub.add_parser("export", help="the whole diary as CSV, JSON or a FHIR R4 Bundle")
    e.add_argument("--format", choices=FORMATS, default="json", help="default: json")
    e.add_argument("--out", type=Path, help="write to this file (readable by you only)")
    e.add_argument("--force", action="store_true", help="replace the file if it exists")
    e.add_argument("--name", default="", help="the person's name for the FHIR Patient")
    e.set_defaults(handler=run_export)
    i = sub.add_parser("import", help="add the records of a JSON export to the diary")
    i.add_argument("file", type=Path)
    i.add_argument("--json", action="store_true", help="print the counts as JSON")
    i.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.adapters.exchange import export_bytes, write_private
    from knotwork.core.diary.present import namer

    if args.out is None and args.format == "csv" and sys.stdout.isatty():
        raise InvalidInput("A CSV export is a zip file: give --out FILE (or redirect it).")
    if args.out is not None and args.out.exists() and not args.force:
        raise InvalidInput(f"{args.out} exists; choose another name or pass --force.")
    diary = ctx.diary
    name = namer(ctx.kb) if args.format == "fhir" else str
    repo = ctx.store.sessions()
    with repo.reading():  # one consistent view of records, sessions and routines
        contents, sessions, routines = repo.contents(), repo.sessions(), repo.routines()
    tests = ctx.store.fair_tests().tests()
    data = export_bytes(
        args.format, contents, diary.clock(), name, args.name, sessions, routines, tests
    )
    if args.out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    write_private(args.out, data, overwrite=args.force)
    counts = ", ".join(f"{n} {k}" for k, n in diary.counts().items())
    echo(f"exported {counts} as {args.format} ({args.out})")
    return 0


def run_import(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.adapters.exchange import carry_new, read_export
    from knotwork.adapters.store.importing import SqlImport
    from knotwork.core.diary.service import Diary

    exported = read_export(args.file)
    repo = SqlImport(ctx.store.engine, ctx.store.repository().person)
    more, more_there = carry_new(repo, exported)  # added with the records, in one step
    diary = Diary(repo, ctx.kb, ctx.diary.clock, ctx.diary.zone)
    added, there = diary.import_contents(exported.contents)
    added, there = added + more, there + more_there
    if args.json:
        emit_json({"file": str(args.file), "added": added, "already_there": there})
    else:
        echo(f"imported {added} records, {there} already in the diary ({args.file})")
    return 0
