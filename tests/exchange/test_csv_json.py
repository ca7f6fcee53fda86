"""CSV and JSON exports: every table's quoting survives what people write in notes; the JSON
document matches its committed schema; a round trip through export and import loses nothing
(a property test over generated diaries, on SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from knotwork.adapters.exchange import csv_zip, export_bytes
from knotwork.adapters.store.store import Store
from knotwork.core.diary.model import Entry, RegionRating
from knotwork.core.diary.records import Impression
from knotwork.core.diary.repository import Contents, Record
from knotwork.core.diary.service import Diary
from knotwork.core.diary.treatment import Medication, Treatment
from knotwork.core.diary.vocab import PGIC, QUALITIES, TREATMENT_KINDS
from knotwork.core.diary.when import When, fixed_clock
from knotwork.core.errors import InvalidInput
from knotwork.core.exchange.document import export_document, read_document
from knotwork.core.exchange.tables import tables
from tests import personas
from tests.exchange.diaries import KB, diaries
from tests.stores import new_person

NOW = datetime(2026, 12, 31, 21, 0, tzinfo=UTC)
SCHEMA = Path(__file__).resolve().parents[2] / "schema" / "diary-export.schema.json"
NASTY = 'He said "stop, now", then left;\nnext line\r\nand "quoted", é \u2013 😀\n=1+1'
WHEN = When(datetime(2026, 12, 1, 9, 0, tzinfo=UTC), "Europe/London")


def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return loaded


def nasty_diary() -> Contents:
    entry = Entry(
        "a" * 32,
        WHEN,
        6,
        (RegionRating("back-of-neck-right", 6, ("aching", "stiff")),),
        notes=NASTY,
    )
    med = Treatment(
        "b" * 32,
        WHEN,
        "medication",
        medication=Medication('Brand "X", 5%', "1, twice"),
        notes=NASTY,
    )
    return Contents([entry], [med], [Impression("c" * 32, WHEN, 2, notes=NASTY)])


def read_zip(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_csv_quotes_commas_quotes_and_line_breaks_and_they_come_back() -> None:
    files = read_zip(csv_zip(tables(nasty_diary()), NOW))
    assert sorted(files) == sorted(f"{t.name}.csv" for t in tables(Contents()))
    text = files["entries.csv"]
    assert not text.startswith("\ufeff")  # UTF-8 without a byte-order mark
    # RFC 4180: CRLF after each record, a field with a quote doubled inside quotes.
    assert text.startswith("id,at_utc,zone,local_time,pain,")
    assert text.endswith("\r\n") and text.split("\r\n")[0].count(",") == 12
    quoted = '"He said ""stop, now"", then left;\nnext line\r\nand ""quoted"", é \u2013 😀\n=1+1"'
    assert quoted in text
    for name, column in (("entries", "notes"), ("treatments", "notes"), ("impressions", "notes")):
        rows = list(csv.DictReader(io.StringIO(files[f"{name}.csv"], newline="")))
        assert len(rows) == 1 and rows[0][column] == NASTY
    med = next(csv.DictReader(io.StringIO(files["treatments.csv"], newline="")))
    assert (med["medication"], med["medication_dose"]) == ('Brand "X", 5%', "1, twice")
    assert med["muscle"] == "" and med["medication_schedule"] == "as-needed"
    places = list(csv.DictReader(io.StringIO(files["entry_places.csv"], newline="")))
    assert places == [
        {
            "entry_id": "a" * 32,
            "position": "1",
            "region": "back-of-neck-right",
            "pain": "6",
            "qualities": "aching;stiff",
        }
    ]


def test_csv_tables_have_one_row_per_record_and_place() -> None:
    alice = personas.alice()
    files = read_zip(csv_zip(tables(alice), NOW))
    counts = {n: len(list(csv.reader(io.StringIO(t, newline="")))) - 1 for n, t in files.items()}
    assert counts["entries.csv"] == len(alice.entries) == 730
    assert counts["entry_places.csv"] == sum(len(e.regions) for e in alice.entries)
    assert counts["treatments.csv"] == len(alice.treatments)
    assert counts["impressions.csv"] == len(alice.impressions)


def test_the_json_export_matches_its_schema_and_the_schema_matches_the_vocabularies() -> None:
    s = schema()
    checker = jsonschema.Draft202012Validator(s, format_checker=jsonschema.FormatChecker())
    doc = json.loads(export_bytes("json", personas.ravi(), NOW))
    assert doc["format"] == "knotwork-diary" and doc["version"] == 1
    assert list(checker.iter_errors(doc)) == []
    doc2 = json.loads(export_bytes("json", nasty_diary(), NOW))
    assert list(checker.iter_errors(doc2)) == []
    bad = json.loads(json.dumps(doc2))
    bad["entries"][0]["pain"] = 11
    bad["impressions"][0]["label"] = "better"
    assert len(list(checker.iter_errors(bad))) == 2
    defs = s["$defs"]
    assert defs["treatment"]["properties"]["type"]["enum"] == list(TREATMENT_KINDS)
    assert defs["impression"]["properties"]["label"]["enum"] == list(PGIC)
    quality = defs["entry"]["properties"]["regions"]["items"]["properties"]["qualities"]
    assert quality["items"]["enum"] == list(QUALITIES)


@given(diaries())
@settings(max_examples=30, deadline=None)
def test_every_generated_export_matches_the_schema(diary: Contents) -> None:
    checker = jsonschema.Draft202012Validator(schema())
    doc = json.loads(export_bytes("json", diary, NOW))
    assert list(checker.iter_errors(doc)) == []
    assert read_document(doc).contents == diary


def ordered(contents: Contents) -> list[Record]:
    records: list[Record] = [
        *contents.entries,
        *contents.treatments,
        *contents.impressions,
        *contents.findings,
    ]
    return sorted(records, key=lambda r: (type(r).__name__, r.when.utc, r.id))


@given(diary=diaries())
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_a_round_trip_through_export_and_import_loses_nothing(
    shared_store: Store, diary: Contents
) -> None:
    clock = fixed_clock(NOW)
    source = Diary(shared_store.repository(new_person(shared_store)), KB, clock)
    assert source.import_contents(diary) == (len(diary), 0)
    exported = export_bytes("json", source.backup(), NOW)
    target = Diary(shared_store.repository(new_person(shared_store)), KB, clock)
    assert target.import_contents(read_document(json.loads(exported)).contents) == (len(diary), 0)
    assert ordered(target.backup()) == ordered(diary)
    assert export_bytes("json", target.backup(), NOW) == exported
    assert target.progress(None) == source.progress(None)  # the daily sums agree too
    # Importing the same file again adds nothing.
    assert target.import_contents(read_document(json.loads(exported)).contents) == (0, len(diary))


def test_reading_a_document_refuses_what_it_does_not_know() -> None:
    doc = export_document(nasty_diary(), NOW, "0.1.0")
    for change, words in (
        ({"format": "knotwork-diary-backup"}, "not a Knotwork diary export"),
        ({"version": 2}, "version 2; this Knotwork reads version 1"),
        ({"extra": 1}, "fields a version 1 export does not: ['extra']"),
        ({"entries": {}}, "'entries' must be a list"),
        ({"entries": [1]}, "entries item 1 is not a record"),
        ({"entries": doc["impressions"]}, "entries item 1 is a record of kind 'impression'"),
        ({"treatments": doc["treatments"] * 2}, "treatments item 2: the id bbbbbbbb"),
    ):
        with pytest.raises(InvalidInput, match=words[:30].replace("(", r"\(").replace("[", r"\[")):
            read_document(doc | change)
    broken = json.loads(json.dumps(doc))
    broken["entries"][0]["pain"] = 11
    with pytest.raises(InvalidInput, match="entries item 1: Overall pain must be a whole number"):
        read_document(broken)
