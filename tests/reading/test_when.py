"""When things were said to happen: dates read from the words, and the recent-event rule."""

from __future__ import annotations

from datetime import date

import pytest

from knotwork.core.reading.complaint import Complaint, read
from knotwork.core.reading.context import clauses
from knotwork.core.reading.index import PhraseIndex
from knotwork.core.reading.tokens import phrase_words
from knotwork.core.reading.when import days_ago, recent_only
from knotwork.core.safety.textmatch import match_groups


def words(text: str, *phrases: str) -> Complaint:
    return read(text, PhraseIndex(phrase_words(p) for p in phrases))


def find_phrase(complaint: Complaint, phrase: tuple[str, ...]) -> bool:
    return complaint.said(phrase)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("I had surgery 3 weeks ago", 21),
        ("two months ago", 60),
        ("a couple of days ago", 2),
        ("a week ago", 7),
        ("a fortnight ago", 14),
        ("last month", 30),
        ("yesterday", 1),
        ("last night", 1),
        ("48 hours ago", 2),
        ("I had surgery", None),
        ("last of all", None),
    ],
)
def test_a_date_is_read_in_days(text: str, days: float | None) -> None:
    assert days_ago(clauses(text)[0]) == days


TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # A month is read as its nearest past occurrence, at its latest day (the safe reading).
        ("I had knee surgery in March", 241),
        ("surgery in october", 27),
        ("surgery last october", 27),
        ("an operation this November", 0),
        ("surgery in December", 331),  # said in November: last December
        ("knee op in sept", 58),
        ("surgery on 3rd November", 24),
        ("surgery on the 3rd of December 2025", 359),
        ("surgery in March 2025", 606),
        # A year: since its last day; this year is now.
        ("a car accident in 2019", 2523),
        ("surgery in 2026", 0),
        # Dates to come, and words that only look like dates, give none.
        ("surgery planned for May 2027", None),
        ("I may have pulled something", None),
        ("I march in a band", None),
        ("I was born in 1985", None),
        # Several dates in one clause: the most recent.
        ("a crash 2 years ago and a fall yesterday", 1),
        ("I slipped today", 0),
    ],
)
def test_a_calendar_date_is_read_against_today(text: str, days: float | None) -> None:
    assert days_ago(clauses(text)[0], TODAY) == days


def test_a_month_or_year_past_the_horizon_sets_an_event_aside() -> None:
    def said(text: str, within: int | None = None) -> bool:
        said = words(text, "surgery")
        return find_phrase(recent_only(said, within, TODAY), phrase_words("surgery"))

    assert not said("surgery in March", within=42)
    assert said("surgery in October", within=42)  # possibly 27 days ago: it counts
    assert not said("surgery in 2019")  # no horizon of its own: a year or more is long ago
    assert said("surgery in 2026")
    # Dated long ago and recently in one breath: kept, since the recent one may matter.
    assert said("surgery years ago and again last week", within=42)


def test_an_event_said_only_as_long_ago_is_set_aside() -> None:
    def said(text: str, phrase: str, within: int | None = None) -> bool:
        return find_phrase(recent_only(words(text, phrase), within), phrase_words(phrase))

    assert not said("whiplash after a car accident two years ago", "car accident")
    assert not said("I fell off a ladder as a kid", "fell off ladder")
    assert said("a car accident yesterday", "car accident")
    # Said once long ago and once now: the recent one counts.
    assert said("a car crash years ago, and another car crash today", "car crash")
    # With a horizon in days, a dated event past it is set aside too; an undated one is not.
    assert not said("surgery two months ago", "surgery", within=42)
    assert said("surgery three weeks ago", "surgery", within=42)
    assert said("surgery", "surgery", within=42)


def test_a_recent_event_reports_the_phrase_said_recently() -> None:
    phrases = {p: phrase_words(p) for p in ("car crash", "fell down stairs", "back")}
    groups = [["car crash", "fell down stairs"], ["back"]]
    said = words(
        "a car crash years ago, and I fell down the stairs today and hurt my back", *phrases
    )
    assert match_groups(recent_only(said), groups, phrases) == ["fell down stairs", "back"]
    old = recent_only(words("a car crash years ago hurt my back", *phrases))
    assert match_groups(old, groups, phrases) is None
