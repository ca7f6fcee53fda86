"""Diary values written as short text, the way the command line (and links) give them:

back-of-neck-right:6:aching,stiff    a region, its pain and qualities
5,4,6                                 PEG-3: pain, enjoyment of life, general activity
"""

from __future__ import annotations

from knotwork.core.diary.model import Peg, RegionRating
from knotwork.core.errors import InvalidInput


def whole(text: str, what: str) -> int:
    value = text.strip()
    if not value.lstrip("-").isdigit():
        raise InvalidInput(f"{what} must be a whole number, not '{text}'.")
    return int(value)


def region_rating(text: str) -> RegionRating:
    """``REGION:PAIN[:QUALITY,QUALITY]``."""
    parts = text.strip().split(":")
    if len(parts) not in (2, 3) or not parts[0]:
        raise InvalidInput(f"'{text}' is not REGION:PAIN[:QUALITY,...] (e.g. calf-left:6:aching).")
    qualities = (
        tuple(q.strip() for q in parts[2].split(",") if q.strip()) if len(parts) == 3 else ()
    )
    return RegionRating(parts[0], whole(parts[1], f"Pain in '{text}'"), qualities)


def region_text(rating: RegionRating) -> str:
    tail = f":{','.join(rating.qualities)}" if rating.qualities else ""
    return f"{rating.region}:{rating.pain}{tail}"


def peg(text: str) -> Peg:
    """``PAIN,ENJOYMENT,ACTIVITY``, each 0-10."""
    parts = text.split(",")
    if len(parts) != 3:
        raise InvalidInput(f"PEG is three numbers 0-10, PAIN,ENJOYMENT,ACTIVITY, not '{text}'.")
    pain, enjoyment, activity = (whole(p, "Each PEG answer") for p in parts)
    return Peg(pain, enjoyment, activity)


def hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InvalidInput(f"Sleep hours must be a number, not '{text}'.") from None
    if value != value:  # NaN
        raise InvalidInput("Sleep hours must be a number.")
    return value
