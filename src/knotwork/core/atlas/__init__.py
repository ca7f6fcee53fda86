"""The body atlas: the controlled vocabulary of where it hurts, and its drawing."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from knotwork.core.atlas.model import Atlas, Region, Side, View
from knotwork.core.cache import cached
from knotwork.core.kb.files import ATLAS
from knotwork.core.paths import DATA_DIR

__all__ = ["Atlas", "Region", "Side", "View", "atlas"]


@lru_cache(maxsize=4)
def atlas(data_dir: Path = DATA_DIR, cache_dir: Path | None = None) -> Atlas:
    """The validated atlas; from the compiled cache in ``cache_dir`` when fresh."""

    def build() -> Atlas:
        from knotwork.core.atlas.load import load_atlas  # slow path: YAML and pydantic

        return load_atlas(data_dir)

    return cached("atlas", [data_dir / ATLAS], build, cache_dir)
