"""The one storage seam: what the diary needs from a store, as a protocol.

A repository is bound to one person when it is made; every read and write is that person's.
Each method is one transaction: a record is saved whole or not at all. Daily sums are the
store's to keep (it may precompute them); the core only reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, Protocol

from knotwork.core.diary.model import Entry
from knotwork.core.diary.records import Finding, Impression
from knotwork.core.diary.treatment import Treatment

Record = Entry | Treatment | Impression | Finding
RecordKind = Literal["entry", "treatment", "impression", "finding"]
KINDS: tuple[RecordKind, ...] = ("entry", "treatment", "impression", "finding")


def kind_of(record: Record) -> RecordKind:
    if isinstance(record, Entry):
        return "entry"
    if isinstance(record, Treatment):
        return "treatment"
    if isinstance(record, Impression):
        return "impression"
    return "finding"


@dataclass(frozen=True, slots=True)
class DayPain:
    """The overall pain of one local day: how many entries and their sum."""

    day: date
    count: int
    total: int

    @property
    def mean(self) -> float:
        return self.total / self.count


@dataclass(frozen=True, slots=True)
class RegionSum:
    """One region's ratings over a period: how many and their sum."""

    region: str
    count: int
    total: int

    @property
    def mean(self) -> float:
        return self.total / self.count


@dataclass(frozen=True, slots=True)
class PainPoint:
    utc: datetime
    zone: str
    pain: int


@dataclass(frozen=True, slots=True)
class TreatmentMark:
    """A treatment as the progress chart marks it: when, what kind, and its short name
    (the medicine, the kind of professional care, or the muscle)."""

    id: str
    utc: datetime
    zone: str
    kind: str
    name: str


@dataclass(frozen=True, slots=True)
class Contents:
    """A whole diary (a backup, or what is restored)."""

    entries: Sequence[Entry] = ()
    treatments: Sequence[Treatment] = ()
    impressions: Sequence[Impression] = ()
    findings: Sequence[Finding] = ()

    def __len__(self) -> int:
        return sum(map(len, (self.entries, self.treatments, self.impressions, self.findings)))


class DiaryRepository(Protocol):
    def reading(self) -> AbstractContextManager[None]:
        """Reads inside this block see one consistent state of the diary."""

    def add(self, record: Record) -> None:
        """Save a new record; an id already used is ``InvalidInput``."""

    def replace(self, record: Record) -> None:
        """Save a changed record over the one with its id (``NotFound`` if there is none)."""

    def remove(self, record_id: str) -> Record:
        """Delete a record and return it (``NotFound`` if there is none)."""

    def get(self, record_id: str) -> Record:
        """One record by full id (``NotFound`` if there is none)."""

    def resolve(self, prefix: str) -> str:
        """The full id of the one record whose id starts with ``prefix``."""

    def entries(
        self, since: date | None = None, until: date | None = None, limit: int | None = None
    ) -> list[Entry]:
        """Entries of the local days ``since``..``until`` (inclusive), newest first."""

    def treatments(
        self, since: date | None = None, until: date | None = None, limit: int | None = None
    ) -> list[Treatment]:
        """Treatments of those days, newest first."""

    def impressions(
        self, since: date | None = None, until: date | None = None, limit: int | None = None
    ) -> list[Impression]: ...

    def findings(
        self, since: date | None = None, until: date | None = None, limit: int | None = None
    ) -> list[Finding]: ...

    def latest_entry(self) -> Entry | None: ...

    def day_pain(self, since: date, until: date) -> list[DayPain]:
        """Daily sums of overall pain for the days that have entries, oldest first."""

    def region_sums(self, since: date, until: date) -> list[RegionSum]:
        """Per-region sums of the ratings in those days."""

    def pain_points(self, since: date, until: date) -> list[PainPoint]:
        """Each entry's overall pain in those days, oldest first."""

    def treatment_marks(self, since: date, until: date, limit: int) -> list[TreatmentMark]:
        """The treatments of those days for a chart, oldest first (at most ``limit``, the
        latest)."""

    def span(self) -> tuple[date, date] | None:
        """The first and last local day with an entry, or None for an empty diary."""

    def contents(self) -> Contents:
        """Every record (for a backup)."""

    def restore(self, contents: Contents, replace: bool) -> None:
        """Put ``contents`` in place in one transaction; a diary that has records is refused
        unless ``replace``, which removes them first."""

    def counts(self) -> dict[RecordKind, int]: ...

    def add_all(self, contents: Contents) -> None:
        """Add these records in one transaction (an import); if any id is already used,
        ``InvalidInput`` and nothing is added."""
