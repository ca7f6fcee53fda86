"""Backup files: the whole diary as one JSON document, owner-only, written atomically.

    {"format": "knotwork-diary-backup", "version": 1, "knotwork": "0.1.0",
     "made": "2026-12-07T09:30:00Z", "schema": "0004",
     "entries": [...], "treatments": [...], "impressions": [...], "findings": [...],
     "sessions": [...], "routines": [...]}

``sessions`` and ``routines`` (revision 0004) are optional: an older backup has none.

Records are in ``knotwork.core.diary.codec``'s shape, so a backup is read back through the
same checks as anything else a person enters; a file that fails them restores nothing.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from knotwork import __version__
from knotwork.core.diary.codec import from_dict
from knotwork.core.diary.model import Entry
from knotwork.core.diary.records import Finding, Impression
from knotwork.core.diary.repository import Contents
from knotwork.core.diary.treatment import Treatment
from knotwork.core.errors import InvalidInput
from knotwork.core.exchange.document import record_lists
from knotwork.core.release.codec import (
    routine_from_dict,
    session_from_dict,
)
from knotwork.core.release.record import Routine, Session

T = TypeVar("T")

FORMAT = "knotwork-diary-backup"
VERSION = 1
SECTIONS = (
    ("entries", Entry),
    ("treatments", Treatment),
    ("impressions", Impression),
    ("findings", Finding),
)
MAX_BYTES = 2 * 1024**3


def document(
    contents: Contents,
    made: datetime,
    schema: str,
    sessions: Sequence[Session] = (),
    routines: Sequence[Routine] = (),
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "knotwork": __version__,
        "made": made.isoformat().replace("+00:00", "Z"),
        "schema": schema,
        **record_lists(contents, sessions, routines),
    }


def write(path: Path, doc: dict[str, Any], overwrite: bool = False) -> None:
    """Write ``doc`` to ``path`` with mode 0600: to a temporary file beside it, synced, then
    renamed into place, so a crash leaves the old file or the new one, never half of one."""
    if path.exists() and not overwrite:
        raise InvalidInput(f"{path} exists; choose another name or pass --force to replace it.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidInput(f"Cannot write {path}: {folder} is not a directory.")
    fd, tmp = tempfile.mkstemp(prefix=".knotwork-backup-", dir=folder)  # created 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(doc, handle, ensure_ascii=False)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Backup(NamedTuple):
    contents: Contents
    sessions: list[Session]
    routines: list[Routine]


def read(path: Path) -> Contents:
    """A backup file's diary records, each checked as it is built."""
    return read_all(path).contents


def read_all(path: Path) -> Backup:
    """A backup file's records, sessions and routines, each checked as it is built; bad
    files say what is wrong."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InvalidInput(f"{path} is larger than any diary backup could be.")
        with path.open(encoding="utf-8") as handle:
            doc = json.load(handle)
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {path}.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInput(f"{path} is not a Knotwork diary backup ({error}).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InvalidInput(f"{path} is not a Knotwork diary backup.")
    if doc.get("version") != VERSION:
        raise InvalidInput(
            f"{path} is a backup format version {doc.get('version')!r}; this Knotwork reads "
            f"version {VERSION}. Upgrade Knotwork to restore it."
        )
    sections: dict[str, list[Any]] = {}
    for name, kind in SECTIONS:
        items = doc.get(name, [])
        if not isinstance(items, list):
            raise InvalidInput(f"{path}: '{name}' must be a list.")
        records = []
        for n, item in enumerate(items, 1):
            if not isinstance(item, dict):
                raise InvalidInput(f"{path}: {name} item {n} is not a record.")
            record = _record(item, path, name, n)
            if not isinstance(record, kind):
                raise InvalidInput(f"{path}: {name} item {n} is a {item.get('kind')}.")
            records.append(record)
        sections[name] = records
    sessions = _others(doc, path, "sessions", session_from_dict)
    routines = _others(doc, path, "routines", routine_from_dict)
    return Backup(Contents(**sections), sessions, routines)


def _others(doc: dict[str, Any], path: Path, name: str, read: Callable[[Any], T]) -> list[T]:
    items = doc.get(name, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise InvalidInput(f"{path}: '{name}' must be a list of records.")
    out = []
    for n, item in enumerate(items, 1):
        try:
            out.append(read(item))
        except InvalidInput as error:
            raise InvalidInput(f"{path}: {name} item {n}: {error.message}") from None
    return out


def _record(item: dict[str, Any], path: Path, name: str, n: int) -> Any:
    try:
        return from_dict(item)
    except InvalidInput as error:
        raise InvalidInput(f"{path}: {name} item {n}: {error.message}") from None
