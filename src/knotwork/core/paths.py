"""Where the shipped data lives (package data, so `pip install` alone gives a working tool)."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
