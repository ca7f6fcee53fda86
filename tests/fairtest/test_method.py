"""The "How we compare" page says what the code does and what docs/fair-tests.md measured."""

from __future__ import annotations

from pathlib import Path

from knotwork.core.fairtest.method import FOUND_AT_REFERENCE, NULL_CLAIMS, SOURCES, method
from knotwork.core.kb import load_kb

DOC = Path(__file__).resolve().parents[2] / "docs" / "fair-tests.md"


def test_the_page_and_the_doc_give_the_same_figures() -> None:
    doc = DOC.read_text(encoding="utf-8")
    low, high = NULL_CLAIMS.split(" to ")
    assert f"{low} to {high}" in doc and f"**{FOUND_AT_REFERENCE}**" in doc
    assert NULL_CLAIMS in method()["validation"]


def test_the_verdict_rules_come_from_the_code() -> None:
    rules = {v["label"]: v["rule"] for v in method()["verdicts"]}
    assert "97.5%" in rules["clearly better"] and "99%" in rules["clearly better"]
    assert "80%" in rules["probably better"] and "fewer than 3" in rules["too early to say"]


def test_every_source_is_in_the_bibliography() -> None:
    references = load_kb().references
    assert all(ref in references for ref, _ in SOURCES)
