"""What every command needs: settings, a clock, and the atlas, knowledge base and diary
store opened lazily (a command that does not need the store never creates it)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from knotwork.config import Settings, load_settings

if TYPE_CHECKING:  # imported lazily at run time, so `knotwork --help` starts fast
    from knotwork.adapters.store.store import Store
    from knotwork.core.atlas.model import Atlas
    from knotwork.core.diary.service import Diary
    from knotwork.core.diary.when import Clock
    from knotwork.core.finder.index import FinderIndex
    from knotwork.core.kb.base import KnowledgeBase
    from knotwork.core.release.service import Release


class Context:
    """Settings, and the data a command needs, loaded on first use."""

    def __init__(self, settings: Settings | None = None, clock: Clock | None = None) -> None:
        self.settings = settings or load_settings()
        self._clock = clock

    @cached_property
    def kb(self) -> KnowledgeBase:
        from knotwork.core.kb import load_kb

        return load_kb(cache_dir=self.settings.cache_dir)

    @cached_property
    def finder(self) -> FinderIndex:
        from knotwork.core.finder.index import load_index

        return load_index(cache_dir=self.settings.cache_dir)

    @cached_property
    def atlas(self) -> Atlas:
        from knotwork.core.atlas import atlas

        return atlas(cache_dir=self.settings.cache_dir)

    @cached_property
    def store(self) -> Store:
        from knotwork.adapters.store.store import open_store

        return open_store(self.settings.database_url)

    @cached_property
    def diary(self) -> Diary:
        from knotwork.core.diary.service import Diary
        from knotwork.core.diary.when import system_clock

        repo = self.store.repository()
        return Diary(repo, self.kb, self._clock or system_clock, self.settings.timezone)

    @cached_property
    def sessions(self) -> Release:
        from knotwork.core.diary.when import system_clock
        from knotwork.core.release.service import Release

        repo = self.store.sessions()
        return Release(repo, self.kb, self._clock or system_clock, self.settings.timezone)
