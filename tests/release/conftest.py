from __future__ import annotations

import pytest

from knotwork.core.kb import load_kb
from knotwork.core.kb.base import KnowledgeBase


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()
