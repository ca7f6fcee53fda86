"""Names of the knowledge data files (kept apart so the cache check imports nothing heavy)."""

from __future__ import annotations

from pathlib import Path

MUSCLES_DIR = "muscles"
BIBLIOGRAPHY = "bibliography.yaml"
SYMPTOMS = "vocab/symptoms.yaml"
CONTEXTS = "vocab/contexts.yaml"
ATLAS = "atlas/regions.yaml"


def source_files(data_dir: Path) -> list[Path]:
    """Every data file the knowledge base is built from (the cache key covers them all)."""
    fixed = [data_dir / ATLAS, data_dir / BIBLIOGRAPHY, data_dir / SYMPTOMS, data_dir / CONTEXTS]
    return fixed + sorted((data_dir / MUSCLES_DIR).glob("*.yaml"))
