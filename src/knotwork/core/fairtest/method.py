"""The "How we compare" page's content: the method, its assumptions and its sources, as data
(the page and its JSON twin render it; docs/fair-tests.md is the long version). The verdict
rules are written from the constants the analysis uses, so the page cannot drift from the code.
"""

from __future__ import annotations

from typing import Any

from knotwork.core.stats.periods import MIN_SHARE
from knotwork.core.stats.schedule import MIN_BLOCKS, PERIOD_DAYS, WASHOUT_DAYS
from knotwork.core.stats.verdict import (
    CLEAR,
    CLEAR_AFTER_EXTENSION,
    EXTEND_BY,
    FIRM_FROM,
    MEANINGFUL,
    PROBABLE,
)

# Last run of bench/fair_test.py (4,000 simulated tests per scenario); docs/fair-tests.md has
# the full tables and tests/fairtest/test_method.py checks the two agree.
NULL_CLAIMS = "0.1% to 4.7%"
FOUND_AT_REFERENCE = "84.0%"

SOURCES = (
    ("kravitz-2018", "Trialist, the PREEMPT study: two regimens in random order, daily ratings"),
    ("konigorski-2022", "StudyU: two options in periods of a week"),
    ("vohra-2015", "CENT 2015: what a report of a test for one person states"),
    ("chen-chen-2014", "a paired analysis of period means keeps its error rate"),
    ("murphy-2007", "the posterior in closed form"),
    ("duan-2013", "adding blocks when the answer is unclear"),
    ("krebs-2009", "PEG-3, the daily questions"),
)


def _pct(x: float) -> str:
    return f"{x * 100:g}%"


def method() -> dict[str, Any]:
    counted = PERIOD_DAYS - WASHOUT_DAYS
    return {
        "design": [
            "Two options at a time: for example ball release against stretching, or against "
            "nothing new.",
            f"Randomised paired blocks: each block is {PERIOD_DAYS} days of one option and "
            f"{PERIOD_DAYS} days of the other, in an order drawn at random. The draw comes from "
            "a seed stored with the test, so the schedule can be shown in advance and checked "
            "afterwards.",
            f"The first {WASHOUT_DAYS} days of each period are set aside: what was done the "
            "week before can still act (or leave soreness) on them.",
            f"At least {MIN_BLOCKS} blocks; {FIRM_FROM} are recommended. A red flag recorded "
            "in the diary stops the test.",
            "One answer a day: PEG-3 (pain on average, and how much pain got in the way of "
            "enjoying life and of general activity, 0-10), about today.",
        ],
        "analysis": [
            f"The mean of each period over its {counted} counted days; a period counts when "
            f"at least {round(counted * MIN_SHARE)} of them have an answer, otherwise its block "
            "is left out.",
            "Within each block, the difference between the two periods.",
            "A conjugate normal model on those differences, sceptical at the start (no "
            "difference expected, worth one block), whose posterior is a Student-t in closed "
            "form. How much your answers move from day to day comes from your diary's four "
            "weeks before the test when at least 14 days have answers, otherwise from a "
            "typical pain diary's.",
            "Reported: the chance each option is better, the chance it is better by at least "
            f"{MEANINGFUL:g} point, a 90% interval for the difference, and one verdict.",
        ],
        "verdicts": [
            {
                "label": "too early to say",
                "rule": f"fewer than {MIN_BLOCKS} complete blocks: progress and period means only",
            },
            {
                "label": "clearly better",
                "rule": f"a chance of {_pct(CLEAR)} or more in one direction, from {FIRM_FROM} "
                f"complete blocks ({_pct(CLEAR_AFTER_EXTENSION)} after an extension)",
            },
            {
                "label": "probably better",
                "rule": f"a chance of {_pct(PROBABLE)} or more in one direction (the most "
                f"{MIN_BLOCKS} blocks can say)",
            },
            {
                "label": "no clear difference",
                "rule": f"neither: an ordinary outcome, with an offer of {EXTEND_BY} more blocks",
            },
        ],
        "validation": (
            "Checked on simulated diaries whose pain moves from day to day as real ones do "
            "(bench/fair_test.py): with no true difference, even starting on a flare, "
            f"'clearly better' came up in {NULL_CLAIMS} of tests; a true 2-point difference "
            f"over 4 blocks was found in {FOUND_AT_REFERENCE} of tests for a diary whose "
            "day-to-day spread is 1.2 points, less for noisier ones. The wrong option was never "
            "called clearly better."
        ),
        "assumptions": [
            "No strong trend across the test: each block compares neighbouring weeks.",
            f"Carry-over lasts at most {WASHOUT_DAYS} days; longer carry-over hides a "
            "difference rather than inventing one.",
            "Other treatments stay about the same; they are still logged, and the results "
            "count them for each option.",
            "It applies to you, for this pain, at this time: it is not evidence for anyone else.",
        ],
        "sources": [{"id": ref, "for": why} for ref, why in SOURCES],
    }
