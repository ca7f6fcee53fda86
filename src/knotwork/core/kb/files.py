"""Names of the knowledge data files (kept apart so the cache check imports nothing heavy)."""

from __future__ import annotations

from pathlib import Path

MUSCLES_DIR = "muscles"
BIBLIOGRAPHY = "bibliography.yaml"
SYMPTOMS = "vocab/symptoms.yaml"
CONTEXTS = "vocab/contexts.yaml"
ATLAS = "atlas/regions.yaml"
BODY_WORDS = "vocab/body-words.yaml"
PATHS = "vocab/paths.yaml"
EVERYDAY = "vocab/everyday-words.yaml"
EVIDENCE = "evidence.yaml"
FIXED = (
    ATLAS,
    BIBLIOGRAPHY,
    SYMPTOMS,
    CONTEXTS,
    BODY_WORDS,
    PATHS,
    EVERYDAY,
    EVIDENCE,
    "safety/areas.yaml",
    "safety/cautions.yaml",
    "safety/concepts.yaml",
    "safety/groups.yaml",
)


def source_files(data_dir: Path) -> list[Path]:
    """Every data file the knowledge base is built from (the cache key covers them all)."""
    return [
        *(data_dir / name for name in FIXED),
        *sorted((data_dir / "safety" / "redflags").glob("*.yaml")),
        *sorted((data_dir / MUSCLES_DIR).glob("*.yaml")),
    ]
