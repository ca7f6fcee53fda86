"""Runtime model of the safety data (frozen dataclasses, cached with the knowledge base)."""

from __future__ import annotations

from dataclasses import dataclass

URGENCY_ORDER = {"none": 0, "soon": 1, "urgent": 2, "emergency": 3}


@dataclass(frozen=True, slots=True)
class Escalation:
    urgency: str
    when: tuple[tuple[str, ...], ...]
    instruction: str


@dataclass(frozen=True, slots=True)
class RedFlag:
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

    @property
    def is_global(self) -> bool:
        return "any" in self.areas


@dataclass(frozen=True, slots=True)
class Effect:
    action: str
    kinds: tuple[str, ...]
    tools: tuple[str, ...]
    regions: tuple[str, ...]
    at_site: bool
    max_pressure: int | None
    reason: str
    site_scope: str = "region"


@dataclass(frozen=True, slots=True)
class CautionFactor:
    id: str
    label: str
    needs_site: bool
    text: tuple[tuple[str, ...], ...]
    effects: tuple[Effect, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SafetyData:
    flags: dict[str, RedFlag]
    always: tuple[Effect, ...]
    factors: dict[str, CautionFactor]
    areas: dict[str, tuple[str, ...]]  # screening area -> atlas group ids or base ids
