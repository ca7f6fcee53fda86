"""Fair tests (n-of-1): one row per test, its plan and how it ended.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fair_test",
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("at_utc", sa.DateTime, nullable=False),
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("start_day", sa.Date, nullable=False),
        sa.Column("a_name", sa.String(80), nullable=False),
        sa.Column("a_kind", sa.String(20)),
        sa.Column("a_muscle", sa.String(60)),
        sa.Column("b_name", sa.String(80), nullable=False),
        sa.Column("b_kind", sa.String(20)),
        sa.Column("b_muscle", sa.String(60)),
        sa.Column("outcome", sa.String(8), nullable=False),
        sa.Column("seed", sa.Integer, nullable=False),
        sa.Column("orders", sa.String(64), nullable=False),
        sa.Column("first_blocks", sa.SmallInteger, nullable=False),
        sa.Column("period_days", sa.SmallInteger, nullable=False),
        sa.Column("washout_days", sa.SmallInteger, nullable=False),
        sa.Column("stopped_on", sa.Date),
        sa.Column("stop_reason", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("person_id", "id", name="pk_fair_test"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.person_id"], name="fk_fair_test_person_id_person"
        ),
    )


def downgrade() -> None:
    op.drop_table("fair_test")
