"""The web app over the real knowledge base, in process (no server, no browser)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
from fastapi.testclient import TestClient

from knotwork.adapters.web.app import create_app
from knotwork.adapters.web.diary_store import DiaryStore
from knotwork.config import load_settings
from knotwork.core.diary.when import fixed_clock
from knotwork.core.finder import FinderIndex, load_index
from knotwork.core.kb import load_kb
from knotwork.core.kb.base import KnowledgeBase

BASE = "http://127.0.0.1:8000"
T = TypeVar("T")


@pytest.fixture(scope="session")
def index(tmp_path_factory: pytest.TempPathFactory) -> FinderIndex:
    return load_index(cache_dir=Path(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """The full knowledge base (the finder's index holds a slimmer one)."""
    return load_kb(cache_dir=Path(tmp_path_factory.mktemp("kbcache")))


@pytest.fixture(scope="session")
def client(
    index: FinderIndex, kb: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    # A diary store of its own (the default ./knotwork.db would land in the checkout).
    store = f"sqlite:///{tmp_path_factory.mktemp('diary') / 'knotwork.db'}"
    app = create_app(load_settings({"KNOTWORK_DATABASE_URL": store}), index, kb)
    # The address `knotwork serve` runs at: the app answers only the host names it is meant
    # to be reached by (adapters/web/hosts.py), and TestClient's "testserver" is not one.
    with TestClient(app, raise_server_exceptions=False, base_url=BASE) as test_client:
        yield test_client


def answered(client: TestClient, text: str) -> str:
    """The results URL for ``text`` with every safety question answered no."""
    from urllib.parse import urlencode

    data = client.get("/check.json?" + urlencode({"text": text})).json()
    pairs = [("text", text)] + [(f"a_{q['id']}", "no") for q in data["questions"]]
    return "/results?" + urlencode(pairs)


def run_async(func: Callable[..., Awaitable[T]], *args: Any) -> T:
    """``anyio.run(func, *args)`` in a thread of its own: the browser tests' session keeps an
    event loop running in this one."""
    import anyio

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(anyio.run, func, *args).result()


DIARY_NOW = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)  # the diary tests' frozen "now"


@pytest.fixture
def diary_client(store_url: str, index: FinderIndex, kb: KnowledgeBase) -> Iterator[TestClient]:
    """The app on a new diary store of each backend, its clock frozen at ``DIARY_NOW``."""
    settings = load_settings(
        {"KNOTWORK_DATABASE_URL": store_url, "KNOTWORK_TIMEZONE": "Europe/London"}
    )
    holder = DiaryStore(store_url, clock=fixed_clock(DIARY_NOW))
    app = create_app(settings, index, kb, diary=holder)
    with TestClient(
        app, raise_server_exceptions=False, follow_redirects=False, base_url=BASE
    ) as client:
        yield client
    holder.close()
