"""The finder: from where it hurts to the muscles most likely behind it, with reasons."""

from knotwork.core.finder.find import find
from knotwork.core.finder.index import FinderIndex, build_index, load_index
from knotwork.core.finder.query import Mark, Query

__all__ = ["FinderIndex", "Mark", "Query", "build_index", "find", "load_index"]
