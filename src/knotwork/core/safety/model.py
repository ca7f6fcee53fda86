"""Runtime model of the safety data (named tuples, cached with the knowledge base)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from knotwork.core.reading.index import PhraseIndex

URGENCY_ORDER = {"none": 0, "soon": 1, "urgent": 2, "emergency": 3}


class Escalation(NamedTuple):
    urgency: str
    when: tuple[tuple[str, ...], ...]
    instruction: str


class RedFlag(NamedTuple):
    id: str
    name: str
    areas: tuple[str, ...]
    urgency: str
    question: str
    instruction: str
    why: str
    text: tuple[tuple[str, ...], ...]
    escalate: Escalation | None
    rescreen_days: int | None
    sources: tuple[str, ...]
    # Other statements of the same sign, each matched like ``text`` (see schema.py).
    text_also: tuple[tuple[tuple[str, ...], ...], ...] = ()
    recent: bool = False  # a statement dated long ago does not raise it (see schema.py)
    # sign phrase -> the phrases that, said right next to it, explain it away (schema.py)
    explained_away: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    recent_days: int | None = None  # with recent: the horizon ("a fever two weeks ago")

    @property
    def statements(self) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """Every way the sign shows in words: ``text`` first, then the others."""
        return (self.text, *self.text_also)

    @property
    def is_global(self) -> bool:
        return "any" in self.areas


class Effect(NamedTuple):
    action: str
    kinds: tuple[str, ...]
    tools: tuple[str, ...]
    regions: tuple[str, ...]
    at_site: bool
    max_pressure: int | None
    reason: str
    site_scope: str = "region"
    positions: tuple[str, ...] = ()  # postures ("face-down"): only techniques done so
    techniques: tuple[str, ...] = ()  # a muscle's own caution: only these technique ids


class CautionFactor(NamedTuple):
    id: str
    label: str
    needs_site: bool
    text: tuple[tuple[str, ...], ...]
    effects: tuple[Effect, ...]
    sources: tuple[str, ...]
    recent: bool = False  # said only as long ago, the words do not set it (see schema.py)
    recent_days: int | None = None  # with recent: the horizon ("2 months ago" is past 42)


# How a flag's question is asked (safety/groups.yaml, read by groups.py): one condition a
# tick box, the flag's parts in a group with a lay title.
class Part(NamedTuple):
    text: str
    min_age: int | None = None
    not_male: bool = False
    max_age: int | None = None
    also: tuple[str, ...] = ()  # other flags of the group this same condition answers yes


class Entry(NamedTuple):
    flag: str
    intro: str | None
    min_age: int | None
    parts: tuple[Part, ...]
    max_age: int | None = None
    after: str | None = None  # the stem its parts wait behind (Stem.id), if any


class Stem(NamedTuple):
    """A condition every flag behind it needs ("You are pregnant or might be"): one box in
    place of all their parts, which are asked once it is ticked. The words can settle it: an
    age or a pregnancy said."""

    id: str
    text: str
    min_age: int | None = None  # settled by an age: on at or over it, off under it
    max_age: int | None = None  # off over it (a child's question)
    pregnancy: bool = False  # on when the words say pregnant or a recent birth; off for a man


class Group(NamedTuple):
    id: str
    title: str
    entries: tuple[Entry, ...]
    stems: tuple[Stem, ...] = ()


# Where a flag not yet placed in a group is asked (the data check reports it as ASK-001).
OTHER = Group("other", "Other questions", ())


class SafetyData(NamedTuple):
    flags: dict[str, RedFlag]
    always: tuple[Effect, ...]
    factors: dict[str, CautionFactor]
    areas: dict[str, tuple[str, ...]]  # screening area -> atlas group ids or base ids
    # Every phrase of the flags and cautions -> its normalised words, computed when the data
    # is compiled: tokenising ~1400 phrases on first use cost a cold command several ms.
    phrases: dict[str, tuple[str, ...]]
    # Global flags first, then the most urgent: the order questions are asked in.
    asking_order: tuple[RedFlag, ...]
    # Atlas group or base id -> the screening areas that name it, in file order (so a screen
    # looks a region up instead of scanning every area's list).
    areas_of: dict[str, tuple[str, ...]]
    # Every phrase compiled into one trie (core.reading.index): the words are read in one
    # pass, whatever the number of phrases.
    phrase_index: PhraseIndex
    # How the questions are asked (safety/groups.yaml): the groups in asking order, and each
    # flag's group and entry there.
    groups: tuple[Group, ...] = ()
    placed: Mapping[str, tuple[Group, Entry]] = MappingProxyType({})
