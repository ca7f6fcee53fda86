"""``knotwork diary``: write down pain and treatments, list, show, edit and delete them.

knotwork diary add --region back-of-neck-right:6:aching,stiff --context desk-work
knotwork diary add --same-places --pain 4          # last time's places again
knotwork diary treat self-treatment --muscle traps --technique pinch-grip-squeeze --side right
knotwork diary treat medication --medication ibuprofen --dose "400 mg"
knotwork diary impression "much improved"           # the weekly PGIC
knotwork diary list | show ID | edit ID ... | delete ID
"""

from __future__ import annotations

import argparse
from typing import Any

from knotwork.adapters.cli import diary_fields as f
from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.diary_text import detail, short_id, stamp
from knotwork.adapters.cli.output import echo, emit_json, table
from knotwork.core.diary.present import summary
from knotwork.core.diary.vocab import PGIC, TREATMENT_KINDS
from knotwork.core.errors import InvalidInput


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "diary",
        help="the pain and treatment diary (add, list, show, edit, delete, treat)",
        description="Write down how it hurts and what you did about it; see progress with "
        "`knotwork progress`. Stored in KNOTWORK_DATABASE_URL (default ./knotwork.db).",
    )
    verbs = p.add_subparsers(title="diary commands", metavar="COMMAND", required=True)
    add = verbs.add_parser("add", help="a new entry: how much it hurts and where")
    f.entry_options(add)
    f.time_options(add)
    add.set_defaults(handler=run_add)

    treat = verbs.add_parser("treat", help="a treatment: what you did and how it went")
    treat.add_argument("kind", choices=TREATMENT_KINDS, help="the kind of treatment")
    f.treatment_options(treat)
    f.time_options(treat)
    treat.set_defaults(handler=run_treat)

    imp = verbs.add_parser("impression", help="the weekly impression of change (PGIC)")
    imp.add_argument("value", help=f"1-7 or one of: {', '.join(PGIC)}")
    f.time_options(imp)
    imp.set_defaults(handler=run_impression)

    listing = verbs.add_parser("list", help="the records, newest first")
    listing.add_argument("--since", metavar="YYYY-MM-DD")
    listing.add_argument("--until", metavar="YYYY-MM-DD")
    listing.add_argument("--limit", type=int, default=30, help="how many (default 30)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)

    for name, handler, text in (
        ("show", run_show, "one record in full"),
        ("delete", run_delete, "delete a record"),
    ):
        one = verbs.add_parser(name, help=text)
        one.add_argument("id", help="the record's id (its first 4 or more characters)")
        one.add_argument("--json", action="store_true")
        one.set_defaults(handler=handler)

    edit = verbs.add_parser("edit", help="change a record: only the options given change")
    edit.add_argument("id", help="the record's id (its first 4 or more characters)")
    f.entry_options(edit)
    f.treatment_options(edit)
    edit.add_argument("--value", help="a new PGIC value (impressions)")
    f.time_options(edit)
    edit.set_defaults(handler=run_edit)


def _saved(args: argparse.Namespace, verb: str, record: Any) -> int:
    from knotwork.core.diary.codec import to_dict

    if args.json:
        emit_json(to_dict(record))
    else:
        echo(f"{verb} {short_id(record)}  {stamp(record)}  {summary(record)}")
    return 0


def run_add(args: argparse.Namespace, ctx: Context) -> int:
    diary = ctx.diary
    if f.given(args, f.TREATMENT_FLAGS):
        raise InvalidInput("Treatment options go with `knotwork diary treat`.")
    fields = f.entry_fields(args, diary)
    return _saved(args, "added", diary.add_entry(f.when_of(args, diary), **fields))


def run_treat(args: argparse.Namespace, ctx: Context) -> int:
    diary = ctx.diary
    fields = f.treatment_fields(args, diary)
    return _saved(
        args, "added", diary.add_treatment(f.when_of(args, diary), kind=args.kind, **fields)
    )


def run_impression(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.diary.records import pgic_value

    diary = ctx.diary
    record = diary.add_impression(pgic_value(args.value), f.when_of(args, diary), args.note or "")
    return _saved(args, "added", record)


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    from datetime import date

    from knotwork.core.diary.codec import to_dict

    if not 1 <= args.limit <= 10_000:
        raise InvalidInput("--limit must be 1 to 10000.")
    since, until = (_date(v, date) for v in (args.since, args.until))
    records = ctx.diary.timeline(since, until, args.limit)
    if args.json:
        emit_json({"records": [to_dict(r) for r in records]})
        return 0
    if not records:
        echo("The diary is empty. Add an entry: knotwork diary add --region ID:PAIN")
        return 0
    rows = [(short_id(r), stamp(r), type(r).__name__.lower(), summary(r)) for r in records]
    echo(table(["id", "when", "kind", "what"], rows))
    return 0


def _date(value: str | None, date: Any) -> Any:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"'{value}' is not a date (YYYY-MM-DD).") from None


def run_show(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.diary.codec import to_dict

    record = ctx.diary.get(args.id)
    if args.json:
        emit_json(to_dict(record))
    else:
        echo("\n".join(detail(record)))
    return 0


def run_delete(args: argparse.Namespace, ctx: Context) -> int:
    return _saved(args, "deleted", ctx.diary.delete(args.id))


def run_edit(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.core.diary.model import Entry
    from knotwork.core.diary.records import Impression, pgic_value
    from knotwork.core.diary.treatment import Treatment

    diary = ctx.diary
    old = diary.get(args.id)
    changes: dict[str, Any] = {}
    wrong: list[str] = []
    if isinstance(old, Entry):
        changes = f.entry_fields(args, diary)
        wrong = f.given(args, f.TREATMENT_FLAGS)
    elif isinstance(old, Treatment):
        changes = f.treatment_fields(args, diary, old)
        wrong = f.given(args, f.ENTRY_FLAGS)
    else:
        wrong = f.given(args, f.ENTRY_FLAGS + f.TREATMENT_FLAGS)
        if isinstance(old, Impression) and args.value:
            changes = {"value": pgic_value(args.value), "label": ""}
        if args.note is not None:
            changes["notes"] = args.note
    if args.value and not isinstance(old, Impression):
        wrong.append("value")
    if wrong:
        names = ", ".join("--" + w.replace("_", "-") for w in wrong)
        raise InvalidInput(f"{names} cannot be changed on this {type(old).__name__.lower()}.")
    when = f.when_of(args, diary)
    if when is not None:
        changes["when"] = when
    if not changes:
        raise InvalidInput("Nothing to change: give the options to change (see --help).")
    return _saved(args, "edited", diary.edit(old.id, **changes))
