"""``knotwork kb``: check, format, export the schema of, and summarise the knowledge base."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import echo, emit_json, table, write_file
from knotwork.core.paths import DATA_DIR


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "kb",
        help="check, format and summarise the knowledge base",
        description="Maintain the knowledge data files.",
    )
    kb_sub = p.add_subparsers(title="kb commands", metavar="ACTION", required=True)
    check = kb_sub.add_parser("check", help="run every schema and integrity rule")
    check.add_argument("--json", action="store_true", help="problems as JSON")
    check.set_defaults(handler=run_check)
    fmt = kb_sub.add_parser("fmt", help="rewrite muscle files in canonical form")
    fmt.add_argument("--check", action="store_true", help="only report files not canonical")
    fmt.add_argument("files", nargs="*", type=Path, help="files (default: all muscle files)")
    fmt.set_defaults(handler=run_fmt)
    schema = kb_sub.add_parser("schema", help="write the JSON Schema of the data files")
    schema.add_argument("--out", type=Path, default=Path("schema"), help="output directory")
    schema.set_defaults(handler=run_schema)
    stats = kb_sub.add_parser("stats", help="coverage per body area")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=run_stats)


def run_check(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.kb.load import check_sources, read_sources

    problems = check_sources(read_sources())
    if args.json:
        emit_json(
            [
                {"file": p.file, "field": p.field, "code": p.code, "message": p.message}
                for p in problems
            ]
        )
    else:
        for problem in problems:
            echo(str(problem))
        echo(f"{len(problems)} problem(s)" if problems else "knowledge base OK")
    return 1 if problems else 0


def run_fmt(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.kb.canonical import format_file

    files = args.files or sorted((DATA_DIR / "muscles").glob("*.yaml"))
    changed = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            formatted = format_file(text)
        except Exception as error:  # invalid files are kb check's job; name them and go on
            sys.stderr.write(
                f"{path}: cannot format, run `knotwork kb check` ({error.__class__.__name__})\n"
            )
            changed.append(path)
            continue
        if formatted != text:
            changed.append(path)
            if not args.check:
                path.write_text(formatted, encoding="utf-8")
    verb = "would reformat" if args.check else "reformatted"
    for path in changed:
        echo(f"{verb} {path}")
    echo(
        f"{len(changed)} of {len(files)} file(s) {verb}"
        if changed
        else f"{len(files)} file(s) already canonical"
    )
    return 1 if (args.check and changed) else 0


def run_schema(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.kb.export import json_schemas

    args.out.mkdir(parents=True, exist_ok=True)
    for name, schema in json_schemas().items():
        path = args.out / f"{name}.schema.json"
        write_file(path, json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
        echo(f"wrote {path}")
    return 0


def run_stats(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.kb.stats import coverage

    rows = coverage(ctx.kb)
    if args.json:
        emit_json(rows)
        return 0
    headers = ["area", "muscles", "trigger points", "regions used", "techniques", "citations"]
    keys = ["area", "muscles", "trigger_points", "regions_used", "techniques", "citations"]
    echo(table(headers, [[row[k] for k in keys] for row in rows]))
    return 0
