"""Daily sums of pain (overall and per region), kept with the entries, so progress over a
long diary reads a few hundred rows; the entry index also covers the pain series.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "day_pain",
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("entries", sa.Integer, nullable=False),
        sa.Column("pain_total", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("person_id", "day", name="pk_day_pain"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.person_id"], name="fk_day_pain_person_id_person"
        ),
    )
    op.create_table(
        "day_region",
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("region", sa.String(60), nullable=False),
        sa.Column("ratings", sa.Integer, nullable=False),
        sa.Column("pain_total", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("person_id", "day", "region", name="pk_day_region"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.person_id"], name="fk_day_region_person_id_person"
        ),
    )
    # Sums of the entries already written (every person's, grouped by person).
    op.execute(
        "INSERT INTO day_pain (person_id, day, entries, pain_total) "
        "SELECT person_id, day, count(*), sum(pain) FROM entry GROUP BY person_id, day"
    )
    op.execute(
        "INSERT INTO day_region (person_id, day, region, ratings, pain_total) "
        "SELECT r.person_id, e.day, r.region, count(*), sum(r.pain) FROM entry_region r "
        "JOIN entry e ON e.person_id = r.person_id AND e.id = r.entry_id "
        "GROUP BY r.person_id, e.day, r.region"
    )
    op.drop_index("ix_entry_person_day", "entry")
    op.create_index("ix_entry_person_day", "entry", ["person_id", "day", "at_utc", "pain"])


def downgrade() -> None:
    op.drop_index("ix_entry_person_day", "entry")
    op.create_index("ix_entry_person_day", "entry", ["person_id", "day"])
    op.drop_table("day_region")
    op.drop_table("day_pain")
