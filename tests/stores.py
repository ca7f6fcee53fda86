"""The stores every storage, CLI and API test runs against: SQLite and a real PostgreSQL.

``store_url`` is parametrized over both (healthchecks runs its suite against every database
it supports). PostgreSQL is the server at 127.0.0.1:5432 (user postgres, trust; override
with KNOTWORK_TEST_POSTGRES); each use creates a uniquely named database and drops it at the
end. If the server does not answer, the PostgreSQL tests fail (they are not skipped): CI
checks the server first (scripts/system-deps).
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from knotwork.adapters.store.store import Store, open_store

SERVER = os.environ.get("KNOTWORK_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
BACKENDS = ("sqlite", "postgresql")
_people = itertools.count(1000)


def _admin() -> psycopg.Connection[tuple[object, ...]]:
    try:
        return psycopg.connect(f"{SERVER}/postgres", autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        pytest.fail(
            f"PostgreSQL is not answering at {SERVER} ({error}); start it "
            "(pg_ctlcluster --skip-systemctl-redirect 15 main start) or set "
            "KNOTWORK_TEST_POSTGRES.",
            pytrace=False,
        )


def create_pg_database() -> str:
    name = f"knotwork_test_{uuid.uuid4().hex[:12]}"
    with _admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name


def drop_pg_database(name: str) -> None:
    with _admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_url(name: str) -> str:
    return SERVER.replace("postgresql://", "postgresql+psycopg://", 1) + f"/{name}"


@pytest.fixture
def new_store_url(tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Make empty databases: ``new_store_url("sqlite")`` or ``("postgresql")``."""
    made: list[str] = []
    counter = itertools.count()

    def make(backend: str) -> str:
        if backend == "sqlite":
            return f"sqlite:///{tmp_path / f'diary{next(counter)}.db'}"
        name = create_pg_database()
        made.append(name)
        return pg_url(name)

    yield make
    for name in made:
        drop_pg_database(name)


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, new_store_url: Callable[[str], str]) -> str:
    """An empty database on each backend."""
    return new_store_url(request.param)


@pytest.fixture(scope="session", params=BACKENDS)
def shared_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """One migrated store per backend for the session; tests keep apart by person."""
    name = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'shared.db'}"
    else:
        name = create_pg_database()
        url = pg_url(name)
    store = open_store(url)
    yield store
    store.close()
    if name:
        drop_pg_database(name)


def new_person(store: Store) -> int:
    person = next(_people)
    store.add_person(person)
    return person
