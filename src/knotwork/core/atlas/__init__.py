"""The body atlas: the controlled vocabulary of where it hurts, and its drawing.

``atlas()`` returns the validated atlas (from the compiled cache when fresh). Names are
imported on first use (PEP 562) so that importing the model alone stays cheap.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knotwork.core.paths import DATA_DIR

if TYPE_CHECKING:
    from knotwork.core.atlas.model import Atlas, Region, Side, View

__all__ = ["Atlas", "Region", "Side", "View", "atlas"]


@lru_cache(maxsize=4)
def atlas(data_dir: Path = DATA_DIR, cache_dir: Path | None = None) -> Atlas:
    """The validated atlas; from the compiled cache in ``cache_dir`` when fresh."""
    from knotwork.core.cache import cached
    from knotwork.core.kb.files import ATLAS

    def build() -> Atlas:
        from knotwork.core.atlas.load import load_atlas  # slow path: YAML and pydantic

        return load_atlas(data_dir)

    return cached("atlas", [data_dir / ATLAS], build, cache_dir)


def __getattr__(name: str) -> Any:
    if name in ("Atlas", "Region", "Side", "View"):
        from knotwork.core.atlas import model

        return getattr(model, name)
    raise AttributeError(name)
