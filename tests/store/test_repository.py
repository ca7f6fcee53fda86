"""The store keeps every kind of record whole, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from knotwork.adapters.store.repository import SqlDiary
from knotwork.adapters.store.store import Store
from knotwork.core.diary.model import Entry, Peg, RegionRating, Sleep
from knotwork.core.diary.records import Mark
from knotwork.core.diary.repository import DayPain, RegionSum
from knotwork.core.diary.service import Diary
from knotwork.core.diary.treatment import Dose, Medication
from knotwork.core.diary.when import When
from knotwork.core.errors import InvalidInput, NotFound, UnknownRegion
from tests.stores import new_person

NECK = RegionRating("back-of-neck-right", 6, ("aching", "stiff"))
SHOULDER = RegionRating("top-of-shoulder-right", 4, ())


def at(text: str) -> When:
    return When.of(datetime.fromisoformat(text), "Europe/London")


def test_it_keeps_an_entry_with_every_field(diary: Diary) -> None:
    entry = diary.add_entry(
        at("2026-12-07 08:15"),
        pain=5,
        regions=(SHOULDER, NECK),  # kept in the order given, not sorted
        peg=Peg(5, 4, 6),
        sleep=Sleep(6.5, 4),
        contexts=("desk-work", "stress"),
        notes='Comma, "quotes" and a very long note. ' * 200,
    )
    assert diary.get(entry.id) == entry
    assert diary.get(entry.id[:8]) == entry


def test_it_keeps_every_kind_of_treatment(diary: Diary) -> None:
    made = [
        diary.add_treatment(
            kind="self-treatment",
            muscle="upper-trapezius",
            technique="pinch-grip-squeeze",
            side="right",
            tool="pinch-grip",
            dose=Dose(seconds=90, repetitions=3, pressure=6),
            felt_during=5,
            relief=4,
            soreness="mild",
        ),
        diary.add_treatment(kind="stretching", muscle="levator-scapulae", side="left"),
        diary.add_treatment(kind="heat", region="back-of-neck-right", dose=Dose(seconds=900)),
        diary.add_treatment(kind="cold", region="front-of-knee-right"),
        diary.add_treatment(kind="exercise", dose=Dose(repetitions=20)),
        diary.add_treatment(
            kind="medication", medication=Medication("ibuprofen", "400 mg", "as-needed")
        ),
        diary.add_treatment(kind="professional", professional="dry-needling", relief=6),
    ]
    for record in made:
        assert diary.get(record.id) == record


def test_it_keeps_impressions_and_finder_results(diary: Diary) -> None:
    impression = diary.add_impression(2, notes="better at work")
    assert impression.label == "much improved"
    finding = diary.save_finding(
        marks=(Mark("temple-right", 7, True), Mark("side-of-neck-right", 4)),
        text="throbbing at my right temple",
        answers=(("fever", False),),
        muscles=("upper-trapezius", "sternocleidomastoid-sternal"),
        press=(("upper-trapezius", "yes"),),
        cautions=("pregnancy",),
        level="none",
    )
    assert diary.get(impression.id) == impression
    assert diary.get(finding.id) == finding


def test_it_edits_a_record_and_checks_it_again(diary: Diary) -> None:
    entry = diary.add_entry(pain=5, regions=(NECK,))
    edited = diary.edit(entry.id, pain=3, notes="later that day")
    assert diary.get(entry.id) == edited and edited.pain == 3
    with pytest.raises(InvalidInput, match="Overall pain must be a whole number 0 to 10"):
        diary.edit(entry.id, pain=11)
    with pytest.raises(UnknownRegion, match="back-of-neck-right"):
        diary.edit(entry.id, regions=(RegionRating("back-of-nek-right", 2),))
    assert diary.get(entry.id) == edited


def test_bad_input_saves_nothing(diary: Diary) -> None:
    with pytest.raises(UnknownRegion):
        diary.add_entry(pain=5, regions=(NECK, RegionRating("neck", 3)))
    with pytest.raises(InvalidInput, match="technique"):
        diary.add_treatment(kind="self-treatment", muscle="soleus", technique="pinch-grip-squeeze")
    with pytest.raises(InvalidInput, match="context"):
        diary.add_entry(pain=5, contexts=("deskwork",))
    assert diary.counts() == {"entry": 0, "treatment": 0, "impression": 0, "finding": 0}


def test_a_repeated_id_is_refused_whole(diary: Diary, repo: SqlDiary) -> None:
    first = diary.add_entry(at("2026-12-06 08:00"), pain=4, regions=(NECK,))
    clash = Entry(first.id, at("2026-12-05 08:00"), 9, (SHOULDER,))
    with pytest.raises(InvalidInput, match="already exists"):
        repo.add(clash)
    assert repo.entries() == [first]
    assert repo.day_pain(date(2026, 12, 1), date(2026, 12, 7)) == [DayPain(date(2026, 12, 6), 1, 4)]
    assert repo.region_sums(date(2026, 12, 1), date(2026, 12, 7)) == [
        RegionSum("back-of-neck-right", 1, 6)
    ]


def test_daily_sums_follow_adds_edits_deletes_and_undo(diary: Diary, repo: SqlDiary) -> None:
    week = (date(2026, 12, 1), date(2026, 12, 7))
    a = diary.add_entry(at("2026-12-06 08:00"), pain=4, regions=(NECK,))
    b = diary.add_entry(at("2026-12-06 20:00"), pain=6, regions=(NECK, SHOULDER))
    assert repo.day_pain(*week) == [DayPain(date(2026, 12, 6), 2, 10)]
    diary.edit(b.id, pain=8, regions=(SHOULDER,))
    assert repo.day_pain(*week) == [DayPain(date(2026, 12, 6), 2, 12)]
    assert repo.region_sums(*week) == [
        RegionSum("back-of-neck-right", 1, 6),
        RegionSum("top-of-shoulder-right", 1, 4),
    ]
    diary.edit(a.id, when=at("2026-12-07 08:00"))  # moved to the next day
    assert repo.day_pain(*week) == [
        DayPain(date(2026, 12, 6), 1, 8),
        DayPain(date(2026, 12, 7), 1, 4),
    ]
    gone = diary.delete(a.id[:6])
    assert repo.day_pain(*week) == [DayPain(date(2026, 12, 6), 1, 8)]
    assert repo.span() == (date(2026, 12, 6), date(2026, 12, 6))
    diary.undo_delete(gone)
    assert diary.get(a.id) == gone
    assert repo.span() == (date(2026, 12, 6), date(2026, 12, 7))


def test_ids_are_found_by_their_start(diary: Diary) -> None:
    entry = diary.add_entry(pain=2)
    assert diary.get(entry.id[:4]).id == entry.id
    with pytest.raises(InvalidInput, match="not a diary record id"):
        diary.get("ab")
    with pytest.raises(InvalidInput, match="not a diary record id"):
        diary.get("zzzzzz")
    with pytest.raises(NotFound):
        diary.get("0" * 32 if not entry.id.startswith("0000") else "f" * 32)


def test_people_see_only_their_own_diary(store: Store, diary: Diary, kb: object) -> None:
    diary.add_entry(pain=7, regions=(NECK,))
    other = store.repository(new_person(store))
    assert other.entries() == [] and other.span() is None
    assert other.counts() == {"entry": 0, "treatment": 0, "impression": 0, "finding": 0}
    with pytest.raises(NotFound):
        other.get(diary.timeline()[0].id)


def test_the_timeline_mixes_kinds_newest_first(diary: Diary) -> None:
    e = diary.add_entry(at("2026-12-06 08:00"), pain=3)
    t = diary.add_treatment(at("2026-12-06 09:00"), kind="heat")
    i = diary.add_impression(4, at("2026-12-06 10:00"))
    assert [r.id for r in diary.timeline()] == [i.id, t.id, e.id]
    assert [r.id for r in diary.timeline(limit=2)] == [i.id, t.id]
    assert diary.timeline(since=date(2026, 12, 7)) == []
