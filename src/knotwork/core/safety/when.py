"""When a person says something happened: recent events, and those said as long ago.

An injury, an operation or an illness matters for safety only while it is recent: "I fell off a
ladder as a kid" is not a fall to check for a broken bone, and "surgery on my knee two months
ago" is past the six weeks a surgical site is protected. A flag or caution marked ``recent`` is
matched only in the clauses that do not date what they say past its horizon. Without a date,
an event counts: the safe reading.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.core.safety.textmatch import Clauses, Word, in_clause, kept, phrase_words

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


def days_ago(clause: Sequence[Word]) -> float | None:
    """How long ago the clause dates what it says, in days: "3 weeks ago", "a couple of
    months ago", "last month", "yesterday". None when it gives no date."""
    said = [w.text for w in clause]
    for i, word in enumerate(said):
        if word == "yesterday":
            return 1
        if word == "last" and i + 1 < len(said) and said[i + 1] in LAST:
            return LAST[said[i + 1]]
        if word == "ago" and i > 0:
            unit = _unit(said[i - 1])
            if unit is not None:
                # "a couple of days ago": "of" is dropped as a filler word already.
                return unit * _number(said[i - 2] if i > 1 else "")
    return None


def _unit(word: str) -> float | None:
    return UNIT_DAYS.get(word[:-1] if word.endswith("s") else word)


def _number(word: str) -> float:
    """ "3", "three", "couple"; a missing or unread number is one ("a week ago")."""
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word, 1)


def past_horizon(clause: Sequence[Word], within_days: int | None) -> bool:
    """Does the clause date what it says long ago, or further back than ``within_days``?"""
    if any(in_clause(clause, when, False) for when in LONG_AGO):
        return True
    ago = days_ago(clause) if within_days is not None else None
    return ago is not None and within_days is not None and ago > within_days


def recent_only(clauses: Clauses, within_days: int | None = None) -> Clauses:
    """The clauses that do not date what they say past the horizon: a recent event's
    statement is matched in these alone ("a car crash years ago, and I fell down the stairs
    today" still says a fall)."""
    return kept(clauses, lambda clause: not past_horizon(clause, within_days))
