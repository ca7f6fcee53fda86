"""The data behind the Fair test, What seemed to help and How we compare pages (each page's
JSON twin is this data), and the fair-test use cases for a request."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from fastapi import Request

from knotwork.adapters.web.diary_store import diary
from knotwork.core.errors import InvalidInput, KnotworkError
from knotwork.core.fairtest.analysis import Result
from knotwork.core.fairtest.helped import REASONS, SUMMARY, Helped, what_helped
from knotwork.core.fairtest.method import method
from knotwork.core.fairtest.plan import ARM_KIND_LABELS, ARM_KINDS, MAX_START_AHEAD, OUTCOME_LABELS
from knotwork.core.fairtest.present import helped_dict as core_helped_dict
from knotwork.core.fairtest.present import prompt_dict, result_dict, today_dict
from knotwork.core.fairtest.service import RECOMMENDED_BLOCKS, FairTests
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.stats.schedule import MAX_BLOCKS, MIN_BLOCKS

HELPED_PERIODS = (("90", "90 days"), ("365", "A year"), ("all", "All of it"))


def fair_tests(request: Request, zone: str | None = None) -> FairTests:
    """The local person's fair tests and diary for this request."""
    d = diary(request, zone)
    return FairTests(request.app.state.knotwork.diary.open().fair_tests(), d)


def plan_defaults(today: date, query: dict[str, str]) -> dict[str, Any]:
    """The plan form's values: "Test this fairly" fills option A (and B) from the query."""
    kind = query.get("a_kind", "")
    return {
        "a_name": query.get("a_name", "")[:80],
        "a_kind": kind if kind in ARM_KINDS else "",
        "a_muscle": query.get("a_muscle", "")[:60],
        "b_name": query.get("b_name", "nothing new")[:80],
        "b_kind": query.get("b_kind", "nothing-new")
        if query.get("b_kind", "nothing-new") in ARM_KINDS
        else "",
        "blocks": RECOMMENDED_BLOCKS,
        "start": today.isoformat(),
        "latest_start": (today + timedelta(days=MAX_START_AHEAD)).isoformat(),
        "outcome": "peg",
    }


def fair_test_page(
    tests: FairTests, query: dict[str, str], results: list[Result]
) -> dict[str, Any]:
    """The newest test (today's option, progress, results), earlier ones, and the plan form
    when no test is planned or running (``results``: every test's, newest first)."""
    day = tests.today_date()
    now = tests.today()
    current = results[0] if results else None
    active = current is not None and current.status in ("planned", "running")
    return {
        "today": day.isoformat(),
        "day": today_dict(now) if now else None,
        "current": result_dict(current) if current else None,
        "progress": _progress(current) if current else None,
        "earlier": [_brief(r) for r in results[1:]],
        "can_plan": not active,
        "plan": plan_defaults(day, query),
        "kinds": [{"id": k, "label": ARM_KIND_LABELS[k]} for k in ARM_KINDS],
        "outcomes": [{"id": k, "label": v} for k, v in OUTCOME_LABELS.items()],
        "blocks_range": [MIN_BLOCKS, MAX_BLOCKS],
        "prompt": prompt_dict(),
    }


def _progress(r: Result) -> dict[str, Any]:
    done = sum(1 for b in r.blocks if b.counted)
    over = sum(1 for p in r.periods if p.state == "over") // 2
    return {
        "blocks_over": over,
        "blocks_counted": done,
        "blocks": r.test.schedule.blocks,
        "summary": f"{over} of {r.test.schedule.blocks} blocks over; {done} complete enough to "
        "compare.",
    }


def _brief(r: Result) -> dict[str, Any]:
    data = result_dict(r)
    return {
        "id": r.test.id,
        "a": r.test.a.name,
        "b": r.test.b.name,
        "start": r.test.start.isoformat(),
        "status": r.status,
        "headline": data["headline"],
    }


def helped_page(tests: FairTests, kb: KnowledgeBase, chosen: str) -> dict[str, Any]:
    days = helped_days(chosen)
    until = tests.today_date()
    since = None if days is None else until - timedelta(days=days - 1)
    treatments = tests.diary.repo.treatments(since, until)
    rows = what_helped(treatments, lambda i: _name(kb, i))
    return {
        "since": None if since is None else since.isoformat(),
        "until": until.isoformat(),
        "periods": [
            {"days": d, "label": name, "current": d == chosen} for d, name in HELPED_PERIODS
        ],
        "treatments": len(treatments),
        "rows": [helped_dict(h) for h in rows],
        "summary": SUMMARY,
        "reasons": [{"name": n, "why": w} for n, w in REASONS],
        "sources": ["whitney-vonkorff-1992"],
    }


def helped_days(value: str) -> int | None:
    if value == "all":
        return None
    if not value.isdigit() or not 7 <= int(value) <= 3660:
        raise InvalidInput(f"days must be a whole number 7 to 3660, or all; not '{value}'.")
    return int(value)


def _name(kb: KnowledgeBase, key: str) -> str:
    if key in kb.muscles:
        return kb.muscles[key].name
    try:
        return kb.atlas.get(key).label
    except KnotworkError:  # an id the atlas no longer has is shown as it is
        return key


def helped_dict(h: Helped) -> dict[str, Any]:
    """A row with its "Test this fairly" link (the plan form, option A filled in)."""
    test = {"a_name": h.arm.name, "a_kind": h.arm.kind or "", "a_muscle": h.arm.muscle or ""}
    link = "/fair-test?" + urlencode({k: v for k, v in test.items() if v})
    return {**core_helped_dict(h), "test_this": link}


def method_page(kb: KnowledgeBase) -> dict[str, Any]:
    data = method()
    data["sources"] = [
        {**s, "reference": kb.references[s["id"]].formatted()} for s in data["sources"]
    ]
    return data
