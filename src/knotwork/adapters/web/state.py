"""What the web app holds in memory: settings and the finder index (knowledge base)."""

from __future__ import annotations

from dataclasses import dataclass

from knotwork.config import Settings
from knotwork.core.finder.index import FinderIndex
from knotwork.core.kb.base import KnowledgeBase


@dataclass(frozen=True, slots=True)
class AppState:
    settings: Settings
    index: FinderIndex

    @property
    def kb(self) -> KnowledgeBase:
        return self.index.kb
