"""Command-line options of the diary commands, turned into record fields.

Only the options given become fields, so ``knotwork diary edit ID --pain 3`` changes the pain
and nothing else. Muscle names and aliases ("traps") become their ids here.
"""

from __future__ import annotations

import argparse
from typing import Any

from knotwork.adapters.cli.args import repeatable
from knotwork.core.diary import parse
from knotwork.core.diary.model import Sleep
from knotwork.core.diary.service import Diary
from knotwork.core.diary.treatment import Dose, Medication, Treatment
from knotwork.core.diary.vocab import PROFESSIONAL_KINDS, QUALITIES, SORENESS, TREATED_SIDES
from knotwork.core.diary.when import When, parse_local
from knotwork.core.errors import InvalidInput

ENTRY_FLAGS = ("pain", "region", "same_places", "peg", "sleep_hours", "sleep_quality", "context")
TREATMENT_FLAGS = (
    "muscle",
    "technique",
    "side",
    "treated_region",
    "tool",
    "seconds",
    "strokes",
    "reps",
    "pressure",
    "medication",
    "dose",
    "regular",
    "professional",
    "felt",
    "relief",
    "soreness",
)


def time_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--at", metavar="TIME", help="when: YYYY-MM-DD HH:MM, HH:MM (today) or 'yesterday HH:MM'"
    )
    p.add_argument("--tz", metavar="ZONE", help="IANA time zone (default KNOTWORK_TIMEZONE)")
    p.add_argument("--note", help="notes, as long as you like")
    p.add_argument("--json", action="store_true", help="print the record as JSON")


def entry_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--pain", type=int, metavar="0-10", help="overall pain (default: the worst place)"
    )
    repeatable(
        p,
        "--region",
        "ID:PAIN[:QUALITY,...]",
        f"a place, its pain 0-10 and how it feels ({', '.join(QUALITIES)})",
    )
    p.add_argument(
        "--same-places", action="store_true", help="repeat the places of your last entry"
    )
    p.add_argument("--peg", metavar="P,E,A", help="PEG-3: pain, enjoyment of life, activity (0-10)")
    p.add_argument("--sleep-hours", metavar="H", help="hours slept last night")
    p.add_argument("--sleep-quality", type=int, metavar="0-10", help="0 very poor to 10 very good")
    repeatable(p, "--context", "ID", "what you had been doing (e.g. desk-work, running)")


def treatment_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--muscle", help="the muscle (id, name or alias)")
    p.add_argument("--technique", help="one of that muscle's techniques (see `knotwork muscle`)")
    p.add_argument("--side", choices=TREATED_SIDES)
    p.add_argument(
        "--on", dest="treated_region", metavar="REGION", help="where it was applied (heat, cold)"
    )
    p.add_argument("--tool", help="e.g. tennis-ball, foam-roller, thumb")
    p.add_argument("--seconds", type=int, help="hold or duration in seconds")
    p.add_argument("--strokes", type=int)
    p.add_argument("--reps", type=int, help="repetitions")
    p.add_argument("--pressure", type=int, metavar="0-10")
    p.add_argument("--medication", metavar="NAME", help="the medicine's name")
    p.add_argument("--dose", metavar="TEXT", help="the medicine's dose, e.g. '400 mg'")
    p.add_argument("--regular", action="store_true", help="taken regularly (default: as needed)")
    p.add_argument("--professional", choices=PROFESSIONAL_KINDS)
    p.add_argument("--felt", type=int, metavar="0-10", help="how it felt during (10 unbearable)")
    p.add_argument("--relief", type=int, metavar="0-10", help="relief right after (10 complete)")
    p.add_argument("--soreness", choices=SORENESS, help="soreness the next day")


def given(args: argparse.Namespace, names: tuple[str, ...]) -> list[str]:
    return [n for n in names if getattr(args, n, None) not in (None, False, [])]


def when_of(args: argparse.Namespace, diary: Diary) -> When | None:
    if args.at is None and args.tz is None:
        return None
    return parse_local(args.at or "now", args.tz or diary.zone, diary.clock())


def entry_fields(args: argparse.Namespace, diary: Diary) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    regions = tuple(parse.region_rating(r) for r in args.region)
    if args.same_places:
        if regions:
            raise InvalidInput("Give --region or --same-places, not both.")
        regions = diary.last_places()
        if not regions:
            raise InvalidInput("There is no earlier entry with places to repeat.")
    if regions:
        fields["regions"] = regions
    if args.pain is not None:
        fields["pain"] = args.pain
    if args.peg:
        fields["peg"] = parse.peg(args.peg)
    if args.sleep_hours is not None or args.sleep_quality is not None:
        hours = parse.hours(args.sleep_hours) if args.sleep_hours is not None else None
        fields["sleep"] = Sleep(hours, args.sleep_quality)
    if args.context:
        fields["contexts"] = tuple(args.context)
    if args.note is not None:
        fields["notes"] = args.note
    return fields


def treatment_fields(
    args: argparse.Namespace, diary: Diary, old: Treatment | None = None
) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if args.muscle:
        fields["muscle"] = diary.checks.muscle(args.muscle).id
    for flag, name in (
        ("technique", "technique"),
        ("side", "side"),
        ("treated_region", "region"),
        ("tool", "tool"),
        ("professional", "professional"),
        ("felt", "felt_during"),
        ("relief", "relief"),
        ("soreness", "soreness"),
        ("note", "notes"),
    ):
        if getattr(args, flag) is not None:
            fields[name] = getattr(args, flag)
    dose = _dose(args, old.dose if old else Dose())
    if dose is not None:
        fields["dose"] = dose
    if args.medication or args.dose or args.regular:
        before = old.medication if old else None  # an edit keeps what it does not change
        fields["medication"] = Medication(
            args.medication or (before.name if before else ""),
            args.dose if args.dose is not None else (before.dose if before else ""),
            "regular" if args.regular else (before.schedule if before else "as-needed"),
        )
    muscle = fields.get("muscle") or (old.muscle if old else None)
    if "technique" in fields and "tool" not in fields and muscle and not (old and old.tool):
        fields["tool"] = diary.checks.technique_tool(muscle, fields["technique"])
    return fields


def _dose(args: argparse.Namespace, old: Dose) -> Dose | None:
    values = {
        "seconds": args.seconds,
        "strokes": args.strokes,
        "repetitions": args.reps,
        "pressure": args.pressure,
    }
    if all(v is None for v in values.values()):
        return None
    merged = {k: v if v is not None else getattr(old, k) for k, v in values.items()}
    return Dose(**merged)
