"""The shapes of the API's answers, for /openapi.json.

These models document; they do not serialise (the core builds the documents and orjson writes
them, see bench/web_load.py). Each names the fields a client can rely on, with their types;
objects may carry more fields than listed (``extra="allow"``). The schemathesis run in
tests/web/test_fuzz.py checks every answer the API gives against them.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorInfo(Open):
    code: str = Field(description="Stable machine-readable code, e.g. unknown_region")
    message: str = Field(description="One sentence for a person")
    suggestions: list[str] = Field(description="The closest known ids, when one was unknown")
    details: list[str] = Field(description="Which fields were wrong, and why")


class ErrorOut(Open):
    """The one error shape of every 4xx and 5xx answer, JSON or HTML."""

    ok: bool = Field(description="Always false")
    status: int = Field(description="The HTTP status, repeated")
    error: ErrorInfo


class Question(Open):
    id: str
    question: str
    urgency: str


class Flag(Open):
    id: str
    name: str
    urgency: str
    question: str
    answered_yes: bool
    matched_words: list[str]
    instruction: str = Field(description="What to do, first")
    why: str


class TickBox(Open):
    value: str = Field(description="FLAG:PART (FLAG+OTHER:PART: shared), or a stem's id")
    text: str = Field(description="One condition, as a person would tick it")
    ticked: bool


class GroupFlag(Open):
    id: str
    name: str
    state: str = Field(description="open, yes, no, or raised (by the words: shown, not asked)")
    intro: str | None = Field(description="The condition every box comes with, if any")
    waits: str | None = Field(description="The stem it waits behind (no boxes until ticked)")
    parts: list[TickBox]


class QuestionGroup(Open):
    id: str
    title: str = Field(description="A lay title")
    stems: list[TickBox] = Field(description="Conditions that bring their flags' boxes")
    flags: list[GroupFlag]
    answered: bool
    shown: str = Field(description="The flags the group answers (FLAG@STEM: behind a stem)")
    none: bool = Field(description="Answered with None of these")


class Questions(Open):
    """The questions in "tick any that apply" groups, each with its own "None of these"."""

    groups: list[QuestionGroup]
    groups_left: int
    items: int = Field(description="Tick boxes shown")
    items_left: int = Field(description="Tick boxes of flags not yet answered")


class SafetyOut(Open):
    """The safety block: the level, the flags raised and the questions still to answer."""

    level: str = Field(description="none, soon, urgent or emergency")
    message: str
    self_treatment: bool = Field(description="False: show no self-treatment or press test")
    education: bool
    screening_complete: bool
    flags: list[Flag]
    set_aside: list[dict[str, Any]] = Field(description="Flags said as past, not raised")
    areas: list[str]
    unanswered: list[Question]
    answered: list[dict[str, Any]]
    questions: Questions
    notice: str


class MuscleRef(Open):
    id: str
    name: str


class Explanation(Open):
    summary: str
    explains: list[dict[str, Any]]
    not_explained: list[dict[str, Any]]
    trigger_points: list[dict[str, Any]]
    press_answer: str | None


class Candidate(Open):
    rank: int
    muscle: MuscleRef
    side: str
    score: float
    explanation: Explanation


class Cover(Open):
    muscles: list[dict[str, Any]]
    not_explained: list[dict[str, Any]]
    complete: bool


class Understood(Open):
    regions: list[dict[str, Any]]
    symptoms: list[dict[str, Any]]
    context: list[dict[str, Any]]
    not_understood: list[str]
    cautions: list[dict[str, Any]]


class FindOut(Open):
    """The finder's document, as `knotwork find --json` prints it (docs/finder.md)."""

    version: int
    safety: SafetyOut
    understood: Understood
    candidates: list[Candidate]
    explains_all: Cover
    model: dict[str, Any]
    notice: str


class MuscleSummary(Open):
    id: str
    name: str
    area: str
    aliases: list[str]
    trigger_points: int
    prevalence: str


class MusclesOut(Open):
    ok: bool
    muscles: list[MuscleSummary]


class MuscleFull(Open):
    id: str
    name: str
    area: str
    trigger_points: list[dict[str, Any]]
    self_treatment: list[dict[str, Any]] = Field(description="Filtered by cautions and the gate")
    references: list[dict[str, Any]]
    gate_level: str
    safety: SafetyOut | None


class MuscleOut(Open):
    ok: bool
    muscle: MuscleFull


class Region(Open):
    id: str
    base: str
    side: str
    label: str
    lay: str
    group: str
    views: list[str]
    synonyms: list[str]


class RegionsOut(Open):
    ok: bool
    regions: list[Region]
