"""The red-flag screen on the shipped data: every red-flag presentation reaches its urgency
(recall 100%), at most 1 in 10 benign presentations is flagged, and the coverage is complete."""

from __future__ import annotations

from pathlib import Path

import pytest

from knotwork.core.kb import load_kb
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.safety.evaluate import SafetyCase, load_safety_cases, run_cases, summary

CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module")
def cases() -> list[SafetyCase]:
    return load_safety_cases(sorted(CASES.glob("*.yaml")))


def test_there_are_enough_presentations_of_each_kind(cases: list[SafetyCase]) -> None:
    assert sum(c.expect != "none" for c in cases) >= 60
    assert sum(c.expect == "none" for c in cases) >= 60
    assert len({c.id for c in cases}) == len(cases)


def test_every_red_flag_is_exercised_by_a_case(
    shipped: KnowledgeBase, cases: list[SafetyCase]
) -> None:
    named = {f for c in cases for f in c.flags}
    assert named <= set(shipped.safety.flags)
    assert set(shipped.safety.flags) - named == set()


def test_every_red_flag_case_reaches_its_urgency(
    shipped: KnowledgeBase, cases: list[SafetyCase]
) -> None:
    outcomes = run_cases(shipped, cases)
    missed = [
        (o.case.id, o.case.expect, o.level)
        for o in outcomes
        if o.case.expect != "none" and not o.passed
    ]
    assert missed == []
    assert summary(outcomes)["recall"] == 1.0


def test_few_benign_cases_are_flagged(shipped: KnowledgeBase, cases: list[SafetyCase]) -> None:
    assert summary(run_cases(shipped, cases))["benign_flagged"] <= 0.10


REQUIRED_TOPICS = [
    "cardiac",
    "embolism",
    "pneumothorax",
    "aortic",
    "thunderclap",
    "stroke",
    "dissection",
    "meningitis",
    "arteritis",
    "headache",
    "trauma",
    "myelopathy",
    "neuro",
    "cauda",
    "fracture",
    "infection",
    "inflammatory",
    "visceral",
    "shingles",
    "cancer",
    "weight",
    "fever",
    "night",
    "age",
    "joint",
    "polymyalgia",
    "thrombosis",
    "ischaemia",
    "claudication",
    "groin",
    "dental",
    "facial",
    "improvement",
    "widespread",
]


@pytest.mark.parametrize("topic", REQUIRED_TOPICS)
def test_the_issue_coverage_list_is_present(shipped: KnowledgeBase, topic: str) -> None:
    text = " ".join(f"{f.id} {f.name}".lower() for f in shipped.safety.flags.values())
    assert topic in text
