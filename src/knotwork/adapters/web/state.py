"""What the web app holds in memory: settings, the finder index (knowledge base) and the
diary store."""

from __future__ import annotations

from dataclasses import dataclass

from knotwork.adapters.web.diary_store import DiaryStore
from knotwork.config import Settings
from knotwork.core.finder.index import FinderIndex
from knotwork.core.kb.base import KnowledgeBase


@dataclass(frozen=True, slots=True)
class AppState:
    settings: Settings
    index: FinderIndex  # what the finder needs (a slim copy of the knowledge base)
    kb: KnowledgeBase  # everything, for the muscle and evidence pages
    diary: DiaryStore  # the diary store, opened on first use
