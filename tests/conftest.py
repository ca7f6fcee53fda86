"""Shared fixtures: the real atlas and knowledge base, and a scratch copy of the data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knotwork.core.atlas.load import load_atlas
from knotwork.core.atlas.model import Atlas
from knotwork.core.paths import DATA_DIR

pytest_plugins = ["tests.stores"]


@pytest.fixture(scope="session")
def atlas() -> Atlas:
    return load_atlas()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data directory, to break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("_pending"))
    return target


@pytest.fixture(autouse=True)
def _isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the compiled cache of every test out of the user's home, and any diary a test
    opens from the environment out of the checkout."""
    monkeypatch.setenv("KNOTWORK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    diary = tmp_path_factory.getbasetemp() / "env-diary.db"
    monkeypatch.setenv("KNOTWORK_DATABASE_URL", f"sqlite:///{diary}")
