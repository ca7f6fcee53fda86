"""When a person says something happened: recent events, and those said as long ago.

An injury, an operation or an illness matters for safety only while it is recent: "I fell off a
ladder as a kid" is not a fall to check for a broken bone, and "surgery on my knee two months
ago" is past the six weeks a surgical site is protected. A flag or caution marked ``recent``
counts only when its event (the first group of its statement) is said at least once in a clause
that does not date it past its horizon. Without a date, an event counts: the safe reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from knotwork.core.finder.words import NEGATIONS
from knotwork.core.safety.textmatch import (
    Clauses,
    Word,
    find_phrase,
    in_clause,
    match_groups,
    phrase_words,
)

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


def long_ago(
    clauses: Clauses, phrases: Iterable[tuple[str, ...]], within_days: int | None = None
) -> bool:
    """Is every clause that says one of these phrases dated past the horizon? False when none
    is said, or one is said in a clause not dated so ("a car crash years ago, and I fell down
    the stairs today")."""
    wanted = list(phrases)
    saying = [
        c
        for c in clauses
        if any(in_clause(c, want, any(w in NEGATIONS for w in want)) for want in wanted)
    ]
    return bool(saying) and all(past_horizon(c, within_days) for c in saying)


def match_recent(
    clauses: Clauses,
    groups: Sequence[Sequence[str]],
    phrases: Mapping[str, tuple[str, ...]],
    within_days: int | None = None,
) -> list[str] | None:
    """``match_groups`` for a recent event: its first group, the event, must be said at least
    once without dating it past the horizon; that phrase is reported."""
    found = match_groups(clauses, groups, phrases)
    if found is None:
        return None
    fresh = (
        p
        for p in groups[0]
        if find_phrase(clauses, phrases[p]) and not long_ago(clauses, [phrases[p]], within_days)
    )
    event = next(fresh, None)
    return None if event is None else [event, *found[1:]]
