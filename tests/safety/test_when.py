"""When things were said to happen: dates read from the words, and the recent-event rule."""

from __future__ import annotations

import pytest

from knotwork.core.safety.textmatch import find_phrase, match_groups, phrase_words, words
from knotwork.core.safety.when import days_ago, recent_only


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


def test_an_event_said_only_as_long_ago_is_set_aside() -> None:
    def said(text: str, phrase: str, within: int | None = None) -> bool:
        return find_phrase(recent_only(words(text), within), phrase_words(phrase))

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
    said = words("a car crash years ago, and I fell down the stairs today and hurt my back")
    assert match_groups(recent_only(said), groups, phrases) == ["fell down stairs", "back"]
    old = recent_only(words("a car crash years ago hurt my back"))
    assert match_groups(old, groups, phrases) is None
