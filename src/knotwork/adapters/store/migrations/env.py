"""Alembic's entry point: migrations always run on a connection Knotwork opened (never from
an ini file), in batch mode so SQLite can alter tables."""

from __future__ import annotations

from alembic import context

from knotwork.adapters.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
