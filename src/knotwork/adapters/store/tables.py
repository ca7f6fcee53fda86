"""The diary's tables at the newest revision (the migrations build exactly this).

Every table's primary key and every foreign key starts with ``person_id``: each person's rows
live together and a distributed PostgreSQL (Citus, distributed by ``person_id``) can shard the
store by person without a redesign. Times are UTC (naive columns, UTC by convention: SQLite
keeps no zone) with the IANA zone beside them, and the local ``day`` the record belongs to.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Table,
    Text,
)

from knotwork.core.diary.repository import RecordKind

# Constraint names the same on SQLite and PostgreSQL (Alembic batch mode needs names).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)
ID = 32  # uuid4 hex

person = Table(
    "person",
    metadata,
    Column("person_id", Integer, nullable=False, autoincrement=False),
    Column("created_at", DateTime, nullable=False),
    PrimaryKeyConstraint("person_id"),
)


def _owned(name: str, *columns: Column[object] | Index) -> Table:
    """A table of one person's records: (person_id, id) key, time, zone, local day."""
    return Table(
        name,
        metadata,
        Column("person_id", Integer, nullable=False),
        Column("id", String(ID), nullable=False),
        Column("at_utc", DateTime, nullable=False),
        Column("zone", String(64), nullable=False),
        Column("day", Date, nullable=False),
        *columns,
        PrimaryKeyConstraint("person_id", "id"),
        ForeignKeyConstraint(["person_id"], ["person.person_id"]),
    )


entry = _owned(
    "entry",
    Column("pain", SmallInteger, nullable=False),
    Column("peg_pain", SmallInteger),
    Column("peg_enjoyment", SmallInteger),
    Column("peg_activity", SmallInteger),
    Column("sleep_hours", Float),
    Column("sleep_quality", SmallInteger),
    Column("contexts", Text, nullable=False),  # JSON list of context ids
    Column("notes", Text, nullable=False),
)
Index("ix_entry_person_day", entry.c.person_id, entry.c.day, entry.c.at_utc, entry.c.pain)

entry_region = Table(
    "entry_region",
    metadata,
    Column("person_id", Integer, nullable=False),
    Column("entry_id", String(ID), nullable=False),
    Column("region", String(60), nullable=False),
    Column("position", SmallInteger, nullable=False),  # the order the person gave them in
    Column("pain", SmallInteger, nullable=False),
    Column("qualities", Text, nullable=False),  # JSON list
    PrimaryKeyConstraint("person_id", "entry_id", "region"),
    ForeignKeyConstraint(
        ["person_id", "entry_id"], ["entry.person_id", "entry.id"], ondelete="CASCADE"
    ),
)

treatment = _owned(
    "treatment",
    Column("kind", String(20), nullable=False),
    Column("muscle", String(60)),
    Column("technique", String(80)),
    Column("side", String(8)),
    Column("region", String(60)),
    Column("tool", String(40)),
    Column("seconds", Integer),
    Column("strokes", Integer),
    Column("repetitions", Integer),
    Column("pressure", SmallInteger),
    Column("medication", String(200)),
    Column("medication_dose", String(200)),
    Column("medication_schedule", String(12)),
    Column("professional", String(20)),
    Column("felt_during", SmallInteger),
    Column("relief", SmallInteger),
    Column("soreness", String(10)),
    Column("notes", Text, nullable=False),
)
Index("ix_treatment_person_day", treatment.c.person_id, treatment.c.day)

impression = _owned(
    "impression",
    Column("value", SmallInteger, nullable=False),
    Column("label", String(40), nullable=False),
    Column("notes", Text, nullable=False),
)
Index("ix_impression_person_day", impression.c.person_id, impression.c.day)

# Revision 0002: daily sums kept in the same transaction as the entries they sum, so the
# Progress page reads a few hundred small rows however long the diary.
day_pain = Table(
    "day_pain",
    metadata,
    Column("person_id", Integer, nullable=False),
    Column("day", Date, nullable=False),
    Column("entries", Integer, nullable=False),
    Column("pain_total", Integer, nullable=False),
    PrimaryKeyConstraint("person_id", "day"),
    ForeignKeyConstraint(["person_id"], ["person.person_id"]),
)
day_region = Table(
    "day_region",
    metadata,
    Column("person_id", Integer, nullable=False),
    Column("day", Date, nullable=False),
    Column("region", String(60), nullable=False),
    Column("ratings", Integer, nullable=False),
    Column("pain_total", Integer, nullable=False),
    PrimaryKeyConstraint("person_id", "day", "region"),
    ForeignKeyConstraint(["person_id"], ["person.person_id"]),
)

# Revision 0003: finder results saved into the diary (the document as the person saw it).
finding = _owned("finding", Column("document", Text, nullable=False))
Index("ix_finding_person_day", finding.c.person_id, finding.c.day)

RECORD_TABLES: dict[RecordKind, Table] = {
    "entry": entry,
    "treatment": treatment,
    "impression": impression,
    "finding": finding,
}

# Revision 0004: release sessions (their treatment events are rows of ``treatment``) and
# routines, the sessions a person saved with how often (adapters/store/sessions.py).
release_session = _owned(
    "release_session",
    Column("muscles", Text, nullable=False),  # JSON list of muscle ids
    Column("holds", Text, nullable=False),  # JSON list of holds
    Column("pain_before", SmallInteger),
    Column("pain_after", SmallInteger),
    Column("rom_before", SmallInteger),
    Column("rom_after", SmallInteger),
    Column("ended", String(12), nullable=False),
    Column("stop_reason", String(20)),
    Column("routine", String(ID)),
    Column("treatments", Text, nullable=False),  # JSON list of treatment ids
)
Index("ix_release_session_person_day", release_session.c.person_id, release_session.c.day)

routine = _owned(
    "routine",
    Column("name", String(200), nullable=False),
    Column("muscles", Text, nullable=False),  # JSON list
    Column("sides", Text, nullable=False),  # JSON list
    Column("every_days", SmallInteger, nullable=False),
    Column("at_time", String(5), nullable=False),
)

# Revision 0005: fair tests (n-of-1). The plan only: the daily answers, treatments and red
# flags a test reads stay in the diary's own tables. ``orders`` is the schedule ("AB,BA,...")
# stored beside the seed that draws it, so it can be checked.
fair_test = _owned(
    "fair_test",
    Column("start_day", Date, nullable=False),
    Column("a_name", String(80), nullable=False),
    Column("a_kind", String(20)),
    Column("a_muscle", String(60)),
    Column("b_name", String(80), nullable=False),
    Column("b_kind", String(20)),
    Column("b_muscle", String(60)),
    Column("outcome", String(8), nullable=False),
    Column("seed", Integer, nullable=False),
    Column("orders", String(64), nullable=False),
    Column("first_blocks", SmallInteger, nullable=False),
    Column("period_days", SmallInteger, nullable=False),
    Column("washout_days", SmallInteger, nullable=False),
    Column("stopped_on", Date),
    Column("stop_reason", Text, nullable=False),
)
