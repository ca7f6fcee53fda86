"""The phrase lexicon the text reader matches against, built from the knowledge data.

Every phrase is normalised the same way as the text (lower case, filler words dropped), so
"the back of my neck", "back of the neck" and "back of neck" are one key. Phrases come from
the atlas (labels and lay synonyms), the body-word table (part x modifier), the symptom and
context vocabularies and the conditions muscles are mistaken for.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from knotwork.core.finder.words import FILLER
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.reading.tokens import tokens

Kind = Literal["region", "symptom", "context", "condition", "implied", "ignore"]


class Entry(NamedTuple):
    """What a phrase means: regions (base ids), a symptom, context or condition, or a hint."""

    kind: Kind
    values: tuple[str, ...]
    side: str = ""  # for implied hints: "both" or "unspecified"
    part: str = ""  # the body-word part a region phrase came from ("knee"), for ranges
    muscle: str = ""  # a muscle named ("my QL"): the regions are where it lies, assumed


class Lexicon:
    """Phrase -> meanings, plus the part and modifier tables for composite places."""

    __slots__ = (
        "longest",
        "modifiers",
        "names",
        "part_regions",
        "parts",
        "phrases",
        "spelling",
        "understood_elsewhere",
        "words",
    )

    def __init__(self) -> None:
        self.phrases: dict[tuple[str, ...], list[Entry]] = {}
        self.longest = 1
        self.words: set[str] = set()
        # Words of muscle names ("quadratus", "longus"): known, so never "corrected", but not
        # offered as corrections, so "soles" or "pairs" never become Latin.
        self.names: set[str] = set()
        self.parts: dict[tuple[str, ...], str] = {}
        self.part_regions: dict[str, dict[str, tuple[str, ...]]] = {}
        self.modifiers: dict[tuple[str, ...], str] = {}
        # The known words in a fixed order for typo correction: a set's order changes with
        # each process's string hashing, and so would the pick among equally close words.
        self.spelling: tuple[str, ...] = ()
        # Words the red-flag screen and the cautions know ("sweats", "weight", "warfarin"):
        # not typos of body words, so never "corrected" into one ("sweat" is not "seat").
        self.understood_elsewhere: frozenset[str] = frozenset()

    def add(self, text: str, entry: Entry, spelled: bool = True) -> None:
        """Add a phrase; ``spelled`` words are also what typos are corrected to."""
        key = normalise(text)
        if not key:
            return
        entries = self.phrases.setdefault(key, [])
        if entry not in entries:
            entries.append(entry)
        self.longest = max(self.longest, len(key))
        (self.words if spelled else self.names).update(key)


def normalise(text: str) -> tuple[str, ...]:
    return tuple(t for t in tokens(text) if t not in FILLER)


def build_lexicon(kb: KnowledgeBase) -> Lexicon:
    lex = Lexicon()
    _add_regions(lex, kb)
    _add_parts(lex, kb)
    _add_muscles(lex, kb)
    # One entry object per meaning, shared by its phrases: the compiled cache then stores it
    # once, which keeps a cold command's load short.
    for term in kb.symptoms.values():
        entry = Entry("symptom", (term.id,))
        for phrase in (term.label, *term.synonyms):
            lex.add(phrase, entry)
    for term in kb.contexts.values():
        entry = Entry("context", (term.id,))
        for phrase in term.synonyms:
            lex.add(phrase, entry)
    for name, muscles in conditions(kb).items():
        lex.add(name, Entry("condition", tuple(muscles)))
    for hint in kb.body_words.implied:
        for word in hint.words:
            lex.add(word, Entry("implied", hint.regions, hint.side))
    for phrase in kb.body_words.not_places:
        lex.add(phrase, Entry("ignore", ()))
    lex.spelling = tuple(sorted(lex.words))
    lex.understood_elsewhere = _safety_words(kb)
    return lex


def _safety_words(kb: KnowledgeBase) -> frozenset[str]:
    """Every word of the safety phrases, with and without a plural or tense ending."""
    words: set[str] = set()
    for phrase in kb.safety.phrases.values():
        for word in phrase:
            words.add(word)
            for ending in ("s", "es", "d", "ed", "ing"):
                if word.endswith(ending) and len(word) > len(ending) + 2:
                    words.add(word[: -len(ending)])
    return frozenset(words)


def _add_regions(lex: Lexicon, kb: KnowledgeBase) -> None:
    for base, ids in kb.atlas.bases.items():
        region = kb.atlas.regions[ids[0]]
        # The anatomical name too, for clinicians' notes ("interscapular", "lateral
        # epicondyle"), without its bracketed gloss or the word "region".
        anatomical = re.sub(r"\s*\(.*?\)", "", region.anatomical).removesuffix(" region")
        entry = Entry("region", (base,))
        for phrase in (region.lay, base.replace("-", " "), anatomical, *region.synonyms):
            lex.add(phrase, entry)


def _add_muscles(lex: Lexicon, kb: KnowledgeBase) -> None:
    """A muscle named by its name, an alias or its group ("my QL", "tight psoas", "my SCM")
    stands for the places its trigger points lie in. Body words and atlas names keep their
    own meaning ("triceps"); a name several muscles share stands for the places of all."""
    named: dict[tuple[str, ...], tuple[str, dict[str, None]]] = {}
    names = [(m.id, name) for m in kb for name in (m.name, *m.aliases, *m.misspellings)]
    names += [(m, group) for group, members in kb.by_part.items() for m in members]
    for muscle_id, name in names:
        key = normalise(name)
        if not key or key in lex.phrases or not all(w.isalnum() for w in key):
            continue  # ("sternocleidomastoid, sternal head" is said without its comma)
        tps = kb.muscles[muscle_id].trigger_points
        _, places = named.setdefault(key, (muscle_id, {}))
        places.update(dict.fromkeys(b for tp in tps for b in tp.location.site))
    shared: dict[Entry, Entry] = {}
    for key, (muscle_id, places) in named.items():
        entry = Entry("region", tuple(places), muscle=muscle_id)
        lex.add(" ".join(key), shared.setdefault(entry, entry), spelled=False)


def _add_parts(lex: Lexicon, kb: KnowledgeBase) -> None:
    """Part words alone ("leg"); modified forms ("outside of my leg") are read by the parser
    from the part and modifier tables, so they need no phrase of their own."""
    words = kb.body_words
    for part in words.parts:
        lex.part_regions[part.id] = part.regions
        entry = Entry("region", part.regions["default"], part=part.id)
        for word in part.words:
            lex.add(word, entry)
            lex.parts[normalise(word)] = part.id
    for modifier, phrases in words.modifiers.items():
        for phrase in phrases:
            lex.modifiers[normalise(phrase)] = modifier


def conditions(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Condition names (as muscles list them under mistaken_for) -> muscle ids."""
    found: dict[str, list[str]] = {}
    for muscle in kb:
        for mimic in muscle.mistaken_for:
            name = re.sub(r"\s*\(.*?\)", "", mimic.condition).strip().lower()
            if len(name) >= 5:
                found.setdefault(name, []).append(muscle.id)
    return found
