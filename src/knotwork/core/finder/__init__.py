"""The finder: from where it hurts to the muscles most likely behind it, with reasons.

Names are imported on first use (PEP 562), so ``import knotwork.core.finder.query`` from a
command-line start does not pay for the whole finder.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knotwork.core.finder.engine import find
    from knotwork.core.finder.index import FinderIndex, build_index, load_index
    from knotwork.core.finder.query import Mark, Query

__all__ = ["FinderIndex", "Mark", "Query", "build_index", "find", "load_index"]
_WHERE = {
    "find": "engine",
    "FinderIndex": "index",
    "build_index": "index",
    "load_index": "index",
    "Mark": "query",
    "Query": "query",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"knotwork.core.finder.{_WHERE[name]}"), name)
    raise AttributeError(name)
