"""The report's content and pictures from one person's diary: what the CLI, the page, its JSON
twin and the PDF are all made from."""

from __future__ import annotations

from typing import Any

from knotwork.adapters.report.pictures import pictures
from knotwork.core.diary.present import namer
from knotwork.core.diary.service import Diary
from knotwork.core.fairtest.repository import FairTestRepository
from knotwork.core.fairtest.service import results_for
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.report.build import Report, build_report
from knotwork.core.report.present import report_dict


def report_data(
    diary: Diary, kb: KnowledgeBase, person: str = "", fair: FairTestRepository | None = None
) -> tuple[dict[str, Any], Report]:
    """The report's data and content; ``fair``: the person's fair tests, if the store has
    them (each analysed as of the person's today)."""
    name = namer(kb)
    flags = kb.safety.flags

    def question(flag: str) -> str:
        return flags[flag].question if flag in flags else flag

    def short(flag: str) -> str:
        return flags[flag].name if flag in flags else flag

    results = results_for(fair, diary.repo, diary.today()) if fair is not None else []
    report = build_report(diary, name, results)
    return report_dict(report, person, name, question, short), report


def report_pictures(
    report: Report, data: dict[str, Any], kb: KnowledgeBase, pdf: bool
) -> dict[str, str]:
    return pictures(report, kb.atlas, data["trend"]["title"], pdf=pdf)
