"""The closed word lists every reading of the words shares (English): filler words, hurt
words, negations and the breaks between clauses and sentences."""

from __future__ import annotations

# Dropped before matching, so "the back of my neck" and "back of the neck" read the same.
FILLER = frozenset(
    [
        "my",
        "the",
        "a",
        "an",
        "your",
        "his",
        "her",
        "their",
        "our",
        "its",
        "of",
        "in",
        "on",
        "at",
        "this",
        "that",
        "these",
        "those",
        "some",
        "sided",
    ]
)

# Words that say a place hurts: shared by the two lists below.
HURTING = frozenset(
    [
        "pain",
        "pains",
        "painful",
        "hurt",
        "hurts",
        "hurting",
        "ache",
        "aches",
        "aching",
        "achy",
        "sore",
        "soreness",
        "tender",
        "discomfort",
        "throbs",
        "throbbing",
        "stabbing",
        "shooting",
        "stiff",
        "cramping",
    ]
)

# Words that say a place hurts now: a clause with one of these is a complaint, even when it
# also names an operation or a clot ("my knee has ached since the operation").
HURT_WORDS = HURTING | frozenset(["ached", "burning", "numb", "tingling", "killing"])


NEGATIONS = frozenset(
    {
        "not",
        "no",
        "never",
        "without",
        "except",
        "nothing",
        "nor",
        "neither",
        "apart",
        "excluding",
        "besides",
        "isn't",
        "doesn't",
        "don't",
        "didn't",
        "haven't",
        "hasn't",
        "hadn't",
        "wasn't",
        "aren't",
        "weren't",
        "won't",
        "isnt",
        "doesnt",
        "dont",
        "didnt",
        "havent",
        "hasnt",
        "hadnt",
        "wasnt",
        "arent",
        "werent",
        "wont",
    }
)
# Not negations, although they look like it: "can't pee", "unable to lift my arm".
# (Deliberately absent from NEGATIONS: can't, cannot, couldn't, unable.)
# Words that end the reach of a negation or of a side word.
CLAUSE_BREAKS = frozenset(
    {"but", "and", "however", "though", "although", "while", "whereas", "also", "plus", "then"}
)
SENTENCE_BREAKS = frozenset({".", "!", "?", ";", "\n"})
