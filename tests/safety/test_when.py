"""When things were said to happen: dates read from the words, and the recent-event rule."""

from __future__ import annotations

import pytest

from knotwork.core.safety.textmatch import phrase_words, words
from knotwork.core.safety.when import days_ago, long_ago, match_recent


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
    assert days_ago(words(text)[0]) == days


def test_an_event_said_only_as_long_ago_is_dated_so() -> None:
    def dated(text: str, *phrases: str, within: int | None = None) -> bool:
        return long_ago(words(text), [phrase_words(p) for p in phrases], within)

    assert dated("whiplash after a car accident two years ago", "car accident")
    assert dated("I fell off a ladder as a kid", "fell off ladder")
    assert not dated("a car accident yesterday", "car accident")
    assert not dated("my back hurts", "car accident")  # not said at all
    # Said once long ago and once now: the recent one counts.
    assert not dated("a car crash years ago, and another car crash today", "car crash")
    assert not dated("car crash years ago. fell down stairs today", "car crash", "fell down stairs")
    # With a horizon in days, a dated event past it is long ago too; an undated one is not.
    assert dated("surgery two months ago", "surgery", within=42)
    assert not dated("surgery three weeks ago", "surgery", within=42)
    assert not dated("surgery", "surgery", within=42)


def test_a_recent_event_reports_the_phrase_said_recently() -> None:
    phrases = {p: phrase_words(p) for p in ("car crash", "fell down stairs", "back")}
    groups = [["car crash", "fell down stairs"], ["back"]]
    said = words("a car crash years ago, and I fell down the stairs today and hurt my back")
    assert match_recent(said, groups, phrases) == ["fell down stairs", "back"]
    assert match_recent(words("a car crash years ago hurt my back"), groups, phrases) is None
