"""The next-morning check: "how sore is it today?" 0-10, kept in the diary as the treatment's
next-day soreness, read as a traffic light.

The bands are the traffic-light convention physiotherapists use with exercise (green 0-3: it
settles; yellow 4-5: ease off; red 6-10: too much). It is a practical convention, not a
tested rule, and Knotwork uses it only to hold back, never to push on.
"""

from __future__ import annotations

from typing import Literal

from knotwork.core.diary import rules

Light = Literal["green", "yellow", "red"]
# The diary keeps next-day soreness as a word (none, mild, moderate, severe).
WORD_OF_SCORE = ((0, "none"), (3, "mild"), (5, "moderate"), (10, "severe"))
LIGHT_OF_WORD: dict[str, Light] = {
    "none": "green",
    "mild": "green",
    "moderate": "yellow",
    "severe": "red",
}
ADVICE: dict[Light, str] = {
    "green": "Green: that soreness settles. Carry on with the same dose.",
    "yellow": "Yellow: ease off. Use lighter pressure next time; if it is still this sore "
    "tomorrow, leave that muscle for a day.",
    "red": "Red: too much. Rest that muscle for two days, then start again with lighter "
    "pressure and shorter holds.",
}
REST_DAYS = 2  # a red morning holds that muscle for two days (the day of the check and the next)


def soreness_word(score: int) -> str:
    """0-10 as the diary's word: 0 none, 1-3 mild, 4-5 moderate, 6-10 severe."""
    rules.score(score, "How sore it is today")
    return next(word for top, word in WORD_OF_SCORE if score <= top)


def light(word: str) -> Light:
    return LIGHT_OF_WORD[word]
