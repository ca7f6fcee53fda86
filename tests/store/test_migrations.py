"""Alembic: from an empty database and from every earlier revision to the newest, on both
stores; the schema it builds is exactly the tables the store uses; a store it cannot use
(tables that are not Knotwork's, a newer Knotwork's store) is refused and left unchanged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from knotwork.adapters.store import migrate
from knotwork.adapters.store.engine import make_engine
from knotwork.adapters.store.store import LOCAL_PERSON, open_store
from knotwork.adapters.store.tables import metadata
from knotwork.core.diary.repository import DayPain, RegionSum
from knotwork.core.errors import StoreError


def test_the_history_is_one_line() -> None:
    assert migrate.revisions()[:5] == ["0001", "0002", "0003", "0004", "0005"]


def test_an_empty_database_is_built_to_the_newest_schema(store_url: str) -> None:
    store = open_store(store_url)
    with store.engine.connect() as conn:
        assert migrate.current(conn) == migrate.head()
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    store.close()
    assert diff == []


@pytest.mark.parametrize("start", ["0001", "0002"])
def test_every_earlier_revision_upgrades_with_its_data(store_url: str, start: str) -> None:
    engine = make_engine(store_url)
    migrate.upgrade(engine, "test", target=start)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO person VALUES (1, '2026-01-01 00:00:00')"))
        for n, (day, pain) in enumerate([("2026-03-01", 4), ("2026-03-01", 6), ("2026-03-02", 3)]):
            conn.execute(
                text(
                    "INSERT INTO entry (person_id, id, at_utc, zone, day, pain, contexts, notes)"
                    " VALUES (1, :id, :at, 'UTC', :day, :pain, '[]', '')"
                ),
                {"id": f"{n:032x}", "at": f"{day} 08:0{n}:00", "day": day, "pain": pain},
            )
            conn.execute(
                text(
                    "INSERT INTO entry_region VALUES "
                    "(1, :id, 'calf-left', 0, :pain, '[\"aching\"]')"
                ),
                {"id": f"{n:032x}", "pain": pain + 1},
            )
        if start == "0002":
            conn.execute(text("INSERT INTO day_pain VALUES (1, '2026-03-01', 2, 10)"))
            conn.execute(text("INSERT INTO day_pain VALUES (1, '2026-03-02', 1, 3)"))
            conn.execute(
                text("INSERT INTO day_region VALUES (1, '2026-03-01', 'calf-left', 2, 12)")
            )
            conn.execute(text("INSERT INTO day_region VALUES (1, '2026-03-02', 'calf-left', 1, 4)"))
    engine.dispose()
    store = open_store(store_url)
    repo = store.repository(LOCAL_PERSON)
    march = (date(2026, 3, 1), date(2026, 3, 31))
    assert repo.day_pain(*march) == [
        DayPain(date(2026, 3, 1), 2, 10),
        DayPain(date(2026, 3, 2), 1, 3),
    ]
    assert repo.region_sums(*march) == [RegionSum("calf-left", 3, 16)]
    assert [e.pain for e in repo.entries()] == [3, 6, 4]
    assert repo.findings() == []
    store.close()


def test_a_newer_knotworks_store_is_refused_untouched(store_url: str) -> None:
    open_store(store_url).close()
    engine = create_engine(store_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(StoreError, match=r"newer Knotwork \(schema 0099\).*left unchanged"):
        open_store(store_url)
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == "0099"
    engine.dispose()


def test_a_database_of_something_else_is_refused(store_url: str) -> None:
    engine = create_engine(store_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(StoreError, match="tables that are not a Knotwork diary"):
        open_store(store_url)
    engine.dispose()


def test_downgrades_run_back_to_empty(new_store_url: Callable[[str], str]) -> None:
    from alembic import command

    url = new_store_url("sqlite")
    store = open_store(url)
    with store.engine.connect() as conn:
        command.downgrade(migrate.alembic_config(conn), "base")
        conn.commit()
        assert migrate.current(conn) is None
    store.close()
    open_store(url).close()
