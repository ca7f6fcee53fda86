"""When something happened: an instant in UTC plus the IANA zone it was lived in.

The instant orders records and survives travel and clock changes; the zone gives the local
time and day a person recognises ("Tuesday 08:30"), which is how days are summed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from knotwork.core.errors import InvalidInput

Clock = Callable[[], datetime]  # returns an aware datetime (now)


def system_clock() -> datetime:
    return datetime.now(UTC)


def fixed_clock(moment: datetime) -> Clock:
    """A clock that always says ``moment`` (tests, personas, benchmarks)."""
    utc = moment.astimezone(UTC)
    return lambda: utc


@lru_cache(maxsize=128)  # read for every point of a chart; a bad name raises, and is not kept
def zone_info(name: str) -> ZoneInfo:
    """The zone named ``name`` (IANA, e.g. Europe/London); bad input otherwise."""
    if not name or len(name) > 64 or name.startswith(("/", ".")) or ".." in name:
        raise InvalidInput(f"Unknown time zone '{name}'; use an IANA name like Europe/London.")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            f"Unknown time zone '{name}'; use an IANA name like Europe/London."
        ) from None


@dataclass(frozen=True, slots=True)
class When:
    utc: datetime  # aware, in UTC
    zone: str  # IANA zone name

    def __post_init__(self) -> None:
        if self.utc.tzinfo is None or self.utc.utcoffset() != timedelta(0):
            raise InvalidInput("A time must be given in UTC with its zone.")
        zone_info(self.zone)

    @classmethod
    def of(cls, moment: datetime, zone: str) -> When:
        """From an aware datetime, or a naive one read as local time in ``zone``."""
        tz = zone_info(zone)
        aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=tz)
        return cls(aware.astimezone(UTC), zone)

    @property
    def local(self) -> datetime:
        return self.utc.astimezone(zone_info(self.zone))

    @property
    def day(self) -> date:
        """The local calendar day (days are summed in the person's own time)."""
        return self.local.date()


def parse_local(text: str, zone: str, now: datetime) -> When:
    """``YYYY-MM-DD HH:MM``, ``YYYY-MM-DDTHH:MM[:SS]`` with or without an offset, ``HH:MM``
    (today), ``today``/``now`` or ``yesterday HH:MM``; local time in ``zone``."""
    tz = zone_info(zone)
    value = text.strip().lower()
    today = now.astimezone(tz).date()
    if value in ("", "now"):
        return When.of(now, zone)
    day = today
    for word, offset in (("today", 0), ("yesterday", 1)):
        if value.startswith(word):
            day = today - timedelta(days=offset)
            value = value.removeprefix(word).strip() or "12:00"
    try:
        if len(value) <= 5 and ":" in value:
            hour, minute = (int(p) for p in value.split(":"))
            moment = datetime(day.year, day.month, day.day, hour, minute)
        else:
            moment = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        raise InvalidInput(
            f"Cannot read the time '{text}'; use YYYY-MM-DD HH:MM, HH:MM or 'yesterday HH:MM'."
        ) from None
    when = When.of(moment, zone)
    if when.utc > now.astimezone(UTC) + timedelta(minutes=5):
        raise InvalidInput(f"The time '{text}' is in the future.")
    return when
