"""The first diary schema: people, entries with their regions, treatments, impressions.

Revision ID: 0001
Revises:
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _owned(name: str, *columns: sa.Column[object]) -> None:
    op.create_table(
        name,
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("at_utc", sa.DateTime, nullable=False),
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        *columns,
        sa.PrimaryKeyConstraint("person_id", "id", name=f"pk_{name}"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.person_id"], name=f"fk_{name}_person_id_person"
        ),
    )


def upgrade() -> None:
    op.create_table(
        "person",
        sa.Column("person_id", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("person_id", name="pk_person"),
    )
    _owned(
        "entry",
        sa.Column("pain", sa.SmallInteger, nullable=False),
        sa.Column("peg_pain", sa.SmallInteger),
        sa.Column("peg_enjoyment", sa.SmallInteger),
        sa.Column("peg_activity", sa.SmallInteger),
        sa.Column("sleep_hours", sa.Float),
        sa.Column("sleep_quality", sa.SmallInteger),
        sa.Column("contexts", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
    )
    op.create_index("ix_entry_person_day", "entry", ["person_id", "day"])
    op.create_table(
        "entry_region",
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("entry_id", sa.String(32), nullable=False),
        sa.Column("region", sa.String(60), nullable=False),
        sa.Column("position", sa.SmallInteger, nullable=False),
        sa.Column("pain", sa.SmallInteger, nullable=False),
        sa.Column("qualities", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("person_id", "entry_id", "region", name="pk_entry_region"),
        sa.ForeignKeyConstraint(
            ["person_id", "entry_id"],
            ["entry.person_id", "entry.id"],
            name="fk_entry_region_person_id_entry",
            ondelete="CASCADE",
        ),
    )
    _owned(
        "treatment",
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("muscle", sa.String(60)),
        sa.Column("technique", sa.String(80)),
        sa.Column("side", sa.String(8)),
        sa.Column("region", sa.String(60)),
        sa.Column("tool", sa.String(40)),
        sa.Column("seconds", sa.Integer),
        sa.Column("strokes", sa.Integer),
        sa.Column("repetitions", sa.Integer),
        sa.Column("pressure", sa.SmallInteger),
        sa.Column("medication", sa.String(200)),
        sa.Column("medication_dose", sa.String(200)),
        sa.Column("medication_schedule", sa.String(12)),
        sa.Column("professional", sa.String(20)),
        sa.Column("felt_during", sa.SmallInteger),
        sa.Column("relief", sa.SmallInteger),
        sa.Column("soreness", sa.String(10)),
        sa.Column("notes", sa.Text, nullable=False),
    )
    op.create_index("ix_treatment_person_day", "treatment", ["person_id", "day"])
    _owned(
        "impression",
        sa.Column("value", sa.SmallInteger, nullable=False),
        sa.Column("label", sa.String(40), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
    )
    op.create_index("ix_impression_person_day", "impression", ["person_id", "day"])


def downgrade() -> None:
    for table in ("impression", "treatment", "entry_region", "entry", "person"):
        op.drop_table(table)
