"""Open the database behind ``KNOTWORK_DATABASE_URL``: SQLite (created on first use, owner-only,
WAL, foreign keys on, ``synchronous=FULL``) or PostgreSQL through psycopg 3.

SQLite: an entry acknowledged to the person is on disk (FULL syncs the WAL at every commit),
and the database file, its ``-wal`` and its ``-shm`` are readable by their owner only (SQLite
gives the side files the main file's permissions). Writes take the lock at ``BEGIN
IMMEDIATE``, so two writers queue on ``busy_timeout`` instead of failing half-way.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from knotwork.core.errors import StoreError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_MS = 10_000
PRAGMAS = ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", f"busy_timeout={BUSY_MS}")
WRITE = "knotwork_write"  # execution option: this transaction writes


def parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"KNOTWORK_DATABASE_URL is not a database URL: {url!r}.") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername not in ("sqlite", "sqlite+pysqlite", "postgresql+psycopg"):
        raise StoreError(
            f"KNOTWORK_DATABASE_URL uses {parsed.drivername!r}; use sqlite:///PATH or "
            "postgresql+psycopg://USER@HOST/DB."
        )
    return parsed


def describe(url: URL) -> str:
    """The store as a person would name it (a file path, or the server without password)."""
    if url.get_backend_name() == "sqlite":
        return str(Path(url.database or "").resolve())
    return url.render_as_string(hide_password=True)


def make_engine(url: str) -> Engine:
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    # psycopg prepares a statement after its fifth use (the Progress page's queries repeat).
    # Behind a transaction-mode PgBouncer older than 1.21 that breaks: see docs/diary.md.
    return create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def _sqlite_engine(url: URL) -> Engine:
    if not url.database or url.database == ":memory:":
        raise StoreError("The SQLite diary needs a file: sqlite:///PATH/knotwork.db.")
    create_owner_only(Path(url.database))
    engine = create_engine(
        url, connect_args={"check_same_thread": False, "timeout": BUSY_MS / 1000}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi: Any, _record: Any) -> None:
        # The driver's own transaction handling is turned off; ``_on_begin`` says BEGIN.
        dbapi.isolation_level = None
        cursor = dbapi.cursor()
        for pragma in PRAGMAS:
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        writes = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


def create_owner_only(path: Path) -> None:
    """Create the database file with mode 0600, or tighten an existing one to it; refuse a
    file that is not an SQLite database (a clear message, not a crash later)."""
    if not path.parent.is_dir():
        raise StoreError(f"Cannot create the diary at {path}: {path.parent} is not a directory.")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        return
    except FileExistsError:
        pass
    except OSError as error:
        raise StoreError(f"Cannot create the diary at {path}: {error.strerror}.") from None
    if not path.is_file():
        raise StoreError(f"The diary path {path} is not a file.")
    check_sqlite_file(path)
    for side in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if side.exists() and stat.S_IMODE(side.stat().st_mode) & 0o077:
            side.chmod(0o600)


def check_sqlite_file(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head and head != SQLITE_HEADER:
        raise StoreError(
            f"{path} is not a Knotwork diary (not an SQLite database). Set "
            "KNOTWORK_DATABASE_URL to another file, or move this one away."
        )
