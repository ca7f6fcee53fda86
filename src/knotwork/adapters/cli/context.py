"""What every command needs: settings, and the atlas and knowledge base loaded lazily."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from knotwork.config import Settings, load_settings

if TYPE_CHECKING:  # imported lazily at run time, so `knotwork --help` starts fast
    from knotwork.core.atlas.model import Atlas
    from knotwork.core.finder.index import FinderIndex
    from knotwork.core.kb.base import KnowledgeBase


class Context:
    """Settings, and the data a command needs, loaded on first use."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()

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
