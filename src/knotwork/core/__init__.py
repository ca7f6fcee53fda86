"""The pure domain core of Knotwork.

Nothing in this package may import ``knotwork.adapters`` or a web, CLI or storage framework:
the core must stay usable from any surface and testable without one.
"""
