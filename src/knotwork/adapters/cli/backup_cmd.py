"""``knotwork backup FILE`` and ``knotwork restore FILE``: the whole diary to and from one
owner-only JSON file (the same diary back, on SQLite or PostgreSQL)."""

from __future__ import annotations

import argparse
from pathlib import Path

from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import echo, emit_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    b = sub.add_parser("backup", help="write the whole diary to a file (readable by you only)")
    b.add_argument("file", type=Path)
    b.add_argument("--force", action="store_true", help="replace FILE if it exists")
    b.add_argument("--json", action="store_true", help="print the counts as JSON")
    b.set_defaults(handler=run_backup)
    r = sub.add_parser("restore", help="put a backup's diary in place")
    r.add_argument("file", type=Path)
    r.add_argument(
        "--replace", action="store_true", help="replace a diary that already has records"
    )
    r.add_argument("--json", action="store_true", help="print the counts as JSON")
    r.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.adapters.store import backup, migrate

    diary = ctx.diary
    repo = ctx.store.sessions()
    with repo.reading():  # one consistent view of records, sessions and routines
        contents = repo.contents()
        sessions, routines = repo.sessions(), repo.routines()
    doc = backup.document(contents, diary.clock(), migrate.head(), sessions, routines)
    backup.write(args.file, doc, overwrite=args.force)
    extra = {"session": len(sessions), "routine": len(routines)}
    return _report(args, "backed up", {**diary.counts(), **extra}, args.file)


def run_restore(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.adapters.store import backup
    from knotwork.core.diary.service import Diary

    found = backup.read_all(args.file)
    repo = ctx.store.sessions()
    repo.carry(found.sessions, found.routines)  # restored with the records, in one step
    diary = Diary(repo, ctx.kb, ctx.diary.clock, ctx.diary.zone)
    diary.restore(found.contents, replace=args.replace)
    extra = {"session": len(repo.sessions()), "routine": len(repo.routines())}
    return _report(args, "restored", {**diary.counts(), **extra}, args.file)


def _report(args: argparse.Namespace, verb: str, counts: dict[str, int], path: Path) -> int:
    if args.json:
        emit_json({"file": str(path), **counts})
    else:
        plural = {"entry": "entries"}
        parts = ", ".join(
            f"{n} {k if n == 1 else plural.get(k, k + 's')}" for k, n in counts.items()
        )
        echo(f"{verb} {parts} ({path})")
    return 0
