"""Many rows into one table at once: PostgreSQL's COPY (psycopg 3), or executemany on
SQLite (one prepared statement, run for every row, inside the caller's transaction)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert


def copy_rows(conn: Connection, table: Table, values: Sequence[dict[str, Any]]) -> None:
    if not values:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), list(values))
        return
    columns = list(values[0])
    names = ", ".join(columns)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
        for row in values:
            copy.write_row([row[c] for c in columns])
