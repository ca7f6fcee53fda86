"""Find red-flag and caution statements in free text, with negation handled.

Phrases and text are normalised alike (lower case, filler words dropped). A phrase matches its
words in order within one clause (clauses end at punctuation and at "but"), with at most
``MAX_GAP`` other words between two of its words; a text word may carry a plural or tense
ending the phrase word lacks (s, es, d, ed, ing). Words after a negation ("no", "not",
"without", "haven't") up to the next clause break or "and" are never matched ("no fever" is not
fever), unless the phrase itself says the negation ("not getting better"); nor are words said
of someone else ("my mum had cancer", "my wife is pregnant") up to the sentence's end or until
the person speaks of themselves ("I", "me"), unless they say that someone hurts (a parent
telling of a child's pain). A
stated age ("I'm 72", "67 years old") adds the words "over 50" / "under 20" / "under 40".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from knotwork.core.finder.lexicon import tokens
from knotwork.core.finder.words import (
    CLAUSE_BREAKS,
    FILLER,
    HURT_WORDS,
    NEGATIONS,
    SENTENCE_BREAKS,
)

ENDINGS = ("", "s", "es", "d", "ed", "ing")
MAX_GAP = 1  # words allowed between two words of a phrase ("scalp is tender")
# Negation words that do not negate what follows ("not sure", "no longer": still present).
NOT_NEGATING_NEXT = frozenset(
    {
        "sure",
        "longer",
        "idea",
        "matter",
        "better",
        "improving",
        "easing",
        "trying",
        "reason",
        "change",
        "changes",
        "help",
        "helps",
        "helped",
        "lets",
        "fade",
        "fades",
        "getting",
        "improvement",
        "obvious",
        "clear",
        "apparent",
    }
)
# Words that stop the clause for phrase matching ("pins and needles" must still match).
CONTRASTS = frozenset({"but", "however", "though", "although", "whereas"})
FAMILY = frozenset(
    {
        "mum",
        "mom",
        "mother",
        "dad",
        "father",
        "sister",
        "brother",
        "grandmother",
        "grandfather",
        "gran",
        "grandma",
        "grandpa",
        "nan",
        "aunt",
        "uncle",
        "cousin",
        "family",
        "friend",
        "wife",
        "husband",
        "partner",
        "son",
        "daughter",
        "colleague",
        "parents",
        "parent",
    }
)
# Words that go on about a family member: a report for them, not a passing mention.
THIRD_PERSON = frozenset({"she", "he", "her", "his", "him", "she's", "he's", "shes", "hes"})
# The person speaking of themselves again after speaking of someone else.
SELF = frozenset({"i", "i'm", "im", "i've", "ive", "i'd", "me", "myself"})
AGE = re.compile(
    r"\b(?:i'?m|i am|aged?|age)\s+(\d{1,3})\b|\b(\d{1,3})\s*(?:-?\s*years?[- ]old|yo\b|y/o)"
)


class Word(NamedTuple):
    text: str
    negated: bool


class Clauses(list[list[Word]]):
    """The clauses of a text, and every word a phrase word could match in it ("aches" gives
    "aches", "ache" and "ach"): a phrase with a word not among them cannot match, which rules
    out most of the ~1400 phrases with set lookups before any clause is walked."""

    stems: frozenset[str] = frozenset()


def words(text: str) -> Clauses:
    """Clauses of words; a word is marked negated when a negation covers it, or when it is
    said of someone else in passing.

    After a family member ("my mum had cancer", "my wife is pregnant") the words speak of
    someone else, up to the sentence's end or until the person speaks of themselves ("... and
    I have a fever"). Not when those words say something hurts ("my son has back pain") or go
    on about that person ("my mum is 82, she fell and can't put weight on her leg"): that is a
    report for them, and all of it counts."""
    clauses: list[list[Word]] = [[]]
    others: list[list[bool]] = [[]]
    negating = other = report = False
    raw = _joined(tokens(text))
    for i, token in enumerate(raw):
        if token in SENTENCE_BREAKS or token == "," or token in CONTRASTS:
            clauses.append([])
            others.append([])
            negating = False
            other = other and token not in SENTENCE_BREAKS  # a new sentence: the person
            continue
        if token in CLAUSE_BREAKS:
            negating = False  # "no fever and a stiff neck": the stiff neck is said
        if token in FAMILY:
            other = True
        elif token in SELF:
            other = False
        elif other and (token in HURT_WORDS or token in THIRD_PERSON):
            report = True
        if token in FILLER:
            continue
        nxt = raw[i + 1] if i + 1 < len(raw) else ""
        clauses[-1].append(Word(token, negating))
        others[-1].append(other)
        if token in NEGATIONS and nxt not in NOT_NEGATING_NEXT:
            negating = True
    if not report:
        clauses = [
            [Word(w.text, w.negated or o) for w, o in zip(c, os, strict=True)]
            for c, os in zip(clauses, others, strict=True)
        ]
    clauses.append([Word(w, False) for w in _age_words(text)])
    return _with_stems(c for c in clauses if c)


def _with_stems(clauses: Iterable[list[Word]]) -> Clauses:
    said = Clauses(clauses)
    said.stems = frozenset(
        w.text[: len(w.text) - len(e)] if e else w.text
        for clause in said
        for w in clause
        for e in ENDINGS
        if w.text.endswith(e) and len(w.text) > len(e)
    )
    return said


def kept(clauses: Clauses, keep: Callable[[list[Word]], bool]) -> Clauses:
    """Only the clauses ``keep`` holds for: a statement is then matched in those alone (a
    sign said only "years ago", or only "after sitting on a hard chair", is set aside)."""
    return _with_stems(c for c in clauses if keep(c))


# Everyday words that contain a sign's word but are not the sign: "hay fever" is no fever.
NOT_SIGNS = {("hay", "fever"): "hayfever", ("cabin", "fever"): "cabinfever"}


def _joined(raw: list[str]) -> list[str]:
    """The tokens with each of NOT_SIGNS made one word, so no phrase matches inside it."""
    out: list[str] = []
    for token in raw:
        joined = NOT_SIGNS.get((out[-1], token)) if out else None
        if joined:
            out[-1] = joined
        else:
            out.append(token)
    return out


def _age_words(text: str) -> list[str]:
    ages = [int(a or b) for a, b in AGE.findall(text.lower()) if 0 < int(a or b) < 120]
    if not ages:
        return []
    age = ages[0]
    found = []
    if age >= 50:
        found += ["over", "50"]
    if age < 40:
        found += ["under", "40"]
    if age < 20:
        found += ["under", "20"]
    return found


def phrase_words(phrase: str) -> tuple[str, ...]:
    """A phrase's words, normalised (done once, when the data is compiled)."""
    return tuple(t for t in tokens(phrase) if t not in FILLER)


def _word_matches(text_word: str, phrase_word: str) -> bool:
    return text_word.startswith(phrase_word) and text_word[len(phrase_word) :] in ENDINGS


def said_by(word: str, phrases: Iterable[str], known: Mapping[str, tuple[str, ...]]) -> bool:
    """Is this word of the text part of one of the phrases (as matched: "thinners")?"""
    return any(_word_matches(word, part) for p in phrases for part in known[p])


NEAR = 4  # words between a sign and what explains it away ("numb after sitting on a chair")


def find_phrase(
    clauses: Clauses, want: tuple[str, ...], unless: Sequence[tuple[str, ...]] = ()
) -> bool:
    """Are the phrase's words (from ``phrase_words``) said in the text? With ``unless``, only
    an occurrence without one of those right next to it counts ("my bum is numb after sitting
    for hours" explains that numbness away, not "... and I can't pee")."""
    if not want or not clauses.stems.issuperset(want):
        return False
    # A phrase that says its own negation ("not getting better") matches as written.
    says_negation = any(w in NEGATIONS for w in want)
    for clause in clauses:
        nearby = [span for u in unless for span in spans(clause, u, False)]
        for start, end in spans(clause, want, says_negation):
            if not any(s - NEAR <= end and start - NEAR <= e for s, e in nearby):
                return True
    return False


def in_clause(clause: Sequence[Word], want: tuple[str, ...], says_negation: bool) -> bool:
    """The phrase's words in order, none negated, at most MAX_GAP words between them."""
    return next(spans(clause, want, says_negation), None) is not None


def spans(
    clause: Sequence[Word], want: tuple[str, ...], says_negation: bool
) -> Iterator[tuple[int, int]]:
    """Where the phrase is said in the clause: (first word, last word) of each occurrence."""

    def ok(word: Word, part: str) -> bool:
        return (says_negation or not word.negated) and _word_matches(word.text, part)

    for start, word in enumerate(clause):
        if not ok(word, want[0]):
            continue
        at = start
        for part in want[1:]:
            window = range(at + 1, min(at + 2 + MAX_GAP, len(clause)))
            nxt = next((i for i in window if ok(clause[i], part)), None)
            if nxt is None:
                break
            at = nxt
        else:
            yield start, at


def match_groups(
    clauses: Clauses,
    groups: Sequence[Sequence[str]],
    phrases: Mapping[str, tuple[str, ...]],
    explained_away: Mapping[str, Sequence[str]] = MappingProxyType({}),
) -> list[str] | None:
    """The phrase that matched in each group, or None unless every group matched.
    ``phrases`` maps each phrase to its words (``SafetyData.phrases``); a phrase in
    ``explained_away`` said only right next to one of its explanations does not count."""
    found = []
    for group in groups:
        hit = next((p for p in group if _said(clauses, p, phrases, explained_away)), None)
        if hit is None:
            return None
        found.append(hit)
    return found


def _said(
    clauses: Clauses,
    phrase: str,
    phrases: Mapping[str, tuple[str, ...]],
    explained_away: Mapping[str, Sequence[str]],
) -> bool:
    unless = [phrases[b] for b in explained_away.get(phrase, ())]
    return find_phrase(clauses, phrases[phrase], unless)
