"""Named tuples and tuples to plain dicts and lists, ready for JSON."""

from __future__ import annotations

from typing import Any


def plain(value: Any) -> Any:
    """Named tuples to dicts and tuples to lists, recursively, so the result is JSON-ready."""
    if hasattr(value, "_asdict"):
        return {k: plain(v) for k, v in value._asdict().items()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value
