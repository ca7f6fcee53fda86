"""Red-flag and caution statements against the complaint as read (``core.reading``).

A statement is groups of terms: every group must hold (AND), any term in a group will do (OR).
A term is a phrase the person said of themselves, now (the reading found every phrase in one
pass, negation, experiencer and worry handled), or a fact about the person (``@age>=50``,
``@pregnant``, ``@weeks>=20``; ``core.reading.facts``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

from knotwork.core.reading.complaint import Complaint
from knotwork.core.reading.context import word_matches
from knotwork.core.reading.facts import holds, is_fact
from knotwork.core.reading.tokens import phrase_words

__all__ = ["match_groups", "phrase_words", "said_by"]


def said_by(word: str, phrases: Iterable[str], known: Mapping[str, tuple[str, ...]]) -> bool:
    """Is this word of the text part of one of the phrases (as matched: "thinners")?"""
    return any(word_matches(word, part) for p in phrases for part in known.get(p, ()))


def match_groups(
    complaint: Complaint,
    groups: Sequence[Sequence[str]],
    phrases: Mapping[str, tuple[str, ...]],
    explained_away: Mapping[str, Sequence[str]] = MappingProxyType({}),
) -> list[str] | None:
    """The term that held in each group, or None unless every group held. ``phrases`` maps
    each phrase to its words (``SafetyData.phrases``); a phrase in ``explained_away`` said
    only right next to one of its explanations does not count."""
    found = []
    for group in groups:
        hit = next((t for t in group if _holds(complaint, t, phrases, explained_away)), None)
        if hit is None:
            return None
        found.append(hit)
    return found


def _holds(
    complaint: Complaint,
    term: str,
    phrases: Mapping[str, tuple[str, ...]],
    explained_away: Mapping[str, Sequence[str]],
) -> bool:
    if is_fact(term):
        return holds(complaint.person, term)
    unless = [phrases[b] for b in explained_away.get(term, ())]
    return complaint.said(phrases[term], unless)
