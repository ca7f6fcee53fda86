"""Finder results saved into the diary.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "finding",
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("at_utc", sa.DateTime, nullable=False),
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("person_id", "id", name="pk_finding"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.person_id"], name="fk_finding_person_id_person"
        ),
    )
    op.create_index("ix_finding_person_day", "finding", ["person_id", "day"])


def downgrade() -> None:
    op.drop_table("finding")
