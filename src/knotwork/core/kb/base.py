"""The immutable, indexed knowledge base: muscles by id, alias, region and area."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from knotwork.core.atlas.model import Atlas
from knotwork.core.errors import AmbiguousMuscle, UnknownMuscle
from knotwork.core.kb.model import BodyWords, Muscle, Reference, Term
from knotwork.core.safety.model import SafetyData
from knotwork.core.suggest import closest


def normalise_name(text: str) -> str:
    """Lower-case, single-spaced form without punctuation, used to match names and aliases."""
    cleaned = "".join(c if c.isalnum() or c == "'" else " " for c in text.lower())
    return " ".join(cleaned.split())


FIELDS = (
    "atlas",
    "muscles",
    "references",
    "symptoms",
    "contexts",
    "by_name",
    "by_region",
    "by_area",
    "by_part",
    "body_words",
    "safety",
)


class KnowledgeBase:
    """The whole knowledge base, read-only by convention. A plain class, not a dataclass:
    it is created on every command start, where generated dataclass code is a real cost."""

    __slots__ = FIELDS

    def __init__(
        self,
        *,
        atlas: Atlas,
        muscles: Mapping[str, Muscle],
        references: Mapping[str, Reference],
        symptoms: Mapping[str, Term],
        contexts: Mapping[str, Term],
        by_name: Mapping[str, str],
        by_region: Mapping[str, tuple[str, ...]],
        by_area: Mapping[str, tuple[str, ...]],
        by_part: Mapping[str, tuple[str, ...]],
        body_words: BodyWords,
        safety: SafetyData,
    ) -> None:
        self.atlas = atlas
        self.muscles = muscles
        self.references = references
        self.symptoms = symptoms
        self.contexts = contexts
        self.by_name = by_name
        self.by_region = by_region
        self.by_area = by_area
        self.by_part = by_part
        self.body_words = body_words
        self.safety = safety

    def replace(self, **changes: Any) -> KnowledgeBase:
        """A copy with some fields changed."""
        return KnowledgeBase(**{name: changes.get(name, getattr(self, name)) for name in FIELDS})

    def __iter__(self) -> Iterator[Muscle]:
        return iter(self.muscles.values())

    def __len__(self) -> int:
        return len(self.muscles)

    def muscle(self, key: str) -> Muscle:
        """A muscle by id, name or alias ("SCM", "traps"); ``UnknownMuscle`` suggests ids."""
        found = self.muscles.get(key) or self.muscles.get(self.by_name.get(normalise_name(key), ""))
        if found is None and normalise_name(key) in self.by_part:
            raise AmbiguousMuscle(key, self.by_part[normalise_name(key)])
        if found is None:
            pool = [*self.muscles, *self.by_name]
            ids = [self.by_name.get(c, c) for c in closest(normalise_name(key), pool, limit=5)]
            raise UnknownMuscle(key, list(dict.fromkeys(ids))[:3])
        return found

    def search(self, query: str) -> list[Muscle]:
        """The muscles a search box finds (the web's Muscles page and ``knotwork muscle``):
        those with ``query`` inside one of their names (misspellings included), else the one
        it names, else the closest names ("trapz" finds the upper trapezius)."""
        needle = normalise_name(query)
        if not needle:
            return list(self)
        found = [m for m in self if any(needle in normalise_name(n) for n in m.names())]
        if found:
            return found
        try:
            return [self.muscle(query)]
        except UnknownMuscle as error:  # a group's members, or the closest names
            return [self.muscles[s] for s in error.suggestions]

    def referring_to(self, region: str) -> list[Muscle]:
        """Muscles whose referral pattern includes this region (base or sided id; an unknown
        one is ``UnknownRegion`` with suggestions)."""
        base = region if region in self.atlas.bases else self.atlas.get(region).base
        return [self.muscles[m] for m in self.by_region.get(base, ())]

    def in_area(self, area: str) -> list[Muscle]:
        """The muscles of one body area (``AREAS``); an unknown area is refused."""
        from knotwork.core.kb.model import AREAS

        if area not in AREAS:
            from knotwork.core.errors import InvalidInput
            from knotwork.core.suggest import closest

            near = closest(area, AREAS)
            hint = f" Did you mean: {', '.join(near)}?" if near else ""
            raise InvalidInput(f"Unknown body area '{area}'.{hint} Areas: {', '.join(AREAS)}.")
        return [self.muscles[m] for m in self.by_area.get(area, ())]


GENERIC = frozenset(
    {
        "head",
        "muscle",
        "muscles",
        "fibres",
        "fibers",
        "upper",
        "lower",
        "middle",
        "part",
        "portion",
        "division",
        "long",
        "short",
        "the",
        "and",
    }
)


def part_index(muscles: Mapping[str, Muscle]) -> dict[str, tuple[str, ...]]:
    """Group names ("scalenes") and the words every member's names share ("scm") -> members."""
    groups: dict[str, list[Muscle]] = {}
    for muscle in muscles.values():
        if muscle.part_of:
            groups.setdefault(normalise_name(muscle.part_of), []).append(muscle)
    index: dict[str, tuple[str, ...]] = {}
    for name, members in groups.items():
        ids = tuple(m.id for m in members)
        index[name] = ids
        if len(members) < 2:
            continue
        shared = set.intersection(
            *({w for n in (m.name, *m.aliases) for w in normalise_name(n).split()} for m in members)
        )
        for word in shared - GENERIC:
            if len(word) >= 3:
                index.setdefault(word, ids)
    return index


def build_indexes(
    muscles: Mapping[str, Muscle],
) -> tuple[dict[str, str], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Name/alias, region and area indexes over the muscles (in id order)."""
    by_name: dict[str, str] = {}
    by_region: dict[str, list[str]] = {}
    by_area: dict[str, list[str]] = {}
    for muscle in muscles.values():
        for name in muscle.names():
            by_name.setdefault(normalise_name(name), muscle.id)
        for region in sorted(muscle.referral_regions()):
            by_region.setdefault(region, []).append(muscle.id)
        by_area.setdefault(muscle.area, []).append(muscle.id)
    return (
        by_name,
        {k: tuple(v) for k, v in by_region.items()},
        {k: tuple(v) for k, v in by_area.items()},
    )
