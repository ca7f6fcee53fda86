"""The knowledge base: what Knotwork knows about each muscle, validated and indexed."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from knotwork.core.cache import cached
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.files import source_files
from knotwork.core.paths import DATA_DIR

__all__ = ["KnowledgeBase", "load_kb"]


@lru_cache(maxsize=4)
def load_kb(data_dir: Path = DATA_DIR, cache_dir: Path | None = None) -> KnowledgeBase:
    """The validated knowledge base; from the compiled cache in ``cache_dir`` when fresh."""

    def build() -> KnowledgeBase:
        from knotwork.core.kb.load import compile_kb  # slow path: YAML and pydantic

        return compile_kb(data_dir)

    return cached("kb", source_files(data_dir), build, cache_dir)
