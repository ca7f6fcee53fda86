"""A finder result as a diary record's fields: what the person gave (marks, words, answers,
press-test answers, cautions) and what they were shown (the muscles, the safety level)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from knotwork.core.diary.records import Mark
from knotwork.core.finder.query import Query

STOPPED = ("emergency", "urgent")  # the muscles are not shown until the person is seen


def finding_fields(query: Query, document: Mapping[str, Any]) -> dict[str, Any]:
    level = document["safety"]["level"]
    shown = () if level in STOPPED else tuple(c["muscle"]["id"] for c in document["candidates"])
    return {
        "marks": tuple(
            Mark(m.region, m.intensity, m.primary) for m in query.marks if not m.unspecified
        ),
        "text": query.text,
        "answers": tuple(sorted(query.answers.items())),
        "muscles": shown,
        "press": tuple(sorted(query.press.items())),
        "cautions": tuple(
            f"{factor}:{','.join(sites)}" if sites else factor
            for factor, sites in sorted(query.cautions.items())
        ),
        "level": level,
    }
