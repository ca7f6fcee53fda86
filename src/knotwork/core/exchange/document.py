"""The diary as one versioned JSON document, and back.

    {"format": "knotwork-diary", "version": 1, "knotwork": "0.1.0",
     "exported": "2026-12-31T21:00:00Z",
     "entries": [...], "treatments": [...], "impressions": [...], "findings": [...],
     "sessions": [...], "routines": [...], "fair_tests": [...]}

Records are in ``codec``'s shape (the API's), every field of every record: the document is
complete, and reading it back builds each record again, so every invariant is checked.
Release sessions and routines are in ``core/release/codec``'s shape (the backup's), fair tests'
plans in ``fairtests``'; a document without them (written before they existed) reads as
having none. Its
JSON Schema is ``schema/diary-export.schema.json``. Version 1 is this shape; a later version
that adds fields gets a new number, and this reader refuses what it does not know rather than
guess.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from knotwork.core.diary.codec import from_dict, to_dict
from knotwork.core.diary.model import Entry
from knotwork.core.diary.records import Finding, Impression
from knotwork.core.diary.repository import Contents, Record
from knotwork.core.diary.treatment import Treatment
from knotwork.core.errors import InvalidInput
from knotwork.core.exchange.fairtests import fair_test_from_dict, fair_test_to_dict
from knotwork.core.fairtest.plan import FairTest
from knotwork.core.release.codec import (
    routine_from_dict,
    routine_to_dict,
    session_from_dict,
    session_to_dict,
)
from knotwork.core.release.record import Routine, Session

FORMAT = "knotwork-diary"
VERSION = 1
SECTIONS: tuple[tuple[str, type], ...] = (
    ("entries", Entry),
    ("treatments", Treatment),
    ("impressions", Impression),
    ("findings", Finding),
)
HEAD = ("format", "version", "knotwork", "exported")
OTHERS = ("sessions", "routines", "fair_tests")
T = TypeVar("T", Session, Routine, FairTest)


@dataclass(frozen=True, slots=True)
class Exported:
    """What an export holds: the diary's records, and its release sessions and routines."""

    contents: Contents
    sessions: tuple[Session, ...] = ()
    routines: tuple[Routine, ...] = ()
    fair_tests: tuple[FairTest, ...] = ()


def export_document(
    contents: Contents,
    exported: datetime,
    knotwork: str,
    sessions: Sequence[Session] = (),
    routines: Sequence[Routine] = (),
    fair_tests: Sequence[FairTest] = (),
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "knotwork": knotwork,
        "exported": exported.isoformat().replace("+00:00", "Z"),
        **record_lists(contents, sessions, routines),
        "fair_tests": [fair_test_to_dict(t) for t in fair_tests],
    }


def record_lists(
    contents: Contents, sessions: Sequence[Session] = (), routines: Sequence[Routine] = ()
) -> dict[str, list[dict[str, Any]]]:
    """The diary's records, sessions and routines as lists of dicts, as an export and a
    backup both write them."""
    return {
        "entries": [to_dict(r) for r in contents.entries],
        "treatments": [to_dict(r) for r in contents.treatments],
        "impressions": [to_dict(r) for r in contents.impressions],
        "findings": [to_dict(r) for r in contents.findings],
        "sessions": [session_to_dict(r) for r in sessions],
        "routines": [routine_to_dict(r) for r in routines],
    }


def read_document(doc: object) -> Exported:
    """The records of an exported document, each checked as it is built. A document that is
    not one, a version this Knotwork does not read, a bad record or an id given twice is
    ``InvalidInput`` with one sentence that says where."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InvalidInput('it is not a Knotwork diary export (no "format": "knotwork-diary").')
    if doc.get("version") != VERSION:
        raise InvalidInput(
            f"it is a Knotwork diary export of version {doc.get('version')!r}; this Knotwork "
            f"reads version {VERSION}. Upgrade Knotwork to import it."
        )
    unknown = sorted(set(doc) - set(HEAD) - set(OTHERS) - {name for name, _ in SECTIONS})
    if unknown:
        raise InvalidInput(f"it has fields a version {VERSION} export does not: {unknown}.")
    sections: dict[str, list[Any]] = {}
    seen: set[str] = set()
    for name, kind in SECTIONS:
        items = doc.get(name, [])
        if not isinstance(items, list):
            raise InvalidInput(f"'{name}' must be a list.")
        records = []
        for n, item in enumerate(items, 1):
            record = _record(item, name, n, kind)
            if record.id in seen:
                raise InvalidInput(f"{name} item {n}: the id {record.id} is given twice.")
            seen.add(record.id)
            records.append(record)
        sections[name] = records
    sessions = _others(doc, "sessions", session_from_dict, seen)
    routines = _others(doc, "routines", routine_from_dict, seen)
    fair_tests = _others(doc, "fair_tests", fair_test_from_dict, seen)
    return Exported(Contents(**sections), sessions, routines, fair_tests)


def _others(
    doc: dict[str, Any], name: str, read: Callable[[dict[str, Any]], T], seen: set[str]
) -> tuple[T, ...]:
    items = doc.get(name, [])
    if not isinstance(items, list):
        raise InvalidInput(f"'{name}' must be a list.")
    out = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise InvalidInput(f"{name} item {n} is not a record.")
        try:
            record = read(item)
        except InvalidInput as error:
            raise InvalidInput(f"{name} item {n}: {error.message}") from None
        if record.id in seen:
            raise InvalidInput(f"{name} item {n}: the id {record.id} is given twice.")
        seen.add(record.id)
        out.append(record)
    return tuple(out)


def _record(item: object, name: str, n: int, kind: type) -> Record:
    if not isinstance(item, dict):
        raise InvalidInput(f"{name} item {n} is not a record.")
    try:
        record = from_dict(item)
    except InvalidInput as error:
        raise InvalidInput(f"{name} item {n}: {error.message}") from None
    if not isinstance(record, kind):
        raise InvalidInput(f"{name} item {n} is a record of kind {item.get('kind')!r}.")
    return record
