"""Fixtures for the store tests: a person of their own in the shared store of each backend,
the knowledge base, and a diary on a frozen clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knotwork.adapters.store.repository import SqlDiary
from knotwork.adapters.store.store import Store
from knotwork.core.diary.service import Diary
from knotwork.core.diary.when import fixed_clock
from knotwork.core.kb import load_kb
from knotwork.core.kb.base import KnowledgeBase
from tests.stores import new_person

NOW = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture
def store(shared_store: Store) -> Store:
    return shared_store


@pytest.fixture
def repo(store: Store) -> SqlDiary:
    return store.repository(new_person(store))


@pytest.fixture
def diary(repo: SqlDiary, kb: KnowledgeBase) -> Diary:
    return Diary(repo, kb, fixed_clock(NOW), "Europe/London")
