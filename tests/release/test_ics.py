"""A routine's calendar file (RFC 5545): CRLF line ends, lines of at most 75 octets folded
with one space and never inside a UTF-8 character, text escaped, one repeating event."""

from __future__ import annotations

from datetime import UTC, datetime

from knotwork.core.diary.when import When
from knotwork.core.release.ics import escape, fold, routine_ics
from knotwork.core.release.record import Routine

STAMP = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_folding_keeps_utf8_characters_whole_and_lines_short() -> None:
    line = "SUMMARY:" + "épaule, trapèze; 肩 🙂 " * 12
    folded = fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
        part.encode("utf-8").decode("utf-8")  # no character cut in two
    assert folded.replace("\r\n ", "") == line
    assert fold("SHORT:1") == "SHORT:1"


def test_text_is_escaped() -> None:
    assert escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


def test_a_routine_repeats_every_n_days_at_its_time() -> None:
    when = When(datetime(2026, 12, 7, 9, 30, tzinfo=UTC), "Europe/London")
    routine = Routine(
        "5e1f9a3c7b2d4e6f8a0c1b3d5e7f9a2c",
        when,
        "Nacken, abends; jeden zweiten Tag, mit Ball und Geduld " * 2,
        ("upper-trapezius",),
        ("right",),
        2,
        "19:30",
    )
    text = routine_ics(
        routine, ["Upper trapezius"], STAMP, "http://127.0.0.1:8000/session?routine=x"
    )
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    lines = unfold(text)
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-2] == "END:VCALENDAR"
    assert "DTSTART:20261207T193000" in lines  # floating local time: 19:30 wherever they are
    assert "DTSTAMP:20261207T093000Z" in lines
    assert "RRULE:FREQ=DAILY;INTERVAL=2" in lines
    assert f"UID:{routine.id}@knotwork.local" in lines
    summary = next(line for line in lines if line.startswith("SUMMARY:"))
    assert summary == "SUMMARY:" + escape(routine.name)
    assert lines.count("BEGIN:VEVENT") == 1 and lines.count("BEGIN:VALARM") == 1
