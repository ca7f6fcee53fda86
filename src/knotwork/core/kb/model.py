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
    # Found by a search ("trapezuis"), never shown as one of its names.
    misspellings: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        """Every name a search finds it by: its id, name, aliases and misspellings."""
        return (self.id, self.name, *self.aliases, *self.misspellings)

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

    def formatted(self, locator: bool = True) -> str:
        """One-line citation in a Vancouver-like style; ``locator=False`` leaves out the DOI
        or URL (a page shows it as a link)."""
        title = self.title.rstrip(".")
        parts = [f"{self.authors.rstrip('.')}. {title}{'' if title.endswith(('?', '!')) else '.'}"]
        if self.type == "article":
            vol = f";{self.volume}" if self.volume else ""
            iss = f"({self.issue})" if self.issue else ""
            pages = f":{self.pages}" if self.pages else ""
            parts.append(f"{self.container}. {self.year}{vol}{iss}{pages}.")
        else:
            # An edition ends in its own full stop ("2nd ed."): not one more after it.
            bits = [b.rstrip(".") for b in (self.container, self.edition, self.publisher) if b]
            parts.append(f"{'. '.join(bits)}; {self.year}." if bits else f"{self.year}.")
        if locator and self.link():
            parts.append(self.link()[1])
        return " ".join(parts)

    def link(self) -> tuple[str, str]:
        """(address, what to show) of where to read it: the DOI, else the URL; or empty."""
        if self.doi:
            return f"https://doi.org/{self.doi}", f"doi:{self.doi}"
        return (self.url, self.url) if self.url else ("", "")

    def short(self) -> str:
        """Author-year, as cited in running text: "Travell and Simons 1992", "Simons et al.
        1999"; a body goes by its name, or the abbreviation it gives ("NAMTPT 2020")."""
        names = [n.strip() for n in self.authors.split(",") if n.strip()]
        people = [_surname(n) for n in names]
        if not names or people[0] is None:
            return f"{_body(names[0] if names else self.authors)} {self.year}"
        others = [p for p in people[1:] if p]
        if len(others) > 1 or any(n.startswith("et al") for n in names[1:]):
            return f"{people[0]} et al. {self.year}"
        if others:
            return f"{people[0]} and {others[0]} {self.year}"
        return f"{people[0]} {self.year}"


def _surname(author: str) -> str | None:
    """ "Simons DG" -> "Simons"; None for a body ("NHS England") or a note."""
    words = author.split("(")[0].split()
    initials = words[-1].replace("-", "") if len(words) > 1 else ""
    # A surname is at most a few words ("da Silva"); longer is a note ("with a comment by").
    if initials.isalpha() and initials.isupper() and len(initials) <= 4 and len(words) <= 4:
        return " ".join(words[:-1])
    return None


def _body(name: str) -> str:
    """A body's name, or the abbreviation it gives in brackets: "National Institute for
    Health and Care Excellence (NICE)" -> "NICE"; other bracketed notes are left out."""
    head, _, rest = name.partition("(")
    inner = rest.split(")")[0].strip()
    if inner and " " not in inner and inner.replace("-", "").isupper():
        return inner
    return head.split(";")[0].strip()


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
