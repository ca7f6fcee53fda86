"""When a person says something happened: recent events, and those said as long ago.

An injury, an operation or an illness matters for safety only while it is recent: "I fell off a
ladder as a kid" is not a fall to check for a broken bone, and "surgery on my knee two months
ago" is past the six weeks a surgical site is protected. A flag or caution marked ``recent`` is
matched only in the clauses that do not date what they say past its horizon. Without a date,
an event counts: the safe reading.

A month or a year ("surgery in March", "a car crash in 2019") is read against today's date, as
the nearest past time it can mean, and at its latest day: the event is taken to be as recent as
the words allow, which is again the safe reading.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

from knotwork.core.reading.context import Word, word_matches
from knotwork.core.reading.tokens import phrase_words

if TYPE_CHECKING:
    from knotwork.core.reading.complaint import Complaint

# Said with an event, these date it long ago ("a car accident years ago").
LONG_AGO = tuple(
    phrase_words(p)
    for p in (
        "years ago",
        "year ago",
        "last year",
        "long time ago",
        "long ago",
        "decades ago",
        "years back",
        "way back",
        "as a child",
        "as a kid",
        "when i was young",
        "when i was little",
        "when i was a kid",
        "when i was a child",
        "in my teens",
    )
)
UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "couple": 2,
    "few": 3,
    "several": 4,
}
LAST = {"week": 7, "month": 30, "year": 365, "night": 1}
NOW = frozenset({"today", "tonight", "recently", "just"})  # not "now": "now my neck hurts"
MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
# Month names that are also everyday words ("I may have", "we march", "Jan" the person): a
# date only where the words around them make it one.
ALSO_WORDS = frozenset({"may", "march", "mar", "jan", "jun", "sep", "dec", "oct", "nov", "apr"})
DATE_BEFORE = frozenset({"last", "since", "early", "late", "mid", "back", "end", "start"})
# Dated further back than this, an event is long ago for a flag or caution with no horizon of
# its own: about a year, as "last year" and "years ago" are.
LONG_AGO_DAYS = 360


def days_ago(clause: Sequence[Word], today: date | None = None) -> float | None:
    """How long ago the clause dates what it says, in days: "3 weeks ago", "a couple of
    months ago", "last month", "yesterday", "in March", "in 2019", "3rd November". None when
    it gives no date, or only dates to come. With several dates, the most recent: a clause
    can date two things, and the safe reading keeps the recent one."""
    said = [w.text for w in clause]
    found = [*_relative(said), *_calendar(said, today or date.today())]
    return min(found) if found else None


def _relative(said: Sequence[str]) -> Iterator[float]:
    for i, word in enumerate(said):
        if word in NOW:
            yield 0
        elif word == "yesterday":
            yield 1
        elif word == "last" and i + 1 < len(said) and said[i + 1] in LAST:
            yield LAST[said[i + 1]]
        elif word == "ago" and i > 0:
            unit = _unit(said[i - 1])
            if unit is not None:
                # "a couple of days ago": "of" is dropped as a filler word already.
                yield unit * _number(said[i - 2] if i > 1 else "")


def _calendar(said: Sequence[str], today: date) -> Iterator[float]:
    """The days since the latest day each month or year said could mean ("in March" said in
    November: since the 31st of March; "in December": since last December; "2019": since the
    end of 2019). A day of the month narrows it ("3rd November"). Dates to come are skipped."""
    for i, word in enumerate(said):
        before = said[i - 1] if i else ""
        after = said[i + 1] if i + 1 < len(said) else ""
        month = MONTHS.get(word)
        days: float | None = None
        if month is not None and _is_date(word, before, after):
            year = _year(after) or _year(said[i + 2] if i + 2 < len(said) else "")
            days = _since(today, month, _day(before) or _day(after), year)
        elif (year := _year(word)) is not None and not _dates_year(before):
            days = _since_year(today, year)
        if days is not None:
            yield days


def _dates_year(before: str) -> bool:
    """A year after a month or a day was read with them; a birth year dates the person."""
    return before in MONTHS or _day(before) is not None or before == "born"


def _is_date(word: str, before: str, after: str) -> bool:
    if word not in ALSO_WORDS:
        return True
    # "in may" ends its clause (a filler "in" is dropped); "may have" is a verb.
    return not after or before in DATE_BEFORE or bool(_day(before) or _day(after) or _year(after))


def _day(word: str) -> int | None:
    digits = word.rstrip("stndrh")  # 3rd, 21st, 2nd, 4th
    if (digits.isdigit() and digits != word) or (word.isdigit() and len(word) <= 2):
        day = int(digits)
        return day if 1 <= day <= 31 else None
    return None


def _year(word: str) -> int | None:
    if len(word) == 4 and word.isdigit() and word[:2] in ("19", "20"):
        return int(word)
    return None


def _since(today: date, month: int, day: int | None, year: int | None) -> float | None:
    """Days from the latest day meant to today (none for this month); None for a date still
    to come."""
    if year is None:  # the nearest such month not after today's
        year = today.year if (month, day or 1) <= (today.month, today.day) else today.year - 1
    if (year, month, day or 1) > (today.year, today.month, today.day):
        return None
    last = calendar.monthrange(year, month)[1]
    latest = date(year, month, min(day, last) if day else last)
    return max(0, (today - latest).days)


def _since_year(today: date, year: int) -> float | None:
    if year > today.year:
        return None
    return max(0, (today - date(year, 12, 31)).days)


def _unit(word: str) -> float | None:
    return UNIT_DAYS.get(word[:-1] if word.endswith("s") else word)


def _number(word: str) -> float:
    """ "3", "three", "couple"; a missing or unread number is one ("a week ago")."""
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word, 1)


def past_horizon(
    clause: Sequence[Word], within_days: int | None, today: date | None = None
) -> bool:
    """Does the clause date what it says long ago, or further back than ``within_days``?
    Not when it also dates something within it ("a crash years ago and a fall yesterday"):
    the recent one may be what matters."""
    ago = days_ago(clause, today)
    horizon = LONG_AGO_DAYS if within_days is None else within_days
    if ago is not None and ago <= horizon:
        return False
    return ago is not None or any(_in_clause(clause, when) for when in LONG_AGO)


def _in_clause(clause: Sequence[Word], want: tuple[str, ...]) -> bool:
    """The words of ``want`` one after another in the clause ("years ago")."""
    said = [w.text for w in clause]
    return any(
        all(word_matches(t, p) for t, p in zip(said[i : i + len(want)], want, strict=True))
        for i in range(len(said) - len(want) + 1)
    )


def recent_only(
    complaint: Complaint, within_days: int | None = None, today: date | None = None
) -> Complaint:
    """The complaint with only the clauses that do not date what they say past the
    horizon: a recent event's statement is matched in these alone ("a car crash years ago,
    and I fell down the stairs today" still says a fall)."""
    return complaint.only(lambda clause: not past_horizon(clause, within_days, today))
