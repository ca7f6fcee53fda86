"""Export files: the bytes of each format, written owner-only and atomically, and an export
file read back for ``knotwork import``.

- CSV: one file per table (``core/exchange/tables.py``) in one zip; RFC 4180 (the ``csv``
  module, minimal quoting, CRLF line ends), UTF-8 without a byte-order mark. A note with
  commas, quotes or line breaks is quoted and comes back as it was written.
- JSON: the versioned document (``core/exchange/document.py``), UTF-8.
- FHIR: the R4 Bundle (``core/exchange/fhir.py``) as ``application/fhir+json``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from knotwork.core.diary.repository import Contents
from knotwork.core.errors import InvalidInput
from knotwork.core.exchange.document import Exported, read_document
from knotwork.core.exchange.tables import Table
from knotwork.core.fairtest.plan import FairTest
from knotwork.core.release.record import Routine, Session

MAX_IMPORT_BYTES = 2 * 1024**3
MEDIA = {
    "csv": "application/zip",
    "json": "application/json",
    "fhir": "application/fhir+json",
}
SUFFIX = {"csv": "zip", "json": "json", "fhir": "fhir.json"}
FORMATS = tuple(MEDIA)
Name = Callable[[str], str]


def csv_text(table: Table) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(table.header)
    writer.writerows(["" if cell is None else cell for cell in row] for row in table.rows)
    return out.getvalue()


def csv_zip(tables: Sequence[Table], made: datetime) -> bytes:
    """The tables as ``<name>.csv`` files in one zip, stamped with the export's time."""
    stamp = made.timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in tables:
            info = zipfile.ZipInfo(f"{table.name}.csv", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, csv_text(table).encode("utf-8"))
    return buffer.getvalue()


def json_bytes(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def file_name(fmt: str, day: str) -> str:
    return f"knotwork-diary-{day}.{SUFFIX[fmt]}"


def write_private(path: Path, data: bytes, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` readable by its owner only (0600): to a temporary file
    beside it, synced, then renamed into place, so a crash leaves no half-written export."""
    if path.exists() and not overwrite:
        raise InvalidInput(f"{path} exists; choose another name or pass --force to replace it.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidInput(f"Cannot write {path}: {folder} is not a directory.")
    fd, tmp = tempfile.mkstemp(prefix=".knotwork-export-", dir=folder)  # created 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_export(path: Path) -> Exported:
    """The records of an export file; anything wrong is one sentence naming the file."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise InvalidInput(f"{path} is larger than any diary export could be.")
        with path.open("rb") as handle:
            doc = json.loads(handle.read().decode("utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} is a directory, not a diary export.") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not a Knotwork diary export (not UTF-8 text).") from None
    except json.JSONDecodeError as error:
        raise InvalidInput(f"{path} is not a Knotwork diary export (not JSON: {error}).") from None
    except OSError as error:
        raise InvalidInput(f"Cannot read {path}: {error.strerror or error}.") from None
    try:
        return read_document(doc)
    except InvalidInput as error:
        raise InvalidInput(f"{path}: {error.message} Nothing was imported.") from None


def export_bytes(
    fmt: str,
    contents: Contents,
    made: datetime,
    name: Name = str,
    person_name: str = "",
    sessions: Sequence[Session] = (),
    routines: Sequence[Routine] = (),
    fair_tests: Sequence[FairTest] = (),
) -> bytes:
    """The whole diary in ``fmt`` (csv, json or fhir), as the file's bytes (release sessions
    and routines go into the JSON, which keeps everything; their treatments are records)."""
    from knotwork import __version__
    from knotwork.core.exchange.document import export_document
    from knotwork.core.exchange.fhir import bundle
    from knotwork.core.exchange.tables import tables

    if fmt == "csv":
        return csv_zip(tables(contents, fair_tests), made)
    if fmt == "json":
        doc = export_document(contents, made, __version__, sessions, routines, fair_tests)
        return json_bytes(doc)
    if fmt == "fhir":
        return json_bytes(bundle(contents, made, name, person_name=person_name))
    raise InvalidInput(f"The export format must be one of csv, json, fhir; not '{fmt}'.")


class SessionStore(Protocol):
    def sessions(self) -> list[Session]: ...

    def routines(self) -> list[Routine]: ...

    def fair_tests(self) -> list[FairTest]: ...

    def carry(self, sessions: Sequence[Session], routines: Sequence[Routine]) -> None: ...

    def carry_tests(self, tests: Sequence[FairTest]) -> None: ...


def carry_new(repo: SessionStore, exported: Exported) -> tuple[int, int]:
    """Hand the store the export's sessions, routines and fair tests it lacks, to be added in
    the same transaction as the records; those already there as they are are skipped, one there with
    other content refuses the import. Returns (to add, already there)."""
    mine: list[Session | Routine | FairTest] = [
        *repo.sessions(),
        *repo.routines(),
        *repo.fair_tests(),
    ]
    theirs: list[Session | Routine | FairTest] = [
        *exported.sessions,
        *exported.routines,
        *exported.fair_tests,
    ]
    have = {r.id: r for r in mine}
    for record in theirs:
        if record.id in have and have[record.id] != record:
            kind = type(record).__name__.lower()
            raise InvalidInput(
                f"{kind} {record.id[:8]} is already in the diary with other content; "
                "nothing was imported."
            )
    sessions = [s for s in exported.sessions if s.id not in have]
    routines = [r for r in exported.routines if r.id not in have]
    tests = [t for t in exported.fair_tests if t.id not in have]
    repo.carry(sessions, routines)
    repo.carry_tests(tests)
    added = len(sessions) + len(routines) + len(tests)
    return added, len(theirs) - added
