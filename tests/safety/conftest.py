"""Safety tests run on the fixture data (three red flags, four cautions) unless marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.load import compile_kb
from tests.kb.conftest import kb_dir as kb_dir


@pytest.fixture
def kb(kb_dir: Path) -> KnowledgeBase:
    return compile_kb(kb_dir)
