"""What the per-muscle rules check a muscle file against: the atlas, the ids and references
that exist, and the global safety rules. In a module of its own so the rule modules
(checks, caution_checks, dose_checks) need not import each other for it."""

from __future__ import annotations

from dataclasses import dataclass

from knotwork.core.atlas.model import Atlas
from knotwork.core.safety.model import SafetyData


@dataclass(frozen=True, slots=True)
class Context:
    atlas: Atlas
    muscle_ids: frozenset[str]
    references: frozenset[str]
    symptoms: frozenset[str]
    contexts: frozenset[str]
    factors: frozenset[str] = frozenset()  # personal factors of data/safety/cautions.yaml
    safety: SafetyData | None = None  # the global rules, when the safety data is sound
