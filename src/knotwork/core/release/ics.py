"""A routine as an iCalendar file (RFC 5545) for calendar reminders: Knotwork has no
notification service, so the person's own calendar reminds them.

One VEVENT repeating every N days at the routine's local time, written as floating time (no
zone: 08:00 wherever the person is, and no VTIMEZONE to carry), with a display alarm at the
start. Lines end in CRLF and are folded at 75 octets (a CRLF and one space), never inside a
UTF-8 character; text values escape backslash, semicolon, comma and newline.
"""

from __future__ import annotations

from datetime import datetime

from knotwork.core.release.record import Routine

PRODID = "-//Knotwork//Release routines//EN"
LIMIT = 75  # octets per line, CRLF not counted


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """One content line, folded into lines of at most 75 octets."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > LIMIT:
            out.append(current)
            current, size = " ", 1  # a continuation line starts with one space
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def routine_ics(routine: Routine, names: list[str], stamp: datetime, link: str) -> str:
    """The calendar file for ``routine``; ``names`` are its muscles' names, ``stamp`` now
    (UTC) and ``link`` the address that starts it."""
    hour, minute = (int(p) for p in routine.at.split(":"))
    start = routine.when.local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    sides = " and ".join(routine.sides)
    what = f"Release: {', '.join(names)} ({sides} side{'s' if len(routine.sides) > 1 else ''})."
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:{routine.id}@knotwork.local",
        f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
        f"DTSTART:{start:%Y%m%dT%H%M%S}",
        "DURATION:PT15M",
        f"RRULE:FREQ=DAILY;INTERVAL={routine.every_days}",
        f"SUMMARY:{escape(routine.name)}",
        f"DESCRIPTION:{escape(what + ' Open Knotwork and start it: ' + link)}",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape(routine.name)}",
        "TRIGGER:PT0M",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)
