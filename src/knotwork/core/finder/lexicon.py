"""The phrase lexicon the text reader matches against, built from the knowledge data.

Every phrase is normalised the same way as the text (lower case, filler words dropped), so
"the back of my neck", "back of the neck" and "back of neck" are one key. Phrases come from
the atlas (labels and lay synonyms), the body-word table (part x modifier), the symptom and
context vocabularies and the conditions muscles are mistaken for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from knotwork.core.finder.words import FILLER
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.model import BodyPart

Kind = Literal["region", "symptom", "context", "condition", "implied", "ignore"]
TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[.!?;\n,/]")


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase means: regions (base ids), a symptom, context or condition, or a hint."""

    kind: Kind
    values: tuple[str, ...]
    side: str = ""  # for implied hints: "both" or "unspecified"
    part: str = ""  # the body-word part a region phrase came from ("knee"), for ranges


@dataclass(slots=True)
class Lexicon:
    phrases: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    longest: int = 1
    words: set[str] = field(default_factory=set)

    def add(self, text: str, entry: Entry) -> None:
        key = normalise(text)
        if not key:
            return
        entries = self.phrases.setdefault(key, [])
        if entry not in entries:
            entries.append(entry)
        self.longest = max(self.longest, len(key))
        self.words.update(key)


def tokens(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'").replace("-", " ")
    return TOKEN.findall(text)


def normalise(text: str) -> tuple[str, ...]:
    return tuple(t for t in tokens(text) if t not in FILLER)


def build_lexicon(kb: KnowledgeBase) -> Lexicon:
    lex = Lexicon()
    _add_regions(lex, kb)
    _add_parts(lex, kb)
    for term in kb.symptoms.values():
        for phrase in (term.label, *term.synonyms):
            lex.add(phrase, Entry("symptom", (term.id,)))
    for term in kb.contexts.values():
        for phrase in term.synonyms:
            lex.add(phrase, Entry("context", (term.id,)))
    for name, muscles in conditions(kb).items():
        lex.add(name, Entry("condition", tuple(muscles)))
    for hint in kb.body_words.implied:
        for word in hint.words:
            lex.add(word, Entry("implied", hint.regions, hint.side))
    for phrase in kb.body_words.not_places:
        lex.add(phrase, Entry("ignore", ()))
    return lex


def _add_regions(lex: Lexicon, kb: KnowledgeBase) -> None:
    for base, ids in kb.atlas.bases.items():
        region = kb.atlas.regions[ids[0]]
        for phrase in (region.lay, base.replace("-", " "), *region.synonyms):
            lex.add(phrase, Entry("region", (base,)))


def _add_parts(lex: Lexicon, kb: KnowledgeBase) -> None:
    words = kb.body_words
    for part in words.parts:
        for word in part.words:
            lex.add(word, Entry("region", part.regions["default"], part=part.id))
            for modifier, regions in part.regions.items():
                for phrase in _modified(word, words.modifiers.get(modifier, ())):
                    lex.add(phrase, Entry("region", regions, part=part.id))
            _add_pairs(lex, part, word, words.modifiers)


def _add_pairs(
    lex: Lexicon, part: BodyPart, word: str, modifiers: dict[str, tuple[str, ...]]
) -> None:
    """Two modifiers at once ("inside front of my thigh") name both regions."""
    named = [m for m in part.regions if m != "default"]
    for first in named:
        for second in named:
            if first == second:
                continue
            regions = tuple(dict.fromkeys(part.regions[first] + part.regions[second]))
            for a in modifiers.get(first, ()):
                for b in modifiers.get(second, ()):
                    lex.add(f"{a} {b} {word}", Entry("region", regions, part=part.id))


def _modified(word: str, modifier_words: Iterable[str]) -> Iterable[str]:
    for mod in modifier_words:
        yield f"{mod} {word}"
        yield f"{mod} side {word}"
        yield f"{mod} part {word}"


def conditions(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Condition names (as muscles list them under mistaken_for) -> muscle ids."""
    found: dict[str, list[str]] = {}
    for muscle in kb:
        for mimic in muscle.mistaken_for:
            name = re.sub(r"\s*\(.*?\)", "", mimic.condition).strip().lower()
            if len(name) >= 5:
                found.setdefault(name, []).append(muscle.id)
    return found
