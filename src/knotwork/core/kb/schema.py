"""Strict schema of a muscle file (``data/muscles/<id>.yaml``) and of the bibliography.

Unknown keys are rejected and vocabularies are closed, so a typo is an error, never silently
ignored. The JSON Schema exported from these models (``knotwork kb schema``) lets editors check
files as they are written. Field descriptions double as the data-format documentation.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ID = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"

Area = Literal[
    "head-neck", "shoulder-arm", "forearm-hand", "trunk", "hip-pelvis", "thigh-knee", "leg-foot"
]
ZoneKind = Literal["essential", "spillover"]
ZoneSide = Literal["same", "opposite", "both"]
View = Literal["front", "back"]
Prevalence = Literal["very-common", "common", "occasional", "uncommon"]
Evidence = Literal["moderate", "low-moderate", "low", "very-low", "expert-opinion", "insufficient"]
FactorClass = Literal["mechanical", "systemic", "psychological"]
Relation = Literal["satellite", "synergist", "antagonist", "functional-unit", "key"]
TechniqueKind = Literal["pressure", "massage", "stretch", "heat", "movement"]
# How the body is placed (core/kb/postures.py reads the same words from text).
Posture = Literal["face-down", "face-up", "side-lying", "sitting", "standing", "kneeling"]
# What a caution does to the techniques it applies to (the safety filter's actions).
CautionAction = Literal["block", "cap-pressure", "no-tool", "no-heat", "lighter-dose"]
Tool = Literal[
    "thumb",
    "fingers",
    "knuckles",
    "hand",
    "tennis-ball",
    "lacrosse-ball",
    "small-ball",
    "two-balls",
    "foam-roller",
    "roller-stick",
    "hook-tool",
    "pinch-grip",
    "heat-pack",
    "wall",
    "door-frame",
    "towel",
    "chair",
    "none",
]
Professional = Literal[
    "dry-needling",
    "trigger-point-injection",
    "manual-therapy",
    "spray-and-stretch",
    "botulinum-toxin",
    "intraoral-release",
    "internal-pelvic-release",
    "exercise-therapy",
]
NoGoZone = Literal[
    "anterior-neck",
    "carotid",
    "vertebral-artery",
    "throat",
    "eye",
    "axilla",
    "inner-upper-arm",
    "elbow-crease",
    "ulnar-nerve",
    "wrist-front",
    "breast",
    "abdominal-aorta",
    "kidney-area",
    "spine-bony",
    "ribs-fragile",
    "femoral-triangle",
    "sciatic-nerve",
    "popliteal-fossa",
    "fibular-head",
    "pregnancy",
    "varicose-veins",
    "intraoral",
    "internal-pelvic",
    "eye-area",
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Range(Strict):
    """An inclusive range of whole numbers, e.g. ``{min: 30, max: 90}``."""

    min: int = Field(ge=0)
    max: int = Field(ge=0)


class Location(Strict):
    lay: str = Field(min_length=10, description="Where it is, in words anyone understands")
    anatomical: str = Field(min_length=10, description="Where it is, in anatomical terms")
    site: list[str] = Field(min_length=1, description="Atlas base region ids where it lies")
    view: View = Field(description="The drawing on which to mark it")


class Zone(Strict):
    """One region of a referral pattern."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        strict=True,
        json_schema_extra={"examples": [{"region": "temple", "kind": "essential"}]},
    )

    region: str = Field(description="Atlas base region id (sides are resolved from `side`)")
    kind: ZoneKind
    side: ZoneSide = Field("same", description="Relative to the trigger point's side")


class TriggerPoint(Strict):
    number: int = Field(ge=1, description="1, 2, 3... in the order of the standard references")
    label: str = Field(min_length=2, description="Short name, e.g. 'central fibres'")
    location: Location
    palpation: str = Field(min_length=20, description="How to find it by touch")
    referral: list[Zone] = Field(min_length=1)
    citations: list[str] = Field(min_length=1)


class Symptom(Strict):
    id: str = Field(description="Symptom id from data/vocab/symptoms.yaml")
    note: str = ""


class Mimic(Strict):
    condition: str = Field(min_length=3, description="A condition it is often mistaken for")
    note: str = ""


class Factor(Strict):
    kind: FactorClass = Field(description="Travell & Simons' class of perpetuating factor")
    factor: str = Field(min_length=5)
    correction: str = Field(min_length=5, description="What to do about it")
    activities: list[str] = Field(
        default_factory=list, description="Context ids from data/vocab/contexts.yaml"
    )


class Related(Strict):
    muscle: str = Field(pattern=ID)
    relation: Relation


class Dose(Strict):
    """How much, how often, at most. Exactly one of hold_seconds, strokes or minutes is set."""

    hold_seconds: Range | None = None
    strokes: Range | None = None
    minutes: Range | None = None
    repetitions: Range = Field(description="Holds, passes or sets per session")
    times_per_day: Range = Field(description="Sessions per day; its max is the daily maximum")
    pressure: Range | None = Field(None, description="Target discomfort on a 0-10 scale")


class Technique(Strict):
    id: str = Field(pattern=ID, description="Unique within the muscle")
    kind: TechniqueKind
    name: str = Field(min_length=5)
    tool: Tool
    position: str = Field(
        min_length=10, description="Body position in words, e.g. lying on your back"
    )
    postures: list[Posture] = Field(
        min_length=1,
        description="Every posture the position and steps offer (the safety filter acts on "
        "these; rule KB-024 checks them against the words)",
    )
    applied_at: list[str] = Field(min_length=1, description="Atlas base regions touched/pressed")
    steps: list[str] = Field(min_length=2)
    dose: Dose
    stop_if: list[str] = Field(min_length=1, description="Stop rules")
    evidence: Evidence
    citations: list[str] = Field(min_length=1)


class ProfessionalOption(Strict):
    kind: Professional
    description: str = Field(min_length=20)
    risks: list[str] = Field(min_length=1)
    evidence: Evidence
    citations: list[str] = Field(min_length=1)


class Caution(Strict):
    """A restriction the safety filter enforces on this muscle's techniques, for everyone
    (``always``) or for people with a personal factor. It applies to a technique that matches
    every selector given (sites, techniques, postures, kinds, tools; an empty one matches
    all); the sentence a person reads is written from these fields, plus the short note."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        strict=True,
        json_schema_extra={
            "examples": [
                {
                    "zone": "pregnancy",
                    "factors": ["pregnancy"],
                    "action": "cap-pressure",
                    "kinds": ["pressure"],
                    "sites": ["inner-leg"],
                    "max_pressure": 3,
                    "note": "A traditional point to avoid lies four finger-widths above the "
                    "inner ankle bone.",
                }
            ]
        },
    )

    zone: NoGoZone = Field(description="What it guards: a danger zone, or the condition")
    factors: list[str] = Field(
        min_length=1,
        description="`always` (everyone), or ids of personal factors from "
        "data/safety/cautions.yaml (pregnancy, varicose-veins, ...)",
    )
    action: CautionAction = Field(
        description="block, cap-pressure (with max_pressure), no-tool, no-heat or lighter-dose"
    )
    sites: list[str] = Field(
        default_factory=list, description="Atlas base regions it covers (a technique touching one)"
    )
    techniques: list[str] = Field(
        default_factory=list, description="Ids of this file's techniques it covers"
    )
    postures: list[Posture] = Field(
        default_factory=list,
        description="Postures it rules out; a technique offering another posture too is "
        "changed to that one, not blocked",
    )
    kinds: list[TechniqueKind] = Field(default_factory=list, description="Technique kinds")
    tools: list[Tool] = Field(default_factory=list, description="Tools")
    max_pressure: int | None = Field(None, ge=0, le=10, description="With cap-pressure: 0-10")
    note: str = Field(
        "",
        max_length=240,
        description="What the fields cannot say (why; the exact spot), in a sentence or two; "
        "never a permission the fields do not give",
    )


class SourceNote(Strict):
    """Where sources disagree or a fact is uncertain: both views, each cited."""

    text: str = Field(min_length=20)
    citations: list[str] = Field(min_length=1)


class MuscleFile(Strict):
    id: str = Field(pattern=ID, description="Kebab-case English name; equals the file name")
    name: str = Field(min_length=3)
    aliases: list[str] = Field(
        default_factory=list, description="Other names and abbreviations, shown to people"
    )
    misspellings: list[str] = Field(
        default_factory=list,
        description="Common misspellings: found by a search, never shown as a name",
    )
    area: Area
    part_of: str | None = Field(None, description="Whole muscle this part belongs to")
    description: str = Field(min_length=40, description="What it is and does, in our own words")
    prevalence: Prevalence = Field(description="How often it is a source of pain (a prior)")
    trigger_points: list[TriggerPoint] = Field(min_length=1)
    symptoms: list[Symptom] = Field(default_factory=list)
    mistaken_for: list[Mimic] = Field(default_factory=list)
    activities: list[str] = Field(
        default_factory=list, description="Context ids that strain or activate it"
    )
    perpetuating_factors: list[Factor] = Field(min_length=1)
    related: list[Related] = Field(default_factory=list)
    self_treatment: list[Technique] = Field(min_length=1)
    professional: list[ProfessionalOption] = Field(min_length=1)
    cautions: list[Caution] = Field(default_factory=list)
    source_notes: list[SourceNote] = Field(default_factory=list)
    citations: list[str] = Field(min_length=1)


RefType = Literal["book", "article", "guideline", "web", "chapter"]


class Reference(Strict):
    id: str = Field(pattern=ID)
    type: RefType
    authors: str = Field(min_length=3)
    year: int = Field(ge=1900, le=2100)
    title: str = Field(min_length=5)
    container: str = Field("", description="Journal, book series or site")
    edition: str = ""
    publisher: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    url: str = ""
    note: str = ""


class Bibliography(Strict):
    references: list[Reference] = Field(min_length=1)


class VocabTerm(Strict):
    id: str = Field(pattern=ID)
    label: str = Field(min_length=2)
    synonyms: list[str] = Field(default_factory=list)


class Vocabulary(Strict):
    terms: list[VocabTerm] = Field(min_length=1)


Modifier = Literal["front", "back", "outside", "inside", "top", "bottom", "deep"]


class BodyPart(Strict):
    id: str = Field(pattern=ID)
    words: list[str] = Field(min_length=1)
    default: list[str] = Field(min_length=1)
    front: list[str] | None = None
    back: list[str] | None = None
    outside: list[str] | None = None
    inside: list[str] | None = None
    top: list[str] | None = None
    bottom: list[str] | None = None
    deep: list[str] | None = None


class Implied(Strict):
    words: list[str] = Field(min_length=1)
    regions: list[str] = Field(min_length=1)
    side: Literal["both", "unspecified"]


class BodyWords(Strict):
    modifiers: dict[Modifier, list[str]]
    parts: list[BodyPart] = Field(min_length=1)
    not_places: list[str] = Field(
        default_factory=list, description="Phrases with body words that name no place"
    )
    movement_words: list[str] = Field(
        default_factory=list,
        description="Words that make a following body word a movement or position",
    )
    history_words: list[str] = Field(
        default_factory=list,
        description="Words that make the places of their clause a past treatment or condition "
        "(a clot, an operation), not where it hurts, unless the clause says it hurts",
    )
    implied: list[Implied] = Field(default_factory=list)


class EverydayWords(Strict):
    """Everyday English words within typo distance of a body or symptom word ("public" of
    "pubic", "selling" of "swelling"): the reader never corrects them. Generated by
    tools/everyday_words.py from a word-frequency list, then reviewed."""

    words: list[str] = Field(min_length=1)


class PathEntry(Strict):
    id: str = Field(pattern=ID)
    regions: list[str] = Field(min_length=2)


class Paths(Strict):
    paths: list[PathEntry] = Field(min_length=1)


class EvidenceSection(Strict):
    id: str = Field(pattern=ID)
    title: str = Field(min_length=3)
    body: list[str] = Field(min_length=1)
    citations: list[str] = Field(min_length=1)


class EvidenceFile(Strict):
    """The "About the evidence" page: what is known, what is disputed, with sources."""

    title: str
    sections: list[EvidenceSection] = Field(min_length=1)
