"""Clauses of words, each word marked with its ConText properties.

After ConText (Harkema et al. 2009): trigger terms open a scope that runs to the end of the
clause (negation, hypothetical) or of the sentence (someone else), and is closed early by a
terminating word ("but", "and" for a negation) or, for someone else, by the person speaking of
themselves again. A word carries:

- ``negated``: a negation covers it ("no fever", "I haven't got a temperature"); the flags and
  cautions never match it unless the phrase says its own negation ("not getting better").
- ``other``: it is said of someone else in passing ("my mum had breast cancer": a family
  history, not the person's own); not when that person reports on the speaker ("my husband
  says my face is drooping"), nor when the words say the other person hurts or go on about
  them ("my son has back pain", "my mum is 82, she fell"): that is a report for them, and all
  of it counts.
- ``hypothetical``: a worry or a question, not a sign ("worried it might be a clot").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from knotwork.core.reading.shorthand import expanded
from knotwork.core.reading.tokens import tokens
from knotwork.core.reading.vocab import (
    CLAUSE_BREAKS,
    FILLER,
    HURT_WORDS,
    NEGATIONS,
    SENTENCE_BREAKS,
)

ENDINGS = ("", "s", "es", "d", "ed", "ing")
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
# Words that end a clause ("pins and needles" must still match, so not "and").
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
        "twin",
        "niece",
        "nephew",
        "relative",
        "relatives",
        "neighbour",
        "neighbor",
        "boss",
    }
)
# Said right after someone else, these make the rest a report on the speaker: "my husband
# says my face is drooping", "my wife noticed I was slurring".
REPORTS = frozenset(
    {
        "says",
        "said",
        "say",
        "thinks",
        "thought",
        "noticed",
        "notices",
        "told",
        "tells",
        "reckons",
        "pointed",
        "spotted",
        "saw",
        "sees",
        "watched",
        "found",
    }
)
# Words that go on about a family member: a report for them, not a passing mention.
THIRD_PERSON = frozenset({"she", "he", "her", "his", "him", "she's", "he's", "shes", "hes"})
# The person speaking of themselves again after speaking of someone else.
SELF = frozenset({"i", "i'm", "im", "i've", "ive", "i'd", "me", "myself"})
# A worry or a question is not a sign (ConText's hypothetical triggers), to the clause's end.
HYPOTHETICAL = (
    ("worried",),
    ("worry",),
    ("worrying",),
    ("afraid",),
    ("scared",),
    ("frightened",),
    ("in", "case"),
    ("what", "if"),
    ("wondering",),
    ("could", "it", "be"),
    ("rule", "out"),
    ("check", "for"),
)
# Everyday words that contain a sign's word but are not the sign: "hay fever" is no fever.
NOT_SIGNS = {("hay", "fever"): "hayfever", ("cabin", "fever"): "cabinfever"}


class Word(NamedTuple):
    text: str
    negated: bool  # a negation covers it
    other: bool = False  # said of someone else in passing
    hypothetical: bool = False  # a worry or a question

    @property
    def counts(self) -> bool:
        """Is this word the person's own, present statement?"""
        return not (self.negated or self.other or self.hypothetical)


class Clauses(list[list[Word]]):
    """The clauses of a text (each a list of words, fillers dropped)."""


def clauses(text: str) -> Clauses:
    """The text's clauses, every word marked (see the module's docstring)."""
    out: list[list[Word]] = [[]]
    others: list[list[bool]] = [[]]
    negating = other = report = hypothetical = False
    told = 0  # sentences left in which "he" or "she" still means the family member named
    raw = _joined(expanded(tokens(text)))
    for i, token in enumerate(raw):
        if token in SENTENCE_BREAKS or token == "," or token in CONTRASTS:
            out.append([])
            others.append([])
            negating = hypothetical = False
            other = other and token not in SENTENCE_BREAKS  # a new sentence: the person
            told -= token in SENTENCE_BREAKS
            continue
        if token in CLAUSE_BREAKS:
            negating = False  # "no fever and a stiff neck": the stiff neck is said
        if token.removesuffix("'s") in FAMILY:  # "my husband's face"
            other, told = True, 2
        elif token in SELF:
            other, told = False, 0  # the person speaks of themselves: "him" is now the other
        elif other and token in REPORTS:
            other = False
        elif (other and token in HURT_WORDS) or (told > 0 and token in THIRD_PERSON):
            report = True  # "my dad is 79. He slipped ...": the next sentence goes on about him
        hypothetical = hypothetical or _starts(raw, i, HYPOTHETICAL)
        if token in FILLER:
            continue
        nxt = raw[i + 1] if i + 1 < len(raw) else ""
        out[-1].append(Word(token, negating, False, hypothetical))
        others[-1].append(other)
        if token in NEGATIONS and nxt not in NOT_NEGATING_NEXT:
            negating = True
    if not report:
        out = [
            [w._replace(other=o) for w, o in zip(c, os, strict=True)]
            for c, os in zip(out, others, strict=True)
        ]
    return Clauses(c for c in out if c)


def _starts(raw: list[str], i: int, triggers: Iterable[tuple[str, ...]]) -> bool:
    return any(tuple(raw[i : i + len(t)]) == t for t in triggers)


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


def kept(said: Clauses, keep: Callable[[list[Word]], bool]) -> Clauses:
    """Only the clauses ``keep`` holds for."""
    return Clauses(c for c in said if keep(c))


def word_matches(text_word: str, phrase_word: str) -> bool:
    """A text word may carry a plural or tense ending the phrase word lacks."""
    return text_word.startswith(phrase_word) and text_word[len(phrase_word) :] in ENDINGS


def stems(word: str) -> tuple[str, ...]:
    """Every phrase word this text word can match ("aches": "aches", "ache", "ach")."""
    return tuple(
        word[: len(word) - len(e)] if e else word
        for e in ENDINGS
        if word.endswith(e) and len(word) > len(e)
    )
