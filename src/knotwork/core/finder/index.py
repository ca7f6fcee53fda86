"""Everything the finder precomputes from the knowledge base (cached with it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from knotwork.core.cache import cached
from knotwork.core.finder.lexicon import Lexicon, build_lexicon
from knotwork.core.finder.patterns import Pattern, build_patterns, region_index
from knotwork.core.kb import load_kb
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.files import source_files
from knotwork.core.paths import DATA_DIR


@dataclass(frozen=True, slots=True)
class FinderIndex:
    kb: KnowledgeBase
    lexicon: Lexicon
    patterns: dict[str, dict[str, Pattern]]
    by_region: dict[str, set[str]]


def build_index(kb: KnowledgeBase) -> FinderIndex:
    patterns = build_patterns(kb)
    return FinderIndex(kb, build_lexicon(kb), patterns, region_index(patterns))


def load_index(data_dir: Path = DATA_DIR, cache_dir: Path | None = None) -> FinderIndex:
    """The knowledge base with the finder's lexicon and patterns, from one compiled cache."""

    def build() -> FinderIndex:
        return build_index(load_kb(data_dir, None))

    return cached("finder", source_files(data_dir), build, cache_dir)
