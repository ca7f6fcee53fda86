"""Read a complaint in plain words: where it hurts (with sides and ranges), what else is felt,
what was happening, and what is explicitly not affected.

The reader is deterministic and explainable: it matches the longest known phrase at each
position (see ``lexicon``), assigns each place the nearest side word of its sentence, fills in
the regions between "from X ... to Y" along known body paths, and skips what a negation word
("not", "no", "without") covers up to the next clause break. Everything it took from the text
is reported back with the words it came from, so a person can correct it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Mapping
from typing import TypeVar

from knotwork.core.finder.lexicon import Entry, Lexicon, normalise
from knotwork.core.finder.understood import Aside, Mention, Term, Understood
from knotwork.core.finder.words import (
    CLAUSE_BREAKS,
    FILLER,
    FUNCTION,
    HURT_WORDS,
    NEGATIONS,
    NOT_SIDE_AFTER,
    PAIN_WORDS,
    POSTURE_WORDS,
    QUALITY_WORDS,
    RANGE_WORDS,
    SENTENCE_BREAKS,
    SEVERITY,
    SIDE_WORDS,
    TIME_WORDS,
)
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.reading.tokens import tokens

CONNECTORS = frozenset({"side", "part", "area"})
SIDE_BEFORE = frozenset({"the", "my", "your", "his", "her", "their"})  # "on the left"
T = TypeVar("T")
SCORE = re.compile(r"(\d{1,2})\s*(?:/|out of)\s*10")
FUZZY_CUTOFF = 86  # rapidfuzz ratio; high enough that "shoulder" never becomes "boulder"


class Token:
    __slots__ = ("clause", "negated", "sentence", "side", "text", "used")

    def __init__(
        self, text: str, sentence: int, clause: int, negated: bool = False, side: str = ""
    ) -> None:
        self.text = text
        self.sentence = sentence
        self.clause = clause
        self.negated = negated
        self.used = False
        self.side = side  # a side word said just before this token ("right" in "right eye")


class Hit:
    __slots__ = ("end", "entry", "side", "start", "words")

    def __init__(self, entry: Entry, start: int, end: int, words: str) -> None:
        self.entry = entry
        self.start = start
        self.end = end
        self.words = words
        self.side = ""


class Reader:
    """Reads one text; holds its tokens while matching."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon) -> None:
        self.kb = kb
        self.lexicon = lexicon
        self.toks: list[Token] = []
        self.corrections: list[tuple[str, str]] = []
        self.history: set[int] = set()  # clauses about a past treatment or condition

    def read(self, text: str) -> Understood:
        self.toks = self._tokenise(text)
        hits = self._match()
        self.history = self._history_clauses(hits)
        self._assign_sides(hits)
        return self._understood(text, hits)

    # -- tokens ------------------------------------------------------------------------
    def _tokenise(self, text: str) -> list[Token]:
        """Tokens without filler words; side words become marks on the next token, so
        "behind my right eye" still matches the phrase "behind eye"."""
        out: list[Token] = []
        sentence = clause = 0
        negating = False
        pending_side = ""
        words = tokens(text)
        for index, word in enumerate(words):
            if word in SENTENCE_BREAKS or word == ",":
                sentence += word != ","
                clause += 1
                negating = False
                continue
            if word in CLAUSE_BREAKS:
                clause += 1
                negating = False
            if word in FILLER:
                continue
            nxt = words[index + 1] if index + 1 < len(words) else ""
            before = words[index - 1] if index else ""
            # "right when", "right now" are no side, but "on the left when I breathe" is.
            if word in SIDE_WORDS and (nxt not in NOT_SIDE_AFTER or before in SIDE_BEFORE):
                pending_side = SIDE_WORDS[word]
                if nxt in SENTENCE_BREAKS or nxt in (",", "") or nxt in CLAUSE_BREAKS:
                    out.append(Token("", sentence, clause, negated=negating, side=pending_side))
                    pending_side = ""
                continue
            word = self._correct(word)
            if word in NEGATIONS:
                negating = True
            out.append(Token(word, sentence, clause, negated=negating, side=pending_side))
            pending_side = ""
        return out

    def _correct(self, word: str) -> str:
        """Fix a likely typo of a body or symptom word ("shouldr" -> "shoulder")."""
        if len(word) < 5 or not word.isalpha() or self._never_corrected(word):
            return word
        from rapidfuzz import fuzz, process  # imported only when a word is unknown

        best = process.extractOne(
            word, self.lexicon.spelling, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if best is None:
            return word
        self.corrections.append((word, best[0]))
        return str(best[0])

    def _never_corrected(self, word: str) -> bool:
        """Words known as they are: the finder's own, muscle names, words the safety screen
        reads, time and history words, and everyday words that only look like a body word
        ("public" is no typo of "pubic": see data/vocab/everyday-words.yaml)."""
        lex, body = self.lexicon, self.kb.body_words
        return any(
            word in known
            for known in (
                lex.words,
                lex.names,
                lex.understood_elsewhere,
                PAIN_WORDS,
                TIME_WORDS,
                body.history_words,
                body.everyday_words,
            )
        )

    # -- phrases -----------------------------------------------------------------------
    def _match(self) -> list[Hit]:
        hits: list[Hit] = []
        i = 0
        while i < len(self.toks):
            found = self._longest_at(i)
            if found is None:
                i += 1
                continue
            length, entries = found
            words = " ".join(t.text for t in self.toks[i : i + length])
            for token in self.toks[i : i + length]:
                token.used = True
            hits.extend(Hit(e, i, i + length, words) for e in _merge_regions(entries))
            i += length
        return hits

    def _longest_at(self, i: int) -> tuple[int, list[Entry]] | None:
        phrase = self._phrase_at(i, self.lexicon.phrases, self.lexicon.longest)
        composite = self._composite_at(i)
        if composite and (phrase is None or composite[0] > phrase[0]):
            return composite[0], [composite[1]]
        if composite and phrase and composite[0] == phrase[0]:
            return phrase[0], [*phrase[1], composite[1]]  # both readings: their union
        return phrase

    def _phrase_at(
        self, i: int, table: Mapping[tuple[str, ...], T], longest: int
    ) -> tuple[int, T] | None:
        """The longest phrase of ``table`` starting at token ``i`` within one sentence."""
        for length in range(min(longest, len(self.toks) - i), 0, -1):
            span = self.toks[i : i + length]
            if span[0].sentence != span[-1].sentence:
                continue
            found = table.get(tuple(t.text for t in span))
            if found:
                return length, found
        return None

    def _composite_at(self, i: int) -> tuple[int, Entry] | None:
        """Up to two modifiers, then a part word: "inside front of my thigh" -> inner and
        front thigh; "outer side of my leg" -> outside of the thigh and lower leg."""
        lex = self.lexicon
        mods: list[str] = []
        j = i
        while len(mods) < 2:
            found = self._phrase_at(j, lex.modifiers, 3)
            if found is None:
                break
            mods.append(found[1])
            j += found[0]
            while j < len(self.toks) and self.toks[j].text in CONNECTORS:
                j += 1
        part = self._phrase_at(j, lex.parts, 3) if mods else None
        if part is None:
            return None
        table = lex.part_regions[part[1]]
        regions = tuple(dict.fromkeys(r for m in mods for r in table.get(m, ())))
        if not regions:
            return None
        return j + part[0] - i, Entry("region", regions, part=part[1])

    # -- history -----------------------------------------------------------------------
    def _history_clauses(self, hits: list[Hit]) -> set[int]:
        """Clauses that name a past treatment or condition ("a clot in my right leg") and do
        not say anything hurts there: their places are history, not pain."""
        history_words = self.kb.body_words.history_words
        said = {t.clause for t in self.toks if t.text in history_words and not t.negated}
        if not said:
            return said
        hurting = {t.clause for t in self.toks if t.text in HURT_WORDS}
        hurting |= {self.toks[h.start].clause for h in hits if h.entry.kind == "symptom"}
        for token in self.toks:
            if token.clause in said and token.text in history_words:
                token.used = True  # understood: it is what makes the clause history
        return said - hurting

    # -- sides -------------------------------------------------------------------------
    def _side_tokens(self) -> list[tuple[int, str]]:
        """(token index, side) for every side word, placed where it was said."""
        return [(i, t.side) for i, t in enumerate(self.toks) if t.side]

    def _assign_sides(self, hits: list[Hit]) -> None:
        sides = self._side_tokens()
        regions = [h for h in hits if h.entry.kind == "region"]
        for hit in regions:
            hit.side = self._side_for(hit, sides, regions)

    def _side_for(self, hit: Hit, sides: list[tuple[int, str]], regions: list[Hit]) -> str:
        sentence, clause = self.toks[hit.start].sentence, self.toks[hit.start].clause
        # A side said in a clause about the past stays there: in "surgery on my left knee
        # and now my lower back aches" the back has no side.
        sides = [
            (i, s)
            for i, s in sides
            if self.toks[i].clause == clause or self.toks[i].clause not in self.history
        ]
        # A side word said before the phrase or inside it ("behind my right eye").
        before = [(i, s) for i, s in sides if i < hit.end and self.toks[i].sentence == sentence]
        # One that closed an earlier clause about another place carries on to this one
        # ("groin pain on the right and an ache down my thigh") unless this place has its own
        # ("my neck hurts on the left and my knee on the right").
        own = [(i, s) for i, s in before if not self._closes_other_clause(i, clause, regions)]
        if own:
            return own[-1][1]  # the nearest side word said before it in the sentence
        following = [r.start for r in regions if r.start > hit.start]
        limit = min([hit.end + 3, *following])
        after = [  # "my shoulder, the left one"; not the next sentence's side
            s for i, s in sides if hit.end <= i <= limit and self.toks[i].sentence == sentence
        ]
        if after:
            return after[0]
        if before:
            return before[-1][1]
        return self._trailing_side(hit, sides, regions) or "unspecified"

    def _closes_other_clause(self, index: int, clause: int, regions: list[Hit]) -> bool:
        """Is the side at ``index`` said on its own after a place of an earlier clause?"""
        token = self.toks[index]
        return (
            token.clause != clause
            and self._side_alone(index)
            and any(r.start < index and self.toks[r.start].clause == token.clause for r in regions)
        )

    def _side_alone(self, index: int) -> bool:
        """A side said on its own ("on the left", "on the left side"), not of a place."""
        return self.toks[index].text in ("", "side")

    def _trailing_side(self, hit: Hit, sides: list[tuple[int, str]], regions: list[Hit]) -> str:
        """A side said on its own at the end, after every place of the sentence ("my jaw
        aches and my ear feels full on the left side"), when only one is said so: it is where
        the whole complaint is. Not a side the body lies on ("I sleep on my left side")."""
        if not sides:
            return ""
        sentence = self.toks[hit.start].sentence
        last_place = max(
            [hit.start, *(r.start for r in regions if self.toks[r.start].sentence == sentence)]
        )
        said = {
            s
            for i, s in sides
            if i > last_place
            and self.toks[i].sentence == sentence
            and self._side_alone(i)
            and not self._said_before(i, POSTURE_WORDS)
        }
        return next(iter(said)) if len(said) == 1 else ""

    def _said_before(self, index: int, said: Collection[str], within: int | None = None) -> bool:
        """Is one of ``said`` earlier in the clause of token ``index`` (within that many
        words, if given)?"""
        clause = self.toks[index].clause
        start = 0 if within is None else max(0, index - within)
        return any(t.text in said and t.clause == clause for t in self.toks[start:index])

    # -- result ------------------------------------------------------------------------
    def _understood(self, text: str, hits: list[Hit]) -> Understood:
        result = Understood(text=text, corrections=list(self.corrections))
        hits = self._drop_movements(hits, result)
        hits = self._drop_history(hits, result)
        for hit in hits:
            negated = self.toks[hit.start].negated
            self._record(result, hit, negated)
        self._fill_ranges(result, hits)
        self._add_symptom_places(result, hits)
        self._apply_implied(result, hits)
        _drop_unsided_repeats(result)
        self._severity(text, result)
        result.qualities = sorted({t.text for t in self.toks if t.text in QUALITY_WORDS})
        # A warning sign denied ("no fever") was read, by the safety screen: not unknown.
        denied = self.lexicon.understood_elsewhere
        result.unknown = [
            t.text
            for t in self.toks
            if not t.used and _is_content(t.text) and not (t.negated and t.text in denied)
        ]
        return result

    def _drop_movements(self, hits: list[Hit], result: Understood) -> list[Hit]:
        """ "when I turn my head", "lying on my back": a movement or position, not a place,
        unless nothing else in the text says where it hurts."""
        regions = [h for h in hits if h.entry.kind == "region"]
        movements = [h for h in regions if self._is_movement(h)]
        if not movements:
            return hits
        # A place inside a symptom said to hurt names one too: "my shoulder clicks and hurts
        # when I lift my arm" is about the shoulder.
        if len(movements) == len(regions) and not self._symptom_place_hurts(hits):
            return hits
        result.movements = [h.words for h in movements]
        return [h for h in hits if h not in movements]

    def _is_movement(self, hit: Hit) -> bool:
        return self._said_before(hit.start, self.kb.body_words.movement_words, within=2)

    def _symptom_place_hurts(self, hits: list[Hit]) -> bool:
        """Does a symptom name a place that the next clause says hurts (no other place is
        named, so none can be in that clause)?"""
        return any(
            h.entry.kind == "symptom"
            and not self.toks[h.start].negated
            and self._places_within(h)
            and self._hurts_next(h, [])
            for h in hits
        )

    def _drop_history(self, hits: list[Hit], result: Understood) -> list[Hit]:
        """The places of the history clauses, kept in ``result.history`` with their words;
        not read as pain, unless nothing else in the text says where it hurts."""
        if not self.history:
            return hits
        regions = [h for h in hits if h.entry.kind == "region" and not self.toks[h.start].negated]
        past = [h for h in regions if self.toks[h.start].clause in self.history]
        for clause in sorted({self.toks[h.start].clause for h in past}):
            said = [t for t in self.toks if t.clause == clause and t.text not in CLAUSE_BREAKS]
            words = " ".join(f"{t.side} {t.text}".strip() for t in said).strip()
            places = tuple(
                Mention(base, h.side, h.words)
                for h in past
                if self.toks[h.start].clause == clause
                for base in h.entry.values
            )
            result.history.append(Aside(words, places))
        if not past or len(past) == len(regions):
            return hits
        return [h for h in hits if h not in past]

    def _record(self, result: Understood, hit: Hit, negated: bool) -> None:
        entry = hit.entry
        if entry.kind == "region":
            how = "assumed" if entry.muscle else "named"  # "my QL": where that muscle lies
            mentions = [Mention(base, hit.side, hit.words, how=how) for base in entry.values]
            (result.negated if negated else result.regions).extend(mentions)
        elif entry.kind in ("symptom", "context"):
            terms = self.kb.symptoms if entry.kind == "symptom" else self.kb.contexts
            term = Term(entry.values[0], terms[entry.values[0]].label, hit.words)
            target = {
                "symptom": (result.negated_symptoms, result.symptoms),
                "context": ([], result.contexts),
            }[entry.kind][0 if negated else 1]
            if all(t.id != term.id for t in target):
                target.append(term)
        elif entry.kind == "condition" and not negated:
            result.conditions.append(Term(hit.words, hit.words, hit.words, entry.values))

    def _fill_ranges(self, result: Understood, hits: list[Hit]) -> None:
        """ "from my buttock down to my heel": add the regions between along a body path."""
        regions = [h for h in hits if h.entry.kind == "region" and not self.toks[h.start].negated]
        for first, second in itertools.pairwise(regions):
            words_between = {t.text for t in self.toks[first.end : second.start]}
            same_sentence = self.toks[first.start].sentence == self.toks[second.start].sentence
            if not (words_between & RANGE_WORDS) or not same_sentence:
                continue
            found = self._path_between(first, second)
            if found is None:
                continue
            between, end = found
            side = second.side if second.side != "unspecified" else first.side
            words = f"{first.words} … {second.words}"
            result.regions.extend(Mention(base, side, words, how="path") for base in between)
            if end and end not in second.entry.values:
                # "to the knee" along the inside of the leg is the inside of the knee.
                result.regions[:] = [
                    m
                    for m in result.regions
                    if not (m.words == second.words and m.base in second.entry.values)
                ]
                result.regions.append(Mention(end, side, second.words))

    def _path_between(self, first: Hit, second: Hit) -> tuple[list[str], str] | None:
        """Regions strictly between two mentions on a body path, and the end region used.

        A bare part word at the end ("to my knee") may stand for any region of that part on
        the path; a path that also passes the mentions said between them is preferred."""
        said = {b for h in (first, second) for b in h.entry.values}
        best: tuple[int, list[str], str] | None = None
        for path in self.kb.body_words.paths.values():
            for a in first.entry.values:
                for b in self._end_options(second):
                    if a in path and b in path and a != b:
                        i, j = sorted((path.index(a), path.index(b)))
                        between = list(path[i + 1 : j])
                        exact = b in second.entry.values
                        score = 2 * exact + len(said & set(path))
                        if best is None or score > best[0]:
                            best = (score, between, b)
        return (best[1], best[2]) if best else None

    def _end_options(self, hit: Hit) -> list[str]:
        options = list(hit.entry.values)
        part = next((p for p in self.kb.body_words.parts if p.id == hit.entry.part), None)
        if part and hit.entry.values == part.regions["default"]:
            options += [r for regions in part.regions.values() for r in regions]
        return list(dict.fromkeys(options))

    def _add_symptom_places(self, result: Understood, hits: list[Hit]) -> None:
        """The place inside a symptom phrase ("my jaw clicks", "ringing in my ear"): where it
        hurts when nothing else names a place, or when the next clause says it hurts without
        naming one ("my jaw clicks and aches"). Reported as an assumption; otherwise the
        place only describes the symptom (a watery eye is not a painful one)."""
        inside = [
            (hit, found)
            for hit in hits
            if hit.entry.kind == "symptom" and not self.toks[hit.start].negated
            for found in self._places_within(hit)
        ]
        if not inside:
            return
        regions = [h for h in hits if h.entry.kind == "region"]
        sides = self._side_tokens()
        named = bool(result.regions)
        seen = {(m.base, m.side) for m in result.regions}
        for hit, place in inside:
            if named and not self._hurts_next(hit, regions):
                continue
            side = self._side_for(place, sides, regions)
            for base in place.entry.values:
                if (base, side) not in seen:
                    seen.add((base, side))
                    result.regions.append(Mention(base, side, hit.words, how="assumed"))

    def _places_within(self, hit: Hit) -> list[Hit]:
        """Single body words inside a phrase, as region hits of their own."""
        found = []
        for i in range(hit.start, hit.end):
            entries = self.lexicon.phrases.get((self.toks[i].text,), ())
            for entry in entries:
                if entry.kind == "region":
                    found.append(Hit(entry, i, i + 1, self.toks[i].text))
        return found

    def _hurts_next(self, hit: Hit, regions: list[Hit]) -> bool:
        """Whether the clause after this one, in the same sentence, says it hurts and names
        no place of its own (so it speaks of this one)."""
        after = self.toks[hit.end - 1].clause + 1
        sentence = self.toks[hit.start].sentence
        said = [t for t in self.toks if t.clause == after and t.sentence == sentence]
        named = any(self.toks[r.start].clause == after for r in regions)
        return not named and any(t.text in HURT_WORDS for t in said)

    def _apply_implied(self, result: Understood, hits: list[Hit]) -> None:
        """A complaint word alone ("sciatica") stands in for a place, as a stated assumption."""
        if result.regions:
            return
        for hit in hits:
            if hit.entry.kind == "implied" and not self.toks[hit.start].negated:
                side = hit.side or self._sentence_side(hit) or hit.entry.side
                for base in hit.entry.values:
                    result.regions.append(Mention(base, side, hit.words, how="assumed"))

    def _sentence_side(self, hit: Hit) -> str:
        sentence = self.toks[hit.start].sentence
        sides = [s for i, s in self._side_tokens() if self.toks[i].sentence == sentence]
        return sides[0] if sides else ""

    def _severity(self, text: str, result: Understood) -> None:
        match = SCORE.search(text.lower())
        if match and 0 <= int(match.group(1)) <= 10:
            result.intensity = int(match.group(1))
            return
        levels = [SEVERITY[t.text] for t in self.toks if t.text in SEVERITY]
        if levels:
            result.intensity = max(levels)


def _drop_unsided_repeats(result: Understood) -> None:
    """A place said without a side and again with one ("tennis elbow, on the outside of my
    right elbow") is one place, on that side."""
    sided = {m.base for m in result.regions if m.side != "unspecified"}
    result.regions = [m for m in result.regions if m.side != "unspecified" or m.base not in sided]


def _merge_regions(entries: list[Entry]) -> list[Entry]:
    """One phrase naming regions through several sources reads as the union of them."""
    regions = [b for e in entries if e.kind == "region" for b in e.values]
    part = next((e.part for e in entries if e.kind == "region" and e.part), "")
    muscle = next((e.muscle for e in entries if e.kind == "region" and e.muscle), "")
    rest = [e for e in entries if e.kind != "region"]
    merged = (
        [Entry("region", tuple(dict.fromkeys(regions)), part=part, muscle=muscle)]
        if regions
        else []
    )
    return merged + rest


def _is_content(word: str) -> bool:
    return (
        word.isalpha()
        and len(word) > 2
        and word not in PAIN_WORDS
        and word not in FUNCTION
        and word not in SIDE_WORDS
        and word not in NEGATIONS
        and word not in RANGE_WORDS
        and word not in CLAUSE_BREAKS
        and word not in TIME_WORDS
        and word not in SEVERITY  # read as the intensity
    )


def read_text(kb: KnowledgeBase, lexicon: Lexicon, text: str) -> Understood:
    """What the finder understood from ``text``."""
    return Reader(kb, lexicon).read(text)


__all__ = ["normalise", "read_text"]
