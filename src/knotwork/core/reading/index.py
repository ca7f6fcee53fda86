"""Every phrase of the knowledge data, compiled into one word trie and found in one pass.

A phrase matches its words in order within one clause, with at most ``MAX_GAP`` other words
between two of its words ("scalp is tender" for "scalp tender"); a text word may carry a plural
or tense ending the phrase word lacks. Words the person does not say of themselves now
(negated, someone else's, a worry: ``Word.counts``) are never matched, unless the phrase says
its own negation ("not getting better"), when a negated word still is.

The pass walks the trie from each word of each clause, so its cost grows with the length of
the text and not with the number of phrases (testing some 1,800 phrases one by one made a
text find 14 times the cost of a drawing).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from knotwork.core.reading.context import Clauses, stems
from knotwork.core.reading.vocab import NEGATIONS

MAX_GAP = 1  # words allowed between two words of a phrase ("scalp is tender")
END = ""  # the key under which a trie node keeps the phrase that ends there (no word is "")

Span = tuple[int, int, int]  # clause, first word, last word
Trie = dict[str, Any]


class PhraseIndex:
    """The compiled trie: built once with the knowledge data (and cached with it)."""

    __slots__ = ("trie",)

    def __init__(self, phrases: Iterable[tuple[str, ...]]) -> None:
        self.trie: Trie = {}
        for words in phrases:
            if not words:
                continue
            node = self.trie
            for word in words:
                node = node.setdefault(word, {})
            node[END] = words

    def find(self, said: Clauses) -> dict[tuple[str, ...], list[Span]]:
        """Every phrase said, with where: one walk from each word."""
        hits: dict[tuple[str, ...], list[Span]] = {}
        for c, clause in enumerate(said):
            forms = [stems(w.text) for w in clause]
            ok = [w.counts for w in clause]
            negated_only = [w.negated and not (w.other or w.hypothetical) for w in clause]
            for start in range(len(clause)):
                for form in forms[start]:
                    node = self.trie.get(form)
                    if node is not None:
                        walk = (c, start, forms, ok, negated_only, hits)
                        self._walk(node, start, not ok[start], walk)
        return hits

    def _walk(
        self,
        node: Trie,
        at: int,
        blocked: bool,
        walk: tuple[
            int,
            int,
            list[tuple[str, ...]],
            list[bool],
            list[bool],
            dict[tuple[str, ...], list[Span]],
        ],
    ) -> None:
        """Follow the trie from ``node`` (its word at ``at``); ``blocked``: a negated word
        was used, so only a phrase that says its own negation may end here."""
        c, start, forms, ok, negated_only, hits = walk
        if not (ok[at] or negated_only[at]):
            return  # someone else's or a worry: no phrase matches it
        words = node.get(END)
        if words is not None and (not blocked or _says_negation(words)):
            spans = hits.setdefault(words, [])
            if (c, start, at) not in spans:
                spans.append((c, start, at))
        for nxt in range(at + 1, min(at + 2 + MAX_GAP, len(forms))):
            for form in forms[nxt]:
                child = node.get(form)
                if child is not None and form != END:
                    self._walk(child, nxt, blocked or not ok[nxt], walk)


def _says_negation(words: tuple[str, ...]) -> bool:
    return any(w in NEGATIONS for w in words)


def near(
    hits: Mapping[tuple[str, ...], list[Span]],
    sign: tuple[str, ...],
    unless: Iterable[tuple[str, ...]],
    reach: int,
) -> bool:
    """Is the phrase said at least once without one of ``unless`` within ``reach`` words of it
    in its clause ("my bum is numb after sitting for hours" explains that numbness away, not
    "... and I can't pee")?"""
    nearby = [s for u in unless for s in hits.get(u, ())]
    return any(
        not any(c2 == c and s2 - reach <= end and start - reach <= e2 for c2, s2, e2 in nearby)
        for c, start, end in hits.get(sign, ())
    )
