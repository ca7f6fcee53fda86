"""Phrase matching in free text: endings, gaps, negation, and the fast first test."""

from __future__ import annotations

from knotwork.core.safety.textmatch import find_phrase, phrase_words, words


def said(text: str, phrase: str) -> bool:
    return find_phrase(words(text), phrase_words(phrase))


def test_a_word_may_carry_an_ending_the_phrase_lacks() -> None:
    assert said("my calf aches and swelled up", "calf ache")
    assert said("it swelled", "swell")
    assert not said("my calf is achy", "calf ache")  # "y" is not an ending


def test_the_stems_hold_every_form_a_phrase_word_could_match() -> None:
    stems = words("Aches, numbness; I'm 72").stems
    assert {"aches", "ache", "ach", "numbness", "numbnes", "over", "50"} <= stems
    assert "numb" not in stems  # "numbness" is not "numb" with an ending


def test_negated_words_do_not_match_unless_the_phrase_says_the_negation() -> None:
    assert not said("no fever", "fever")
    assert said("no fever but my neck is stiff", "stiff")
    assert said("it is not getting better", "not getting better")


def test_at_most_one_word_between_two_words_of_a_phrase() -> None:
    assert said("my scalp is tender", "scalp tender")
    assert not said("my scalp feels rather tender", "scalp tender")
