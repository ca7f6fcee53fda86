"""The store's half of an import: all the records in one transaction, or none (on SQLite's
executemany and PostgreSQL's COPY alike)."""

from __future__ import annotations

import pytest

from knotwork.adapters.store.store import open_store
from knotwork.core.diary.repository import Contents
from knotwork.core.errors import InvalidInput
from tests import personas


def test_add_all_adds_everything_or_nothing(store_url: str) -> None:
    store = open_store(store_url)
    try:
        repo = store.repository()
        ravi = personas.ravi()
        first = Contents(ravi.entries[:10], ravi.treatments[:5])
        repo.add_all(first)
        assert repo.counts() == {"entry": 10, "treatment": 5, "impression": 0, "finding": 0}
        sums = repo.day_pain(ravi.entries[0].when.day, ravi.entries[-1].when.day)
        clash = Contents([*ravi.entries[10:20], ravi.entries[3]])
        with pytest.raises(InvalidInput, match="already in the diary; nothing was added"):
            repo.add_all(clash)
        assert repo.counts()["entry"] == 10
        assert repo.day_pain(ravi.entries[0].when.day, ravi.entries[-1].when.day) == sums
        after = repo.contents()
        key = lambda r: (r.when.utc, r.id)  # noqa: E731
        assert list(after.entries) == sorted(first.entries, key=key)
        assert list(after.treatments) == sorted(first.treatments, key=key)
    finally:
        store.close()
