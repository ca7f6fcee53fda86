"""Bring a store to the newest schema when it is opened (Alembic, shipped in ``migrations/``).

An empty database is built from the first revision up; an older Knotwork store is upgraded;
anything else is refused with one clear sentence: a database with tables that are not
Knotwork's, a damaged file, or a store written by a newer Knotwork (a revision this version
does not know), which it must not touch.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import DatabaseError, OperationalError

from knotwork.core.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
LOCK = 7_253_771  # PostgreSQL advisory lock: one process migrates at a time


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def revisions() -> list[str]:
    """Every revision id, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def head() -> str:
    return revisions()[-1]


def upgrade(engine: Engine, where: str, target: str = "head") -> None:
    """Upgrade the store to ``target`` (the newest revision unless told), or refuse it."""
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_lock({LOCK})")
            try:
                _check_known(conn, where)
                command.upgrade(alembic_config(conn), target)
                conn.commit()
            finally:
                if conn.dialect.name == "postgresql":
                    conn.rollback()
                    conn.exec_driver_sql(f"SELECT pg_advisory_unlock({LOCK})")
    except OperationalError as error:
        raise StoreError(f"Cannot open the diary store {where}: {_reason(error)}.") from None
    except DatabaseError as error:
        raise StoreError(
            f"The diary store {where} is damaged or not a Knotwork diary ({_reason(error)})."
        ) from None


def current(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def _check_known(conn: Connection, where: str) -> None:
    tables = set(inspect(conn).get_table_names())
    if "alembic_version" not in tables:
        if tables:
            raise StoreError(
                f"The database {where} already has tables that are not a Knotwork diary "
                f"({', '.join(sorted(tables)[:3])}); use an empty database."
            )
        return
    revision = current(conn)
    if revision is not None and revision not in revisions():
        raise StoreError(
            f"The diary store {where} was written by a newer Knotwork (schema {revision}); "
            "upgrade Knotwork to use it. It was left unchanged."
        )


def _reason(error: DatabaseError) -> str:
    first = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    return first.rstrip(".")
