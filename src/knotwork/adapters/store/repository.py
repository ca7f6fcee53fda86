"""``SqlDiary``: the core's ``DiaryRepository`` over SQLAlchemy Core, bound to one person.

Every statement names the person (``person_id = ...`` in each WHERE, ``person_id`` in each
INSERT); ``tests/store/test_person_filter.py`` fails any that does not. Each public method is
one transaction. Writing an entry also adjusts the person's daily sums (``day_pain``,
``day_region``) in the same transaction, so they always agree with the entries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

import psycopg
from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from knotwork.adapters.store import rows, tables
from knotwork.adapters.store.bulk import copy_rows
from knotwork.adapters.store.engine import WRITE
from knotwork.core.diary.model import Entry
from knotwork.core.diary.records import Finding, Impression
from knotwork.core.diary.repository import (
    KINDS,
    Contents,
    DayPain,
    PainPoint,
    Record,
    RecordKind,
    RegionSum,
    TreatmentMark,
    kind_of,
)
from knotwork.core.diary.treatment import Treatment
from knotwork.core.errors import InvalidInput, NotFound

T = tables
HEX = frozenset("0123456789abcdef")


class SqlDiary:
    def __init__(self, engine: Engine, person: int) -> None:
        self.engine = engine
        self.writer = engine.execution_options(**{WRITE: True})
        self.person = person
        self._reader: Connection | None = None  # set inside ``reading()``

    # -- transactions -------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.writer.begin() as conn:
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        if self._reader is not None:
            yield self._reader
            return
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Several reads in one transaction: one consistent view, one connection."""
        if self._reader is not None:
            yield
            return
        with self.engine.connect() as conn, conn.begin():
            self._reader = conn
            try:
                yield
            finally:
                self._reader = None

    def _mine(self, table: Table) -> Any:
        return table.c.person_id == self.person

    # -- writes -------------------------------------------------------------------------

    def add(self, record: Record) -> None:
        try:
            with self._write() as conn:
                self._insert(conn, record)
        except IntegrityError:
            raise InvalidInput(f"A diary record with id {record.id} already exists.") from None

    def _insert(self, conn: Connection, record: Record) -> None:
        kind = kind_of(record)
        conn.execute(insert(T.RECORD_TABLES[kind]), [self._values(record)])
        if isinstance(record, Entry):
            if record.regions:
                conn.execute(insert(T.entry_region), rows.region_values(self.person, record))
            self._bump(conn, record, +1)

    def _values(self, record: Record) -> rows.Values:
        if isinstance(record, Entry):
            return rows.entry_values(self.person, record)
        if isinstance(record, Treatment):
            return rows.treatment_values(self.person, record)
        if isinstance(record, Impression):
            return rows.impression_values(self.person, record)
        return rows.finding_values(self.person, record)

    def replace(self, record: Record) -> None:
        table = T.RECORD_TABLES[kind_of(record)]
        with self._write() as conn:
            old = self._get(conn, record.id)
            if old is None or kind_of(old) != kind_of(record):
                raise NotFound(f"No {kind_of(record)} with id {record.id} in the diary.")
            if isinstance(old, Entry):
                self._bump(conn, old, -1)
                conn.execute(delete(T.entry_region).where(*self._regions_of(old.id)))
            values = self._values(record)
            conn.execute(
                update(table).where(self._mine(table), table.c.id == record.id).values(values)
            )
            if isinstance(record, Entry):
                if record.regions:
                    conn.execute(insert(T.entry_region), rows.region_values(self.person, record))
                self._bump(conn, record, +1)

    def remove(self, record_id: str) -> Record:
        with self._write() as conn:
            old = self._get(conn, record_id)
            if old is None:
                raise NotFound(f"No diary record with id {record_id}.")
            table = T.RECORD_TABLES[kind_of(old)]
            if isinstance(old, Entry):
                self._bump(conn, old, -1)
                conn.execute(delete(T.entry_region).where(*self._regions_of(old.id)))
            conn.execute(delete(table).where(self._mine(table), table.c.id == record_id))
            return old

    def _regions_of(self, entry_id: str) -> tuple[Any, Any]:
        return self._mine(T.entry_region), T.entry_region.c.entry_id == entry_id

    def _bump(self, conn: Connection, e: Entry, sign: int) -> None:
        """Add (+1) or take away (-1) one entry's share of its day's sums."""
        day = e.when.day
        key = {"person_id": self.person, "day": day}
        _upsert(conn, T.day_pain, [key | {"entries": sign, "pain_total": sign * e.pain}])
        if e.regions:
            _upsert(
                conn,
                T.day_region,
                [
                    key | {"region": r.region, "ratings": sign, "pain_total": sign * r.pain}
                    for r in e.regions
                ],
            )
        if sign < 0:  # a day with nothing left has no row (first and last days stay exact)
            for table, count in ((T.day_pain, "entries"), (T.day_region, "ratings")):
                conn.execute(
                    delete(table).where(self._mine(table), table.c.day == day, table.c[count] <= 0)
                )

    # -- reads --------------------------------------------------------------------------

    def get(self, record_id: str) -> Record:
        with self._read() as conn:
            found = self._get(conn, record_id)
        if found is None:
            raise NotFound(f"No diary record with id {record_id}.")
        return found

    def _get(self, conn: Connection, record_id: str) -> Record | None:
        for kind in KINDS:
            table = T.RECORD_TABLES[kind]
            row = conn.execute(
                select(table).where(self._mine(table), table.c.id == record_id)
            ).first()
            if row is not None:
                found: Record = self._records(conn, kind, [row])[0]
                return found
        return None

    def resolve(self, prefix: str) -> str:
        """The full id from its first characters (at least 4, as lists show 8)."""
        key = prefix.strip().lower()
        if len(key) < 4 or len(key) > 32 or not set(key) <= HEX:
            raise InvalidInput(f"'{prefix}' is not a diary record id (4 to 32 hex digits).")
        if len(key) == 32:
            return key
        found: list[str] = []
        with self._read() as conn:
            for table in T.RECORD_TABLES.values():
                found += conn.scalars(
                    select(table.c.id)
                    .where(self._mine(table), table.c.id >= key, table.c.id < key + "g")
                    .limit(2)
                ).all()
        if not found:
            raise NotFound(f"No diary record with an id starting '{prefix}'.")
        if len(found) > 1:
            raise InvalidInput(f"Several records have ids starting '{prefix}'; give more of it.")
        return found[0]

    def _listed(
        self, kind: RecordKind, since: date | None, until: date | None, limit: int | None
    ) -> list[Any]:
        table = T.RECORD_TABLES[kind]
        query = select(table).where(self._mine(table))
        if since is not None:
            query = query.where(table.c.day >= since)
        if until is not None:
            query = query.where(table.c.day <= until)
        query = query.order_by(table.c.at_utc.desc(), table.c.id.desc()).limit(limit)
        with self._read() as conn:
            return self._records(conn, kind, conn.execute(query).all())

    def _records(self, conn: Connection, kind: RecordKind, found: Sequence[Any]) -> list[Any]:
        if kind == "entry":
            return self._entries(conn, found)
        read = {
            "treatment": rows.treatment_from,
            "impression": rows.impression_from,
            "finding": rows.finding_from,
        }[kind]
        return [read(r) for r in found]

    def _entries(self, conn: Connection, found: Sequence[Any], everyone: bool = False) -> list[Any]:
        if not found:
            return []
        query = select(T.entry_region).where(self._mine(T.entry_region))
        if not everyone:
            query = query.where(T.entry_region.c.entry_id.in_([r.id for r in found]))
        regions: dict[str, list[Any]] = defaultdict(list)
        order = (T.entry_region.c.entry_id, T.entry_region.c.position)
        for r in conn.execute(query.order_by(*order)):
            regions[r.entry_id].append(r)
        return [rows.entry_from(r, regions.get(r.id, [])) for r in found]

    def entries(
        self, since: date | None = None, until: date | None = None, limit: int | None = None
    ) -> list[Entry]:
        return self._listed("entry", since, until, limit)

    def treatments(
        self, since: date | None = None, until: date | None = None, limit: int | None = None
    ) -> list[Treatment]:
        return self._listed("treatment", since, until, limit)

    def impressions(
        self, since: date | None = None, until: date | None = None, limit: int | None = None
    ) -> list[Impression]:
        return self._listed("impression", since, until, limit)

    def findings(
        self, since: date | None = None, until: date | None = None, limit: int | None = None
    ) -> list[Finding]:
        return self._listed("finding", since, until, limit)

    def latest_entry(self) -> Entry | None:
        found = self.entries(limit=1)
        return found[0] if found else None

    def day_pain(self, since: date, until: date) -> list[DayPain]:
        query = text(
            "SELECT day_pain.day, day_pain.entries, day_pain.pain_total FROM day_pain "
            "WHERE day_pain.person_id = :person AND day_pain.day >= :since "
            "AND day_pain.day <= :until ORDER BY day_pain.day"
        )
        params = {"person": self.person, "since": since, "until": until}
        with self._read() as conn:
            found = conn.execute(query, params).all()
        return [DayPain(_day(day), n, total) for day, n, total in found]

    def region_sums(self, since: date, until: date) -> list[RegionSum]:
        t = T.day_region
        query = (
            select(t.c.region, func.sum(t.c.ratings), func.sum(t.c.pain_total))
            .where(self._mine(t), t.c.day >= since, t.c.day <= until)
            .group_by(t.c.region)
            .order_by(t.c.region)
        )
        with self._read() as conn:
            return [RegionSum(r, int(n), int(total)) for r, n, total in conn.execute(query)]

    def pain_points(self, since: date, until: date) -> list[PainPoint]:
        # The longest read of the Progress page (a few hundred rows): plain SQL, so the rows
        # skip the ORM's type processing; SQLite gives the time as text, PostgreSQL as a time.
        query = text(
            "SELECT entry.at_utc, entry.zone, entry.pain FROM entry "
            "WHERE entry.person_id = :person AND entry.day >= :since AND entry.day <= :until "
            "ORDER BY entry.at_utc"
        )
        params = {"person": self.person, "since": since, "until": until}
        with self._read() as conn:
            found = conn.execute(query, params).all()
        return [PainPoint(_utc(at), zone, pain) for at, zone, pain in found]

    def treatment_marks(self, since: date, until: date, limit: int) -> list[TreatmentMark]:
        query = text(
            "SELECT treatment.id, treatment.at_utc, treatment.zone, treatment.kind, "
            "coalesce(treatment.medication, treatment.professional, treatment.muscle, "
            "treatment.region, '') FROM treatment "
            "WHERE treatment.person_id = :person AND treatment.day >= :since "
            "AND treatment.day <= :until "
            # The id breaks ties, so two treatments logged at one moment come back in one order
            # on every store (a round-trip test found them swapped).
            "ORDER BY treatment.at_utc DESC, treatment.id DESC LIMIT :limit"
        )
        params = {"person": self.person, "since": since, "until": until, "limit": limit}
        with self._read() as conn:
            found = conn.execute(query, params).all()
        return [
            TreatmentMark(i, _utc(at), zone, kind, name)
            for i, at, zone, kind, name in reversed(found)
        ]

    def span(self) -> tuple[date, date] | None:
        t = T.day_pain
        with self._read() as conn:
            first, last = conn.execute(
                select(func.min(t.c.day), func.max(t.c.day)).where(self._mine(t))
            ).one()
        return None if first is None else (first, last)

    def counts(self) -> dict[RecordKind, int]:
        with self._read() as conn:
            return {
                kind: conn.scalar(select(func.count()).select_from(table).where(self._mine(table)))
                or 0
                for kind, table in T.RECORD_TABLES.items()
            }

    # -- whole diary --------------------------------------------------------------------

    def contents(self) -> Contents:
        with self._read() as conn:
            listed: dict[RecordKind, list[Any]] = {}
            for kind, table in T.RECORD_TABLES.items():
                found = conn.execute(
                    select(table).where(self._mine(table)).order_by(table.c.at_utc, table.c.id)
                ).all()
                if kind == "entry":
                    listed[kind] = self._entries(conn, found, everyone=True)
                else:
                    listed[kind] = self._records(conn, kind, found)
        return Contents(
            listed["entry"], listed["treatment"], listed["impression"], listed["finding"]
        )

    def restore(self, contents: Contents, replace: bool) -> None:
        with self._write() as conn:
            if replace:
                self._clear(conn)
            else:
                existing = sum(
                    conn.scalar(select(func.count()).select_from(t).where(self._mine(t))) or 0
                    for t in T.RECORD_TABLES.values()
                )
                if existing:
                    raise InvalidInput(
                        f"The diary already has {existing} records; restore with --replace "
                        "to put the backup in their place."
                    )
            self.bulk_insert(conn, contents)

    def add_all(self, contents: Contents) -> None:
        try:
            with self._write() as conn:
                self.bulk_insert(conn, contents)
        except (IntegrityError, psycopg.IntegrityError):  # COPY's errors are psycopg's own
            raise InvalidInput(
                "Some of these records are already in the diary; nothing was added."
            ) from None

    def _clear(self, conn: Connection) -> None:
        for table in (T.entry_region, T.day_region, T.day_pain, *T.RECORD_TABLES.values()):
            conn.execute(delete(table).where(self._mine(table)))

    def bulk_insert(self, conn: Connection, contents: Contents) -> None:
        """Insert many records fast (COPY on PostgreSQL, executemany on SQLite), then sum
        the person's days in two statements."""
        p = self.person
        copy_rows(conn, T.entry, [rows.entry_values(p, e) for e in contents.entries])
        copy_rows(
            conn, T.entry_region, [v for e in contents.entries for v in rows.region_values(p, e)]
        )
        copy_rows(conn, T.treatment, [rows.treatment_values(p, t) for t in contents.treatments])
        copy_rows(conn, T.impression, [rows.impression_values(p, i) for i in contents.impressions])
        copy_rows(conn, T.finding, [rows.finding_values(p, f) for f in contents.findings])
        self.resum(conn)

    def resum(self, conn: Connection) -> None:
        """Rebuild the person's daily sums from their entries."""
        e, r = T.entry, T.entry_region
        for table in (T.day_pain, T.day_region):
            conn.execute(delete(table).where(self._mine(table)))
        conn.execute(
            insert(T.day_pain).from_select(
                ["person_id", "day", "entries", "pain_total"],
                select(e.c.person_id, e.c.day, func.count(), func.sum(e.c.pain))
                .where(self._mine(e))
                .group_by(e.c.person_id, e.c.day),
            )
        )
        conn.execute(
            insert(T.day_region).from_select(
                ["person_id", "day", "region", "ratings", "pain_total"],
                select(r.c.person_id, e.c.day, r.c.region, func.count(), func.sum(r.c.pain))
                .join(e, (e.c.person_id == r.c.person_id) & (e.c.id == r.c.entry_id))
                .where(self._mine(r), self._mine(e))
                .group_by(r.c.person_id, e.c.day, r.c.region),
            )
        )


def _day(value: date | str) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _utc(value: datetime | str) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC)


def _upsert(conn: Connection, table: Table, values: list[rows.Values]) -> None:
    """Insert these sums, or add them to the row already there (atomic on both stores)."""
    build = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = build(table)
    keys = [c.name for c in table.primary_key.columns]
    sums = [c for c in values[0] if c not in keys]
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=keys, set_={c: table.c[c] + stmt.excluded[c] for c in sums}
        ),
        values,
    )
