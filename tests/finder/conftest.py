"""The finder over the small fixture knowledge base (two muscles) for unit tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from knotwork.core.finder import FinderIndex, build_index
from knotwork.core.kb.load import compile_kb
from tests.kb.conftest import kb_dir as kb_dir


@pytest.fixture
def tiny(kb_dir: Path) -> FinderIndex:
    return build_index(compile_kb(kb_dir))
