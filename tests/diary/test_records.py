"""The diary's records refuse what cannot be true, with one clear sentence."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knotwork.core.diary.model import Entry, Peg, RegionRating, Sleep
from knotwork.core.diary.records import Finding, Impression, pgic_value
from knotwork.core.diary.treatment import Dose, Medication, Treatment
from knotwork.core.diary.when import When, parse_local
from knotwork.core.errors import InvalidInput

ID = "0" * 31 + "1"
NOW = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
WHEN = When(NOW, "Europe/London")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Entry(ID, WHEN, 11), "Overall pain must be a whole number 0 to 10, not 11"),
        (lambda: Entry(ID, WHEN, True), "Overall pain must be a whole number"),
        (lambda: Entry("x", WHEN, 3), "not a diary record id"),
        (lambda: RegionRating("calf-left", -1), "Pain in calf-left must be"),
        (lambda: RegionRating("calf-left", 3, ("itchy",)), "A pain quality must be one of"),
        (lambda: RegionRating("calf-left", 3, ("numb", "numb")), "lists 'numb' twice"),
        (
            lambda: Entry(
                ID, WHEN, 3, (RegionRating("calf-left", 3), RegionRating("calf-left", 4))
            ),
            "lists 'calf-left' twice",
        ),
        (lambda: Peg(3, 11, 2), "PEG enjoyment of life must be"),
        (lambda: Sleep(), "Sleep needs hours or a quality"),
        (lambda: Sleep(25), "Sleep hours must be 0 to 24"),
        (lambda: Entry(ID, WHEN, 3, notes="x" * 8_001), "The note is too long"),
        (lambda: Entry(ID, WHEN, 3, notes="a\x00b"), "cannot be stored"),
        (lambda: Entry(ID, WHEN, 3, notes="a\ud800b"), "cannot be stored"),
        (lambda: Medication("ibu\x00"), "cannot be stored"),
        (lambda: Treatment(ID, WHEN, "massage-gun"), "The treatment kind must be one of"),
        (lambda: Treatment(ID, WHEN, "self-treatment"), "needs the muscle treated"),
        (lambda: Treatment(ID, WHEN, "medication"), "Medication needs its name"),
        (
            lambda: Treatment(ID, WHEN, "heat", medication=Medication("ibuprofen")),
            "A heat treatment has no medication",
        ),
        (lambda: Treatment(ID, WHEN, "professional"), "The kind of professional care"),
        (lambda: Treatment(ID, WHEN, "heat", side="up"), "The side must be one of"),
        (lambda: Treatment(ID, WHEN, "heat", relief=12), "Relief right after must be"),
        (lambda: Treatment(ID, WHEN, "heat", soreness="awful"), "Next-day soreness"),
        (lambda: Dose(seconds=0), "Seconds must be a whole number 1 to"),
        (lambda: Dose(pressure=11), "Pressure must be"),
        (lambda: Medication(" "), "Medication needs its name"),
        (lambda: Medication("x", schedule="daily"), "schedule must be one of as-needed, regular"),
        (lambda: Impression(ID, WHEN, 8), "impression of change must be a whole number 1 to 7"),
        (lambda: Impression(ID, WHEN, 2, "no change"), "PGIC 2 is 'much improved'"),
        (lambda: Finding(ID, WHEN), "needs its marks or its words"),
        (lambda: Finding(ID, WHEN, text="x", level="red"), "The safety level must be one of"),
        (lambda: When(datetime(2026, 1, 1), "UTC"), "given in UTC"),
        (lambda: When(NOW, "Mars/Olympus"), "Unknown time zone 'Mars/Olympus'"),
        (lambda: When(NOW, "../../etc/passwd"), "Unknown time zone"),
    ],
)
def test_it_refuses(make: object, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        make()  # type: ignore[operator]


def test_peg_score_is_the_mean_of_three() -> None:
    assert Peg(5, 4, 6).score == 5.0
    assert Peg(1, 2, 2).score == 1.7


def test_pgic_keeps_its_label_and_reads_either() -> None:
    assert Impression(ID, WHEN, 1).label == "very much improved"
    assert pgic_value("much-improved") == 2
    assert pgic_value("7") == 7
    with pytest.raises(InvalidInput, match="1 to 7 or one of"):
        pgic_value("better")


def test_times_are_local_days_in_their_own_zone() -> None:
    late = When.of(datetime(2026, 12, 7, 23, 30), "America/New_York")
    assert late.utc == datetime(2026, 12, 8, 4, 30, tzinfo=UTC)
    assert str(late.day) == "2026-12-07"


@pytest.mark.parametrize(
    ("text", "local"),
    [
        ("", "2026-12-07T09:30"),
        ("08:15", "2026-12-07T08:15"),
        ("yesterday 22:00", "2026-12-06T22:00"),
        ("2026-12-01 07:00", "2026-12-01T07:00"),
        ("2026-12-01T07:00:00+01:00", "2026-12-01T06:00"),
    ],
)
def test_it_reads_local_times(text: str, local: str) -> None:
    assert (
        parse_local(text, "Europe/London", NOW)
        .local.isoformat(timespec="minutes")
        .startswith(local)
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tomorrow", "Cannot read the time"),
        ("2026-12-08 09:00", "in the future"),
        ("25:00", "Cannot"),
    ],
)
def test_it_refuses_times(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_local(text, "Europe/London", NOW)


def test_the_works_the_diary_cites_are_in_the_bibliography() -> None:
    from knotwork.core.diary.present import progress_dict
    from knotwork.core.diary.progress import Progress
    from knotwork.core.kb import load_kb

    refs = load_kb().references
    assert {"farrar-2001", "dworkin-2008", "krebs-2009", "hurst-bolton-2004"} <= set(refs)
    empty = Progress(WHEN.day, WHEN.day, True, (), (), (), (), None, None, {}, {}, None, 0)
    assert set(progress_dict(empty)["meaningful_rule"]["sources"]) <= set(refs)
