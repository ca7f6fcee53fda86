"""Diary records checked against the atlas and the knowledge base: region ids with their
sides, context ids, muscles, their techniques and tools, red-flag questions. Bad input raises
``InvalidInput`` (or an ``UnknownId`` with the closest ids) naming what to fix.
"""

from __future__ import annotations

from functools import cached_property
from typing import get_args

from knotwork.core.diary.model import Entry
from knotwork.core.diary.records import Finding
from knotwork.core.diary.treatment import Treatment
from knotwork.core.errors import InvalidInput, UnknownQuestion
from knotwork.core.finder.query import known_terms
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.model import Muscle
from knotwork.core.suggest import closest


class DiaryChecks:
    """The vocabularies a diary record must come from, taken from one knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    @cached_property
    def tools(self) -> tuple[str, ...]:
        from knotwork.core.kb.schema import Tool  # the knowledge base's tool vocabulary

        return get_args(Tool)

    def region(self, region: str) -> str:
        """A sided atlas id ("calf-left"); a paired place without its side is refused with
        both sides offered."""
        return self.kb.atlas.get(region).id

    def muscle(self, key: str) -> Muscle:
        """A muscle by id, name or alias (an unknown one suggests ids)."""
        return self.kb.muscle(key)

    def technique_tool(self, muscle: str, technique: str) -> str | None:
        """The tool a muscle's technique uses (a treatment that names the technique but no
        tool takes it); None for a technique the muscle does not have (refused later)."""
        found = self.kb.muscles.get(muscle)
        techniques = found.self_treatment if found else ()
        return next((t.tool for t in techniques if t.id == technique), None)

    def entry(self, entry: Entry) -> Entry:
        for rating in entry.regions:
            self.region(rating.region)
        known_terms(self.kb.contexts, entry.contexts, "context")
        return entry

    def treatment(self, t: Treatment) -> Treatment:
        if t.muscle is not None:
            muscle = self.kb.muscles.get(t.muscle)
            if muscle is None:
                raise InvalidInput(f"Unknown muscle id '{t.muscle}'.")
            if t.technique is not None:
                ids = [tech.id for tech in muscle.self_treatment]
                if t.technique not in ids:
                    near = closest(t.technique, ids)
                    hint = f" Did you mean: {', '.join(near)}?" if near else ""
                    listed = ", ".join(ids) or "none"
                    raise InvalidInput(
                        f"The {muscle.name.lower()} has no technique '{t.technique}'.{hint} "
                        f"Its techniques: {listed}."
                    )
        if t.region is not None:
            self.region(t.region)
        if t.tool is not None and t.tool not in self.tools:
            near = closest(t.tool, self.tools)
            hint = f" Did you mean: {', '.join(near)}?" if near else ""
            raise InvalidInput(f"Unknown tool '{t.tool}'.{hint}")
        return t

    def finding(self, f: Finding) -> Finding:
        for mark in f.marks:
            self.region(mark.region)
        for muscle in (*f.muscles, *(m for m, _ in f.press)):
            if muscle not in self.kb.muscles:
                raise InvalidInput(f"Unknown muscle id '{muscle}'.")
        for caution in f.cautions:
            factor = caution.partition(":")[0]
            if factor not in self.kb.safety.factors:
                near = closest(factor, self.kb.safety.factors)
                hint = f" Did you mean: {', '.join(near)}?" if near else ""
                raise InvalidInput(f"Unknown caution '{factor}'.{hint}")
        for question, _ in f.answers:
            if question not in self.kb.safety.flags:
                raise UnknownQuestion(question, closest(question, self.kb.safety.flags))
        return f
