"""The web app's diary store: opened once (``knotwork serve`` opens it before listening, so a
store it cannot use stops the server with one line), and a fresh repository and use-case
object per request (they hold per-request state; the engine is shared and thread-safe)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from fastapi import Request

from knotwork.core.diary.service import Diary
from knotwork.core.diary.when import Clock, system_clock

if TYPE_CHECKING:
    from knotwork.adapters.store.store import Store
    from knotwork.config import Settings
    from knotwork.core.kb.base import KnowledgeBase


class DiaryStore:
    def __init__(self, url: str, store: Store | None = None, clock: Clock = system_clock) -> None:
        self.url = url
        self.clock = clock
        self._store = store
        self._lock = threading.Lock()

    def open(self) -> Store:
        """The store, opened (created and migrated) on first use."""
        if self._store is None:
            with self._lock:
                if self._store is None:
                    from knotwork.adapters.store.store import open_store

                    self._store = open_store(self.url)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def diary(request: Request, zone: str | None = None) -> Diary:
    """The local person's diary for this request, in ``zone`` (else the server's zone)."""
    state = request.app.state.knotwork
    holder: DiaryStore = state.diary
    settings: Settings = state.settings
    kb: KnowledgeBase = state.kb
    repo = holder.open().repository()
    return Diary(repo, kb, holder.clock, zone or settings.timezone)
