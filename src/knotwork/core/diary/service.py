"""The diary's use cases. Each takes the person's repository and a clock, checks the record
against the knowledge base, and saves it in one step (saved whole, or not at all)."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

from knotwork.core.diary.checks import DiaryChecks
from knotwork.core.diary.model import Entry, RegionRating
from knotwork.core.diary.progress import Progress, progress
from knotwork.core.diary.records import Finding, Impression
from knotwork.core.diary.repository import KINDS, Contents, DiaryRepository, Record, kind_of
from knotwork.core.diary.treatment import Treatment
from knotwork.core.diary.when import Clock, When
from knotwork.core.errors import InvalidInput
from knotwork.core.kb.base import KnowledgeBase

R = TypeVar("R", bound=Record)


def new_id() -> str:
    return uuid.uuid4().hex


def all_records(contents: Contents) -> list[Record]:
    return [*contents.entries, *contents.treatments, *contents.impressions, *contents.findings]


def worst(regions: Sequence[RegionRating]) -> int:
    if not regions:
        raise InvalidInput("Say how much it hurts: the overall pain 0-10, or a place and its pain.")
    return max(r.pain for r in regions)


class Diary:
    """One person's diary: ``repo`` is theirs, ``zone`` their usual time zone."""

    def __init__(
        self,
        repo: DiaryRepository,
        kb: KnowledgeBase,
        clock: Clock,
        zone: str = "UTC",
        ids: Callable[[], str] = new_id,
    ) -> None:
        self.repo = repo
        self.checks = DiaryChecks(kb)
        self.clock = clock
        self.zone = zone
        self.ids = ids

    def now(self, zone: str | None = None) -> When:
        return When.of(self.clock(), zone or self.zone)

    def today(self) -> date:
        return self.now().day

    def _stamp(self, when: When | None) -> tuple[str, When]:
        return self.ids(), when or self.now()

    def add_entry(self, when: When | None = None, pain: int | None = None, **fields: Any) -> Entry:
        """A new entry; without an overall pain, the worst place's pain stands for it."""
        record_id, moment = self._stamp(when)
        overall = pain if pain is not None else worst(fields.get("regions", ()))
        return self._add(self.checks.entry(Entry(record_id, moment, overall, **fields)))

    def add_treatment(self, when: When | None = None, **fields: Any) -> Treatment:
        record_id, moment = self._stamp(when)
        return self._add(self.checks.treatment(Treatment(record_id, moment, **fields)))

    def add_impression(self, value: int, when: When | None = None, notes: str = "") -> Impression:
        record_id, moment = self._stamp(when)
        return self._add(Impression(record_id, moment, value, notes=notes))

    def save_finding(self, when: When | None = None, **fields: Any) -> Finding:
        record_id, moment = self._stamp(when)
        return self._add(self.checks.finding(Finding(record_id, moment, **fields)))

    def _add(self, record: R) -> R:
        self.repo.add(record)
        return record

    def last_places(self) -> tuple[RegionRating, ...]:
        """The places (with their ratings and qualities) of the latest entry, to repeat."""
        latest = self.repo.latest_entry()
        return latest.regions if latest else ()

    def get(self, record_id: str) -> Record:
        return self.repo.get(self.repo.resolve(record_id))

    def edit(self, record_id: str, **changes: Any) -> Record:
        """The record with ``changes`` (fields by name), checked again and saved over it."""
        old = self.get(record_id)
        if "id" in changes:
            raise InvalidInput("A record's id cannot change.")
        try:
            new = dataclasses.replace(old, **changes)
        except TypeError as error:
            raise InvalidInput(f"A {kind_of(old)} has no such field: {error}.") from None
        self.repo.replace(self.check(new))
        return new

    def check(self, record: Record) -> Record:
        if isinstance(record, Entry):
            return self.checks.entry(record)
        if isinstance(record, Treatment):
            return self.checks.treatment(record)
        if isinstance(record, Finding):
            return self.checks.finding(record)
        return record

    def delete(self, record_id: str) -> Record:
        """Remove a record; it is returned so it can be put back (undo)."""
        return self.repo.remove(self.repo.resolve(record_id))

    def undo_delete(self, record: Record) -> Record:
        """Put a deleted record back as it was (same id and time)."""
        return self._add(self.check(record))

    def timeline(
        self, since: date | None = None, until: date | None = None, limit: int = 50
    ) -> list[Record]:
        """Every kind of record in those local days, newest first."""
        with self.repo.reading():
            records: list[Record] = [
                *self.repo.entries(since, until, limit),
                *self.repo.treatments(since, until, limit),
                *self.repo.impressions(since, until, limit),
                *self.repo.findings(since, until, limit),
            ]
        records.sort(key=lambda r: (r.when.utc, r.id), reverse=True)
        return records[:limit]

    def progress(self, days: int | None = 90) -> Progress:
        if days is not None and not 7 <= days <= 3660:
            raise InvalidInput("The period must be 7 to 3660 days, or all of it.")
        with self.repo.reading():
            return progress(self.repo, self.today(), days)

    def backup(self) -> Contents:
        return self.repo.contents()

    def restore(self, contents: Contents, replace: bool = False) -> int:
        """Check every record of a backup, then put them all in place in one step."""
        records: list[Record] = [*contents.entries, *contents.treatments, *contents.findings]
        for record in records:
            try:
                self.check(record)
            except InvalidInput as error:
                where = f"{kind_of(record)} {record.id[:8]}"
                raise InvalidInput(f"{where}: {error.message}") from None
        self.repo.restore(contents, replace)
        return len(contents)

    def import_contents(self, contents: Contents) -> tuple[int, int]:
        """Add an export's records in one step: each is checked first; a record the diary
        already holds exactly as it is is skipped (importing the same file twice adds
        nothing); one whose id the diary holds with other content refuses the whole import.
        Returns (added, already there)."""
        records = self._checked(contents)
        with self.repo.reading():
            current = self.repo.contents()
        have: dict[str, Record] = {r.id: r for r in all_records(current)}
        for record in records:
            if record.id in have and have[record.id] != record:
                raise InvalidInput(
                    f"{kind_of(record)} {record.id[:8]} is already in the diary with other "
                    "content; nothing was imported."
                )
        new = [r for r in records if r.id not in have]
        self.repo.add_all(
            Contents(
                [r for r in new if isinstance(r, Entry)],
                [r for r in new if isinstance(r, Treatment)],
                [r for r in new if isinstance(r, Impression)],
                [r for r in new if isinstance(r, Finding)],
            )
        )
        return len(new), len(records) - len(new)

    def _checked(self, contents: Contents) -> list[Record]:
        records = all_records(contents)
        for record in records:
            try:
                self.check(record)
            except InvalidInput as error:
                where = f"{kind_of(record)} {record.id[:8]}"
                raise InvalidInput(f"{where}: {error.message}") from None
        return records

    def counts(self) -> dict[str, int]:
        counts = self.repo.counts()
        return {k: counts.get(k, 0) for k in KINDS}
