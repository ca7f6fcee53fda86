"""The SQLite diary file: created on first use, owner-only (with its -wal and -shm), WAL,
foreign keys on, synchronous FULL; a file that is not a diary gets a clear refusal."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from knotwork.adapters.store.store import open_store
from knotwork.core.errors import StoreError


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_it_is_created_owner_only_with_its_side_files(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "diary.db"
        store = open_store(f"sqlite:///{path}")
        with store.engine.connect() as conn:  # the WAL and shared-memory files are open now
            conn.execute(text("SELECT 1"))
            sides = [Path(f"{path}-wal"), Path(f"{path}-shm")]
            assert all(p.exists() for p in sides)
            assert [mode(p) for p in (path, *sides)] == [0o600, 0o600, 0o600]
        store.close()
    finally:
        os.umask(old)


def test_its_pragmas_are_on(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'diary.db'}")
    with store.engine.connect() as conn:
        values = [
            conn.exec_driver_sql(f"PRAGMA {p}").scalar()
            for p in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
        ]
    store.close()
    assert values == ["wal", 1, 2, 10000]  # synchronous 2 = FULL


def test_an_existing_file_is_made_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "diary.db"
    open_store(f"sqlite:///{path}").close()
    path.chmod(0o644)
    open_store(f"sqlite:///{path}").close()
    assert mode(path) == 0o600


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.7 not a database at all", r"not a Knotwork diary \(not an SQLite database\)"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "damaged or not a Knotwork diary"),
    ],
)
def test_a_file_that_is_not_a_diary_is_refused(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "diary.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        open_store(f"sqlite:///{path}")
    assert path.read_bytes() == content


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is not a directory"):
        open_store(f"sqlite:///{tmp_path / 'nowhere' / 'diary.db'}")
