"""Knotwork: find the muscles behind your pain, screen for red flags, release trigger points safely.

The package is layered: ``knotwork.core`` is the pure domain (atlas, knowledge base, finder,
safety, release, diary); ``knotwork.adapters`` holds the thin surfaces around it (CLI, web,
storage). The core never imports an adapter; ``tests/test_layering.py`` enforces that.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
