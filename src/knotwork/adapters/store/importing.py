"""The store's side of ``knotwork import``: records, release sessions, routines and fair
tests added in one transaction (``SqlSessions`` carries the sessions and routines; this adds
the fair tests to the same bulk insert)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from knotwork.adapters.store import tables
from knotwork.adapters.store.bulk import copy_rows
from knotwork.adapters.store.fairtests import SqlFairTests
from knotwork.adapters.store.sessions import SqlSessions
from knotwork.core.diary.repository import Contents
from knotwork.core.fairtest.plan import FairTest


class SqlImport(SqlSessions):
    _tests: Sequence[FairTest] = ()

    def fair_tests(self) -> list[FairTest]:
        return SqlFairTests(self.engine, self.person).tests()

    def carry_tests(self, tests: Sequence[FairTest]) -> None:
        self._tests = tests

    def bulk_insert(self, conn: Connection, contents: Contents) -> None:
        super().bulk_insert(conn, contents)
        fair = SqlFairTests(self.engine, self.person)
        copy_rows(conn, tables.fair_test, [fair._values(t) for t in self._tests])
        self._tests = ()
