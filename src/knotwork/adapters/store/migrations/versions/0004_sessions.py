"""Release sessions and routines.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
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
    _owned(
        "release_session",
        sa.Column("muscles", sa.Text, nullable=False),
        sa.Column("holds", sa.Text, nullable=False),
        sa.Column("pain_before", sa.SmallInteger),
        sa.Column("pain_after", sa.SmallInteger),
        sa.Column("rom_before", sa.SmallInteger),
        sa.Column("rom_after", sa.SmallInteger),
        sa.Column("ended", sa.String(12), nullable=False),
        sa.Column("stop_reason", sa.String(20)),
        sa.Column("routine", sa.String(32)),
        sa.Column("treatments", sa.Text, nullable=False),
    )
    op.create_index("ix_release_session_person_day", "release_session", ["person_id", "day"])
    _owned(
        "routine",
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("muscles", sa.Text, nullable=False),
        sa.Column("sides", sa.Text, nullable=False),
        sa.Column("every_days", sa.SmallInteger, nullable=False),
        sa.Column("at_time", sa.String(5), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("routine")
    op.drop_table("release_session")
