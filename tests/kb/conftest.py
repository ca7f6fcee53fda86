"""A small knowledge base: the real atlas, vocabularies and bibliography, two test muscles."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from knotwork.core.paths import DATA_DIR

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR / "atlas", target / "atlas")
    shutil.copytree(DATA_DIR / "vocab", target / "vocab")
    shutil.copy(DATA_DIR / "bibliography.yaml", target / "bibliography.yaml")
    shutil.copy(DATA_DIR / "evidence.yaml", target / "evidence.yaml")
    shutil.copytree(FIXTURES / "muscles", target / "muscles")
    shutil.copytree(FIXTURES / "safety", target / "safety")
    return target


@pytest.fixture
def edit(kb_dir: Path) -> Callable[[str, str, str], None]:
    """Replace text in one fixture muscle file (asserting the text is there)."""

    def change(muscle: str, old: str, new: str) -> None:
        replace_in(kb_dir / "muscles" / f"{muscle}.yaml", old, new)

    return change


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a fixture file with ``new`` (asserting it is there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
