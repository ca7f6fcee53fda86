"""The web app over the real knowledge base, in process (no server, no browser)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from knotwork.adapters.web.app import create_app
from knotwork.adapters.web.diary_store import DiaryStore
from knotwork.config import load_settings
from knotwork.core.diary.when import fixed_clock
from knotwork.core.finder import FinderIndex, load_index
from knotwork.core.kb import load_kb
from knotwork.core.kb.base import KnowledgeBase


@pytest.fixture(scope="session")
def index(tmp_path_factory: pytest.TempPathFactory) -> FinderIndex:
    return load_index(cache_dir=Path(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def client(index: FinderIndex, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    kb = load_kb(cache_dir=Path(tmp_path_factory.mktemp("kbcache")))
    # A diary store of its own (the default ./knotwork.db would land in the checkout).
    store = f"sqlite:///{tmp_path_factory.mktemp('diary') / 'knotwork.db'}"
    app = create_app(load_settings({"KNOTWORK_DATABASE_URL": store}), index, kb)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def answered(client: TestClient, text: str) -> str:
    """The results URL for ``text`` with every safety question answered no."""
    from urllib.parse import urlencode

    data = client.get("/check.json?" + urlencode({"text": text})).json()
    pairs = [("text", text)] + [(f"a_{q['id']}", "no") for q in data["questions"]]
    return "/results?" + urlencode(pairs)


DIARY_NOW = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)  # the diary tests' frozen "now"


@pytest.fixture(scope="session")
def full_kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture
def diary_client(
    store_url: str, index: FinderIndex, full_kb: KnowledgeBase
) -> Iterator[TestClient]:
    """The app on a new diary store of each backend, its clock frozen at ``DIARY_NOW``."""
    settings = load_settings(
        {"KNOTWORK_DATABASE_URL": store_url, "KNOTWORK_TIMEZONE": "Europe/London"}
    )
    holder = DiaryStore(store_url, clock=fixed_clock(DIARY_NOW))
    app = create_app(settings, index, full_kb, diary=holder)
    with TestClient(app, raise_server_exceptions=False, follow_redirects=False) as client:
        yield client
    holder.close()
