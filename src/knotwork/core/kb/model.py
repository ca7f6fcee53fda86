"""Runtime model of the knowledge base: immutable named tuples built from validated files.

These mirror ``schema.py`` but import nothing heavy, so a cached knowledge base loads in a few
milliseconds (pydantic and YAML are only needed when the data files change). Named tuples, not
dataclasses: they are created several times faster at import and unpickle faster, which is
most of a command's start-up time.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

ZoneKind = Literal["essential", "spillover"]
# The body areas in display order (head to foot); schema.Area lists the same ids.
AREAS = (
    "head-neck",
    "shoulder-arm",
    "forearm-hand",
    "trunk",
    "hip-pelvis",
    "thigh-knee",
    "leg-foot",
)
ZoneSide = Literal["same", "opposite", "both"]
ALWAYS = "always"  # a caution's factor for everyone, not for a personal factor


class Span(NamedTuple):
    min: int
    max: int

    def __str__(self) -> str:
        return str(self.min) if self.min == self.max else f"{self.min}-{self.max}"


class Location(NamedTuple):
    lay: str
    anatomical: str
    site: tuple[str, ...]
    view: str


class Zone(NamedTuple):
    region: str
    kind: ZoneKind
    side: ZoneSide = "same"


class TriggerPoint(NamedTuple):
    number: int
    label: str
    location: Location
    palpation: str
    referral: tuple[Zone, ...]
    citations: tuple[str, ...]

    def zones(self, kind: ZoneKind) -> tuple[Zone, ...]:
        return tuple(z for z in self.referral if z.kind == kind)


class Symptom(NamedTuple):
    id: str
    note: str = ""


class Mimic(NamedTuple):
    condition: str
    note: str = ""


class Factor(NamedTuple):
    kind: str
    factor: str
    correction: str
    activities: tuple[str, ...] = ()


class Related(NamedTuple):
    muscle: str
    relation: str


class Dose(NamedTuple):
    repetitions: Span
    times_per_day: Span
    hold_seconds: Span | None = None
    strokes: Span | None = None
    minutes: Span | None = None
    pressure: Span | None = None


class Technique(NamedTuple):
    id: str
    kind: str
    name: str
    tool: str
    position: str
    postures: tuple[str, ...]
    applied_at: tuple[str, ...]
    steps: tuple[str, ...]
    dose: Dose
    stop_if: tuple[str, ...]
    evidence: str
    citations: tuple[str, ...]


class ProfessionalOption(NamedTuple):
    kind: str
    description: str
    risks: tuple[str, ...]
    evidence: str
    citations: tuple[str, ...]


class Caution(NamedTuple):
    """A restriction on this muscle's techniques (see schema.Caution); ``text`` is the
    sentence a person reads, written from the other fields when the data is compiled."""

    zone: str
    factors: tuple[str, ...]
    action: str
    text: str
    sites: tuple[str, ...] = ()
    techniques: tuple[str, ...] = ()
    postures: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    max_pressure: int | None = None
    note: str = ""


class SourceNote(NamedTuple):
    text: str
    citations: tuple[str, ...]


class Muscle(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    area: str
    part_of: str | None
    description: str
    prevalence: str
    trigger_points: tuple[TriggerPoint, ...]
    symptoms: tuple[Symptom, ...]
    mistaken_for: tuple[Mimic, ...]
    activities: tuple[str, ...]
    perpetuating_factors: tuple[Factor, ...]
    related: tuple[Related, ...]
    self_treatment: tuple[Technique, ...]
    professional: tuple[ProfessionalOption, ...]
    cautions: tuple[Caution, ...]
    source_notes: tuple[SourceNote, ...]
    citations: tuple[str, ...]

    def referral_regions(self, kind: ZoneKind | None = None) -> set[str]:
        """Base region ids this muscle refers to (of one kind, or any)."""
        return {
            z.region
            for tp in self.trigger_points
            for z in tp.referral
            if kind is None or z.kind == kind
        }

    def sites(self) -> set[str]:
        """Base region ids where its trigger points lie (local tenderness)."""
        return {s for tp in self.trigger_points for s in tp.location.site}


class Reference(NamedTuple):
    id: str
    type: str
    authors: str
    year: int
    title: str
    container: str = ""
    edition: str = ""
    publisher: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    url: str = ""
    note: str = ""

    def formatted(self) -> str:
        """One-line citation in a Vancouver-like style."""
        parts = [f"{self.authors}. {self.title.rstrip('.')}."]
        if self.type == "article":
            vol = f";{self.volume}" if self.volume else ""
            iss = f"({self.issue})" if self.issue else ""
            pages = f":{self.pages}" if self.pages else ""
            parts.append(f"{self.container}. {self.year}{vol}{iss}{pages}.")
        else:
            bits = [b for b in (self.container, self.edition, self.publisher) if b]
            parts.append(f"{'. '.join(bits)}; {self.year}." if bits else f"{self.year}.")
        if self.doi:
            parts.append(f"doi:{self.doi}")
        elif self.url:
            parts.append(self.url)
        return " ".join(parts)


class Term(NamedTuple):
    id: str
    label: str
    synonyms: tuple[str, ...]


class BodyPart(NamedTuple):
    """A plain word for a part of the body and the base regions each modifier points to."""

    id: str
    words: tuple[str, ...]
    regions: dict[str, tuple[str, ...]]  # modifier ("default", "front", ...) -> base regions


class Implied(NamedTuple):
    words: tuple[str, ...]
    regions: tuple[str, ...]
    side: str


class BodyWords(NamedTuple):
    modifiers: dict[str, tuple[str, ...]]
    parts: tuple[BodyPart, ...]
    implied: tuple[Implied, ...]
    paths: dict[str, tuple[str, ...]]
    not_places: tuple[str, ...] = ()
    movement_words: tuple[str, ...] = ()
    history_words: frozenset[str] = frozenset()
    everyday_words: frozenset[str] = frozenset()  # never read as a typo of a body word
