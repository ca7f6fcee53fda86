"""Every statement the store sends names the person: a read or a change of a diary table
filters it by ``person_id``, an insert writes it. (A sharded store routes by it; a query
without it would read everyone's diary.)"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from knotwork.adapters.store.repository import SqlDiary
from knotwork.adapters.store.store import Store
from knotwork.core.diary.model import RegionRating
from knotwork.core.diary.records import Mark
from knotwork.core.diary.repository import Contents
from knotwork.core.diary.service import Diary
from knotwork.core.diary.when import fixed_clock
from knotwork.core.kb.base import KnowledgeBase
from tests.store.conftest import NOW

DIARY_TABLES = (
    "entry",
    "entry_region",
    "treatment",
    "impression",
    "finding",
    "day_pain",
    "day_region",
    "release_session",
    "routine",
    "fair_test",
)
CONTROL = ("pragma", "begin", "commit", "rollback", "savepoint", "release", "select pg_")


def problems(sql: str) -> list[str]:
    """What is wrong with one statement (nothing if it names the person everywhere)."""
    s = " ".join(sql.split()).lower()
    if s.startswith(CONTROL):
        return []
    found = []
    target = re.match(r"(?:insert into|update|delete from) (\w+)", s)
    if s.startswith("insert into"):
        columns = s.split("(", 1)[1].split(")", 1)[0]
        if "person_id" not in columns:
            found.append("an insert without person_id")
    elif (
        target
        and target.group(1) in DIARY_TABLES
        and f"{target.group(1)}.person_id = " not in s.partition(" where ")[2]
    ):
        found.append(f"{target.group(1)} changed without a person filter")
    for table in re.findall(r"(?:from|join) (\w+)", s):
        if table in DIARY_TABLES and not re.search(rf"\b{table}\.person_id (=|in)", s):
            found.append(f"{table} read without a person filter")
    return found


def test_the_checker_catches_unfiltered_statements() -> None:
    assert problems("SELECT entry.id FROM entry WHERE entry.day = ?") == [
        "entry read without a person filter"
    ]
    assert problems("DELETE FROM day_pain WHERE day_pain.day = ?") == [
        "day_pain changed without a person filter",
        "day_pain read without a person filter",
    ]
    assert problems("INSERT INTO entry (id, day) VALUES (?, ?)") == ["an insert without person_id"]
    join = (
        "SELECT r.x FROM entry_region JOIN entry ON entry.id = entry_region.entry_id "
        "WHERE entry_region.person_id = ?"
    )
    assert problems(join) == ["entry read without a person filter"]
    assert problems("SELECT entry.id FROM entry WHERE entry.person_id = ? AND entry.day = ?") == []


def test_every_statement_filters_by_person(store: Store, repo: SqlDiary, kb: KnowledgeBase) -> None:
    seen: list[str] = []

    def record(_c: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        exercise(Diary(repo, kb, fixed_clock(NOW), "Europe/London"), repo)
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    assert len(seen) > 50
    bad = {s: p for s in seen if (p := problems(s))}
    assert bad == {}


def exercise(diary: Diary, repo: SqlDiary) -> None:
    """Every public method of the repository, through the use cases where there is one."""
    neck = RegionRating("back-of-neck-right", 6, ("aching",))
    e = diary.add_entry(pain=5, regions=(neck,))
    diary.edit(e.id[:8], pain=4)
    t = diary.add_treatment(kind="heat", region="back-of-neck-right")
    diary.edit(t.id, relief=3)
    diary.add_impression(3)
    diary.save_finding(marks=(Mark("temple-right", 5),), muscles=("upper-trapezius",))
    diary.timeline()
    diary.progress(30)
    diary.last_places()
    diary.undo_delete(diary.delete(e.id))
    backup = diary.backup()
    diary.restore(backup, replace=True)
    assert diary.import_contents(backup) == (0, len(backup))  # an import: all there already
    fresh = dataclasses.replace(backup.entries[0], id="f" * 32)
    assert diary.import_contents(Contents([fresh])) == (1, 0)  # an import that adds
    repo.counts()
    repo.pain_points(date(2026, 1, 1), date(2026, 12, 31))
    with pytest.raises(Exception):  # noqa: B017, PT011 - any refusal will do
        repo.add(e)
