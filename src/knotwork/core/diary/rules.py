"""Small checks shared by the diary's records: each raises ``InvalidInput`` with one clear
sentence naming the field, so every surface reports the same words."""

from __future__ import annotations

from collections.abc import Iterable

from knotwork.core.errors import InvalidInput

# No short cap (people write a lot on bad days): about 1,300 words. The bound keeps any note,
# escaped as JSON (up to 6 bytes a character), inside the web app's 64 KB body limit.
MAX_NOTES = 8_000
MAX_NAME = 200


def score(value: object, field: str, low: int = 0, high: int = 10) -> int:
    """A whole number from ``low`` to ``high`` (booleans are not numbers here)."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(f"{field} must be a whole number {low} to {high}, not {value!r}.")
    return value


def optional_score(value: object, field: str, low: int = 0, high: int = 10) -> int | None:
    return None if value is None else score(value, field, low, high)


def count(value: object, field: str, high: int) -> int | None:
    """An optional positive whole number up to ``high`` (a dose)."""
    if value is None:
        return None
    return score(value, field, 1, high)


def choice(value: object, allowed: Iterable[str], field: str) -> str:
    options = tuple(allowed)
    if value not in options:
        raise InvalidInput(f"{field} must be one of {', '.join(options)}, not {value!r}.")
    assert isinstance(value, str)
    return value


def text(value: object, field: str, limit: int = MAX_NOTES) -> str:
    if not isinstance(value, str):
        raise InvalidInput(f"{field} must be text.")
    if len(value) > limit:
        raise InvalidInput(f"{field} is too long ({len(value)} characters; at most {limit}).")
    if "\x00" in value or (not value.isprintable() and not _encodable(value)):
        # A NUL or a lone surrogate cannot be stored as text (PostgreSQL refuses both).
        raise InvalidInput(f"{field} contains a character that cannot be stored.")
    return value


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def unique(values: Iterable[str], field: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise InvalidInput(f"{field} lists '{value}' twice.")
        seen.add(value)
