"""A diary store opened from its URL: migrated to the newest schema, with its people.

    store = open_store("sqlite:///./knotwork.db")   # creates, migrates, checks
    diary = store.repository()                       # the local person's DiaryRepository

The local app has one person (``LOCAL_PERSON``) and asks for no login; the tables are ready
for many.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError, OperationalError

from knotwork.adapters.store import migrate, tables
from knotwork.adapters.store.engine import describe, make_engine, parse_url
from knotwork.adapters.store.fairtests import SqlFairTests
from knotwork.adapters.store.repository import SqlDiary
from knotwork.adapters.store.sessions import SqlSessions
from knotwork.core.errors import StoreError

LOCAL_PERSON = 1


class Store:
    def __init__(self, url: str) -> None:
        self.url = parse_url(url)
        self.where = describe(self.url)
        self.engine: Engine = make_engine(url)

    @property
    def backend(self) -> str:
        return self.url.get_backend_name()

    def open(self) -> Store:
        migrate.upgrade(self.engine, self.where)
        self.add_person(LOCAL_PERSON)
        return self

    def add_person(self, person: int) -> None:
        """Make sure ``person`` exists (two processes may race to add it: both succeed)."""
        t = tables.person
        try:
            with self.engine.begin() as conn:
                if conn.scalar(select(t.c.person_id).where(t.c.person_id == person)) is None:
                    conn.execute(insert(t), [{"person_id": person, "created_at": _now()}])
        except IntegrityError:
            pass
        except OperationalError as error:
            raise StoreError(
                f"Cannot write to the diary store {self.where}: {error.orig}"
            ) from None

    def repository(self, person: int = LOCAL_PERSON) -> SqlDiary:
        return SqlDiary(self.engine, person)

    def sessions(self, person: int = LOCAL_PERSON) -> SqlSessions:
        """The person's diary with their release sessions and routines."""
        return SqlSessions(self.engine, person)

    def fair_tests(self, person: int = LOCAL_PERSON) -> SqlFairTests:
        """The person's fair tests (core/fairtest's ``FairTestRepository``)."""
        return SqlFairTests(self.engine, person)

    def close(self) -> None:
        self.engine.dispose()


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def open_store(url: str) -> Store:
    """The store at ``url``, created and migrated on first use (``StoreError`` if it cannot
    be used)."""
    store = Store(url)
    try:
        return store.open()
    except BaseException:
        store.close()  # no connection left behind by a store that cannot be used
        raise
