"""What the words say about the person that decides whether a question is worth asking: an
age stated in the first person ("I'm 34", "34F", "in my forties"), and saying one is a man.

Only what rules a question out is read, and only when said of oneself: a relative's age ("my
mum is 72") or a guess could drop a question that matters, so anything less plain reads as
nothing. The one reading of the complaint (issue 14, item 1) is to supply these facts; until
then this small reader does, and nothing else depends on how.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Facts(NamedTuple):
    # The oldest the person can be by their words (34 for "I'm 34", 49 for "in my forties"):
    # a question that only counts from an older age is not asked.
    age_at_most: int | None = None
    male: bool = False


NOTHING = Facts()

_UNITS = r"(?!\s*(?:-\s*)?(?:weeks?|wks?|days?|months?|hours?|hrs?|mins?|minutes?|kg|kilos?|lbs?|"
_UNITS += r"pounds?|stone|st\b|feet|foot|ft|cm|%|percent|times|miles?|km|mg|ml|x\b))"
_SELF = r"(?:i am|i'm|i\u2019m|im)"
_AGE = [
    # "I'm 34", "I am a 71 year old", "I'm 68 and ..."
    re.compile(rf"\b{_SELF}\s+(?:an?\s+)?(\d{{1,3}})\b{_UNITS}"),
    # "34F", "21M", "68 yo", "68-year-old" opening the words (a clinician's note, a headline)
    re.compile(r"^\s*(\d{1,3})\s*(?:[mf]\b|y/?o\b|yrs?\b|-?\s*years?[- ]old\b)"),
    # "age 45", "aged 45" opening the words
    re.compile(r"^\s*aged?\s*:?\s*(\d{1,3})\b"),
]
_DECADE = re.compile(
    rf"\b{_SELF}\s+in\s+my\s+(?:(early|mid|late)\s+)?"
    r"(teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|[2-9]0s)\b"
)
_DECADES = {
    "teens": 19,
    "twenties": 29,
    "thirties": 39,
    "forties": 49,
    "fifties": 59,
    "sixties": 69,
    "seventies": 79,
    "eighties": 89,
    "nineties": 99,
}
_MALE = re.compile(
    rf"\b{_SELF}\s+an?\s+(?:\d{{1,3}}[- ]?(?:year|yr)s?[- ]old\s+)?"
    r"(?:man|guy|bloke|male|gentleman|lad)\b|^\s*\d{1,3}\s*m\b"
)


def facts_from(text: str) -> Facts:
    low = text.lower()
    return Facts(_age_at_most(low), bool(_MALE.search(low)))


def _age_at_most(low: str) -> int | None:
    ages = {int(m.group(1)) for pattern in _AGE for m in pattern.finditer(low)}
    for m in _DECADE.finditer(low):
        decade = m.group(2)
        ages.add(_DECADES.get(decade) or int(decade[:-1]) + 9)
    ages = {a for a in ages if 5 <= a <= 120}
    # Two different ages said of oneself: one of them is about something else; read neither.
    return ages.pop() if len(ages) == 1 else None
