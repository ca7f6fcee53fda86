"""Phrase matching in free text (one pass over a compiled trie): endings, gaps, negation,
someone else, worries."""

from __future__ import annotations

from knotwork.core.reading.complaint import Complaint, read
from knotwork.core.reading.index import PhraseIndex
from knotwork.core.reading.tokens import phrase_words


def words(text: str, *phrases: str) -> Complaint:
    return read(text, PhraseIndex(phrase_words(p) for p in phrases))


def said(text: str, phrase: str) -> bool:
    return words(text, phrase).said(phrase_words(phrase))


def test_a_word_may_carry_an_ending_the_phrase_lacks() -> None:
    assert said("my calf aches and swelled up", "calf ache")
    assert said("it swelled", "swell")
    assert not said("my calf is achy", "calf ache")  # "y" is not an ending


def test_a_phrase_word_matches_the_forms_of_a_text_word() -> None:
    from knotwork.core.reading.context import stems

    assert set(stems("aches")) == {"aches", "ache", "ach"}
    assert "numb" not in stems("numbness")  # "numbness" is not "numb" with an ending
    assert said("Aches, numbness", "ache")
    assert not said("numbness", "numb")


def test_many_phrases_are_found_in_one_pass_with_where() -> None:
    phrases = ("stiff neck", "neck", "fever", "light hurts")
    found = words("A fever and a stiff neck. The light hurts my eyes", *phrases).hits
    assert found[phrase_words("fever")] == [(0, 0, 0)]
    assert found[phrase_words("stiff neck")] == [(0, 2, 3)]
    assert found[phrase_words("light hurts")] == [(1, 0, 1)]
    assert phrase_words("neck") in found


def test_a_report_on_the_person_by_someone_else_counts() -> None:
    assert said("my husband says my face is drooping", "face drooping")
    assert said("my wife noticed my speech was slurred", "speech slurred")
    assert not said("my husband's face is drooping", "face drooping")


def test_a_worry_is_not_a_sign() -> None:
    assert not said("worried it might be a clot", "clot")
    assert said("worried, as I have a clot", "clot")  # a new clause: stated


def test_negated_words_do_not_match_unless_the_phrase_says_the_negation() -> None:
    assert not said("no fever", "fever")
    assert said("no fever but my neck is stiff", "stiff")
    assert said("it is not getting better", "not getting better")


def test_at_most_one_word_between_two_words_of_a_phrase() -> None:
    assert said("my scalp is tender", "scalp tender")
    assert not said("my scalp feels rather tender", "scalp tender")


def test_what_is_said_of_someone_else_does_not_match() -> None:
    assert not said("my mum had cancer", "cancer")
    assert not said("my wife is pregnant and I lift her shopping", "pregnant")
    assert said("my mum had cancer and I have a fever", "fever")  # "I": the person again
    assert said("I had cancer like my mum", "cancer")
    assert said("my mum had cancer. I had it too, cancer", "cancer")  # a new sentence


def test_a_family_members_pain_is_told_for_them_and_counts() -> None:
    # A parent telling of their child's pain: everything said is about the one in pain.
    assert said("my 15 year old son has back pain and a fever", "fever")
    assert said("my daughter has a fever and a really stiff neck", "fever")
    # Going on about them ("she", "her") is a report for them too, whatever the words.
    said_for_mum = "my mum is 82, she fell and now can't put weight on her right leg"
    assert said(said_for_mum, "can't put weight")


def test_everyday_words_that_hold_a_signs_word_are_not_the_sign() -> None:
    assert not said("my hay fever is bad this week", "fever")
    assert said("hay fever, and now a fever too", "fever")


def test_a_sign_explained_away_right_next_to_it_does_not_count() -> None:
    from knotwork.core.safety.textmatch import match_groups

    phrases = {p: phrase_words(p) for p in ("bum is numb", "can't pee", "after sitting")}
    groups = [["bum is numb", "can't pee"]]
    away = {"bum is numb": ["after sitting"]}

    def found(text: str) -> list[str] | None:
        return match_groups(words(text, *phrases), groups, phrases, away)

    assert found("my bum is numb after sitting on a hard chair for hours") is None
    assert found("my bum is numb") == ["bum is numb"]
    # Only the phrases it names are explained away: the bladder sign still counts.
    assert found("my bum is numb after sitting and I can't pee") == ["can't pee"]
    # Said once explained and once not, it counts.
    assert found("my bum is numb after sitting. Now my bum is numb all day") == ["bum is numb"]
