"""Strict schema of the safety data: red flags (one file each) and personal cautions."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from knotwork.core.kb.schema import Posture

ID = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
Urgency = Literal["emergency", "urgent", "soon"]
ScreenArea = Literal[
    "head-face", "neck", "shoulder-arm", "chest-thoracic", "low-back", "hip-leg", "any"
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Escalation(Strict):
    """A stronger urgency when extra words are present (e.g. a vision change with GCA)."""

    urgency: Urgency
    when: list[list[str]] = Field(min_length=1, description="All groups must match (AND of ORs)")
    instruction: str = Field(min_length=10)


class ExplainedAway(Strict):
    """Some of a flag's phrases, and what, said right next to one, explains it away."""

    signs: list[str] = Field(min_length=1, description="Phrases of the flag's text")
    by: list[str] = Field(min_length=1, description="Phrases that explain them away")


class RedFlagFile(Strict):
    id: str = Field(pattern=ID, description="Stable id; equals the file name")
    name: str = Field(min_length=5, description="Short name for clinicians")
    areas: list[ScreenArea] = Field(min_length=1, description="Where it applies; any = always")
    urgency: Urgency
    question: str = Field(min_length=15, description="A yes/no question a layperson can answer")
    instruction: str = Field(min_length=10, description="What to do: short and calm")
    why: str = Field(min_length=15, description="Why it matters, without naming a diagnosis")
    text: list[list[str]] = Field(
        min_length=1,
        description="How it shows in free text: groups of phrases; every group must match "
        "(AND), any phrase within a group will do (OR). Negated phrases never match.",
    )
    text_also: list[Annotated[list[list[str]], Field(min_length=1)]] = Field(
        default_factory=list,
        description="Other ways it shows in free text, each read like `text` (every group must "
        "match): the flag is raised when `text` or any one of these matches. For a warning sign "
        "that shows in two unrelated ways (arm and jaw ache on the stairs, with no chest word).",
    )
    explained_away: list[ExplainedAway] = Field(
        default_factory=list,
        description="Phrases of the sign that something said right next to them explains "
        "away (numbness 'after sitting on a hard chair'); the question is still asked",
    )
    recent: bool = Field(
        False,
        description="The sign is a recent event (an injury): a statement of it dated long ago "
        'in the same clause ("a car accident years ago") does not raise it. Its question '
        "is still asked. The first group of each statement names the event.",
    )
    recent_days: int | None = Field(
        None,
        ge=1,
        description='With recent: said as further back than this many days ("a fever two '
        'weeks ago"), the words do not raise it either; without it, about a year',
    )
    escalate: Escalation | None = None
    rescreen_days: int | None = Field(None, ge=1, description="Ask again after this many days")
    sources: list[str] = Field(min_length=1, description="Bibliography ids")


class Effect(Strict):
    """What a personal factor does to a technique it applies to."""

    action: Literal["block", "cap-pressure", "no-tool", "no-heat", "lighter-dose"]
    kinds: list[Literal["pressure", "massage", "stretch", "heat", "movement"]] = Field(
        default_factory=list, description="Technique kinds affected (empty: all)"
    )
    tools: list[str] = Field(default_factory=list, description="Tools affected (empty: all)")
    regions: list[str] = Field(
        default_factory=list, description="Atlas base regions affected (empty: everywhere)"
    )
    at_site: bool = Field(False, description="Only at the site(s) the person names")
    site_scope: Literal["region", "limb"] = Field(
        "region", description="At a named site: that region only, or the whole limb it is on"
    )
    max_pressure: int | None = Field(None, ge=0, le=10)
    positions: list[Posture] = Field(
        default_factory=list,
        description="Only techniques done in these postures (a technique's `postures`); one "
        "that offers another posture too is changed to it, not blocked (empty: any posture)",
    )
    reason: str = Field(min_length=10, description="Why, in plain words, shown with the change")


class CautionEntry(Strict):
    id: str = Field(pattern=ID)
    label: str = Field(min_length=5, description="As a person would tick it")
    when: str = Field(
        min_length=5,
        description='How a muscle\'s caution for this factor begins: "If you are pregnant"',
    )
    needs_site: bool = Field(False, description="The person says where (a limb, a scar...)")
    text: list[list[str]] = Field(default_factory=list, description="Free-text signals")
    recent: bool = Field(
        False,
        description="A recent event (an operation, an illness): said only as long ago "
        '("surgery years ago") the words do not set it. The first group names the event.',
    )
    recent_days: int | None = Field(
        None,
        ge=1,
        description="With recent: said as further back than this many days "
        '("surgery two months ago"), the words do not set it either',
    )
    effects: list[Effect] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)


class CautionsFile(Strict):
    always: list[Effect] = Field(description="Rules that apply to everyone")
    factors: list[CautionEntry] = Field(min_length=1)


class AreaMap(Strict):
    """Screening areas in atlas terms."""

    areas: dict[ScreenArea, list[str]] = Field(description="area -> atlas groups or base ids")


class ConceptsFile(Strict):
    """Named sets of terms the flags share (``$headache`` in a flag's group stands for every
    term of the concept ``headache``), so a sign is spelled out once."""

    concepts: dict[Annotated[str, Field(pattern=ID)], Annotated[list[str], Field(min_length=1)]]
