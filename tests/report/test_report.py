"""The clinician report: its figures from the personas' diaries (on both stores), and the PDF
(one page, A4 and Letter, tagged) rendered to PNG with pdftoppm for people to look at and read
back with pdftotext to check it carries the figures."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from knotwork.adapters.report.pdf import render_pdf
from knotwork.adapters.report.view import report_data, report_pictures
from knotwork.adapters.store.store import open_store
from knotwork.core.diary.repository import Contents
from knotwork.core.diary.service import Diary
from knotwork.core.diary.when import When, fixed_clock
from knotwork.core.kb import load_kb
from knotwork.core.kb.base import KnowledgeBase
from tests import personas

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "screenshots"
PEOPLE = {
    "alice": (personas.alice, personas.alice_findings, personas.ALICE_NOW, personas.ALICE_ZONE),
    "ravi": (personas.ravi, personas.ravi_findings, personas.RAVI_NOW, personas.RAVI_ZONE),
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@contextmanager
def diary_of(url: str, who: str, kb: KnowledgeBase) -> Iterator[Diary]:
    contents, findings, now, zone = PEOPLE[who]
    c = contents()
    store = open_store(url)
    try:
        diary = Diary(store.repository(), kb, fixed_clock(now), zone)
        diary.restore(Contents(c.entries, c.treatments, c.impressions, findings()))
        yield diary
    finally:
        store.close()


@pytest.fixture(scope="module")
def diaries(
    tmp_path_factory: pytest.TempPathFactory, kb: KnowledgeBase
) -> Iterator[dict[str, Diary]]:
    folder = tmp_path_factory.mktemp("report")
    with ExitStack() as stack:
        yield {
            who: stack.enter_context(diary_of(f"sqlite:///{folder / who}.db", who, kb))
            for who in PEOPLE
        }


def test_alices_year_in_figures(store_url: str, kb: KnowledgeBase) -> None:
    with diary_of(store_url, "alice", kb) as diary:
        data, _ = report_data(diary, kb, "Alice Example")
    assert data["person"] == "Alice Example"
    assert (data["diary"]["first"], data["diary"]["last"]) == ("2026-01-01", "2026-12-31")
    assert data["diary"]["counts"]["entry"] == 730
    start = data["since_start"]
    assert start["start"]["first"] == "2026-01-01" and start["now"]["last"] == "2026-12-31"
    assert start["baseline"] > 5.5 and start["current"] < 3.5
    assert start["meaningful"] and start["direction"] == "better"
    assert data["trend"]["days"] == 90 and data["trend"]["since"] == "2026-10-03"
    assert not data["trend"]["change"]["meaningful"]  # flat at about 3 since the summer
    release = data["treatments"][0]
    assert release["label"] == "Release: Upper trapezius (right)"
    assert release["count"] == sum(
        t.when.day >= datetime(2026, 10, 3).date() for t in personas.alice().treatments
    )
    assert [m["name"] for m in data["muscles"][:1]] == ["Upper trapezius"]
    assert data["muscles"][0]["press"] == "yes" and data["muscles"][0]["shown"] == 2
    assert data["muscles"][-1]["press"] == "no"  # the levator scapulae, in June
    night = next(a for a in data["safety"]["answers"] if a["id"] == "night-pain")
    assert (night["answer"], night["day"]) == ("yes", "2026-06-14")
    assert data["safety"]["level"] == "soon"
    assert data["pgic"]["label"] == "much improved"
    assert data["places"][0]["region"] == "back-of-neck-right"
    assert data["not_a_diagnosis"] == "Self-reported; not a diagnosis."


def test_an_empty_diary_makes_an_empty_report(store_url: str, kb: KnowledgeBase) -> None:
    store = open_store(store_url)
    try:
        diary = Diary(store.repository(), kb, fixed_clock(personas.ALICE_NOW), "UTC")
        data, report = report_data(diary, kb)
    finally:
        store.close()
    assert report.empty and data["since_start"] is None and data["treatments"] == []
    assert report_pictures(report, data, kb, pdf=True) == {}
    assert render_pdf(data, {}, "a4").startswith(b"%PDF-")


def pdf_facts(path: Path) -> dict[str, str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(re.findall(r"^([^:]+):\s+(.*)$", info.stdout, re.MULTILINE))


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True)  # fmt: skip
    return done.stdout


@pytest.fixture(scope="module")
def tools() -> None:
    missing = [t for t in ("pdftoppm", "pdftotext", "pdfinfo") if not shutil.which(t)]
    if missing:
        pytest.fail(f"{missing} are needed (poppler-utils): run scripts/system-deps")


@pytest.mark.parametrize("who", sorted(PEOPLE))
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_pdf_is_one_tagged_page_that_carries_the_figures(
    diaries: dict[str, Diary], kb: KnowledgeBase, tmp_path: Path, tools: None, who: str, paper: str
) -> None:
    name = "Alice Example" if who == "alice" else ""
    data, report = report_data(diaries[who], kb, name)
    pdf = render_pdf(data, report_pictures(report, data, kb, pdf=True), paper)
    path = tmp_path / f"report-{who}-{paper}.pdf"
    path.write_bytes(pdf)
    facts = pdf_facts(path)
    assert facts["Pages"] == "1"
    assert facts["Tagged"] == "yes"  # PDF/UA-1: a structure tree for screen readers
    assert facts["Page size"].endswith("(A4)" if paper == "a4" else "(letter)")
    assert facts["Title"].startswith("Pain diary: summary for a clinician")
    text = " ".join(pdf_text(path).split())
    check_figures(text, data)
    SHOTS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(path),
                    str(SHOTS / f"report-pdf-{who}-{paper}")], check=True)  # fmt: skip
    assert (SHOTS / f"report-pdf-{who}-{paper}.png").stat().st_size > 20_000


def check_figures(text: str, data: dict[str, Any]) -> None:
    start = data["since_start"]
    assert f"{start['baseline']:.1f} → {start['current']:.1f}" in text
    assert f"{start['points']:+.1f} points" in text
    assert "Self-reported; not a diagnosis." in text
    assert data["trend"]["title"] in text
    for t in data["treatments"][:4]:
        assert f"{t['count']} {t['per_week']:.1f}" in text, t
    for m in data["muscles"][:3]:
        assert m["name"] in text
    if data["person"]:
        assert data["person"] in text
    for place in data["places"][:3]:
        assert place["label"] in text
    yes = [a for a in data["safety"]["answers"] if a["answer"] == "yes"]
    for a in yes:
        assert a["question"][:40] in text


def test_a_finished_fair_test_is_in_the_report_and_the_page_stays_one(
    tmp_path: Path, kb: KnowledgeBase, tools: None
) -> None:
    """Ravi's diary with a fair test after it: ice against heat, 3 blocks of daily PEG-3
    answers, about 2 points lower in the ice weeks."""
    from knotwork.core.diary.model import Entry, Peg
    from knotwork.core.fairtest.plan import Arm
    from knotwork.core.fairtest.service import FairTests

    c = personas.ravi()
    start = personas.RAVI_SURGERY + timedelta(days=-49)  # ends before the diary's own weeks
    now = datetime.combine(start + timedelta(days=60), datetime.min.time(), tzinfo=UTC)
    store = open_store(f"sqlite:///{tmp_path / 'fair.db'}")
    try:
        then = datetime.combine(start, time(9), tzinfo=UTC)  # planned on its first day
        planning = Diary(store.repository(), kb, fixed_clock(then), personas.RAVI_ZONE)
        tests = FairTests(store.fair_tests(), planning)
        diary = Diary(store.repository(), kb, fixed_clock(now), personas.RAVI_ZONE)
        test = tests.plan(Arm("ice after runs", "cold"), Arm("heat after runs", "heat"),
                          blocks=3, start=start, seed=11)  # fmt: skip
        entries = list(c.entries)
        for day in range(test.schedule.total_days):
            option = test.schedule.option_on(day)
            pain = 3 if option == "A" else 5
            when = When.of(datetime.combine(test.on(day), time(20)), personas.RAVI_ZONE)
            entries.append(Entry(f"{day + 1:032x}", when, pain, peg=Peg(pain, pain, pain)))
        diary.restore(Contents(entries, c.treatments, (), personas.ravi_findings()))
        data, report = report_data(diary, kb, "", store.fair_tests())
        pdf = render_pdf(data, report_pictures(report, data, kb, pdf=True), "letter")
    finally:
        store.close()
    fair = data["fair_tests"][0]
    assert (fair["a"], fair["b"], fair["status"]) == (
        "ice after runs",
        "heat after runs",
        "finished",
    )
    assert fair["complete_blocks"] == 3 and fair["p_a_better"] > 0.95
    path = tmp_path / "fair.pdf"
    path.write_bytes(pdf)
    assert pdf_facts(path)["Pages"] == "1"
    text = " ".join(pdf_text(path).split())
    assert f"{fair['verdict']}" in text and "ice after runs against heat after runs" in text
    assert f"{fair['p_a_better'] * 100:.0f} %" in text
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(path),
                    str(SHOTS / "report-pdf-fair-test")], check=True)  # fmt: skip
