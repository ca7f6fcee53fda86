"""The FHIR R4 export: every resource valid against the official R4 JSON Schema (vendored,
tests/vendor/fhir-r4), the codes a clinic's system looks for, and one resource per thing
recorded."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from functools import cache
from typing import Any

import jsonschema
from hypothesis import given, settings

from knotwork.adapters.exchange import export_bytes
from knotwork.core.diary.present import namer
from knotwork.core.diary.records import Finding, Mark
from knotwork.core.diary.repository import Contents
from knotwork.core.diary.when import When
from knotwork.core.exchange.fhir import bundle
from tests import personas
from tests.exchange.diaries import KB, diaries
from tests.test_fhir_schema import errors, validator

NOW = datetime(2026, 12, 31, 21, 0, tzinfo=UTC)


@cache
def own(definition: str) -> jsonschema.protocols.Validator:
    schema = validator().schema
    one = {"$ref": f"#/definitions/{definition}", "definitions": schema["definitions"]}
    return jsonschema.validators.validator_for(schema)(one)


def resource_errors(b: dict[str, Any]) -> list[str]:
    """Every resource against its own definition, and the Bundle (with one resource of each
    type; the top-level oneOf over 680 definitions takes minutes on a whole diary)."""
    found = []
    first: dict[str, Any] = {}
    for item in b["entry"]:
        resource = item["resource"]
        first.setdefault(resource["resourceType"], item)
        found += [
            f"{resource['resourceType']}: {e.message}"
            for e in own(resource["resourceType"]).iter_errors(resource)
        ]
    return found + errors(b | {"entry": list(first.values())})


def kinds(b: dict[str, Any]) -> Counter[str]:
    return Counter(item["resource"]["resourceType"] for item in b["entry"])


def test_ravis_twelve_weeks_are_a_valid_bundle_with_one_resource_per_record() -> None:
    ravi = personas.ravi()
    b = json.loads(export_bytes("fhir", ravi, NOW, namer(KB), "Ravi Example"))
    assert (b["resourceType"], b["type"]) == ("Bundle", "collection")
    assert resource_errors(b) == []
    meds = sum(t.kind == "medication" for t in ravi.treatments)
    assert kinds(b) == {
        "Patient": 1,
        "Observation": len(ravi.entries) + sum(len(e.regions) for e in ravi.entries),
        "Procedure": len(ravi.treatments) - meds,
        "MedicationStatement": meds,
    }
    patient = b["entry"][0]["resource"]
    assert patient["name"] == [{"text": "Ravi Example"}]
    urls = [item["fullUrl"] for item in b["entry"]]
    assert len(set(urls)) == len(urls) and all(u.startswith("urn:uuid:") for u in urls)
    assert {r["resource"]["subject"]["reference"] for r in b["entry"][1:]} == {urls[0]}


def test_pain_is_loinc_72514_3_with_the_body_site_in_words() -> None:
    b = bundle(personas.ravi(), NOW, namer(KB))
    knee = next(
        r["resource"]
        for r in b["entry"]
        if "bodySite" in r["resource"] and r["resource"]["resourceType"] == "Observation"
    )
    assert knee["code"]["coding"][0] == {
        "system": "http://loinc.org",
        "code": "72514-3",
        "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
    }
    assert knee["bodySite"]["text"] == "Front of the knee (right)"
    assert knee["status"] == "final" and isinstance(knee["valueInteger"], int)
    aching = knee["component"][0]["valueCodeableConcept"]
    assert aching["coding"][0]["code"] == "27635008" and aching["text"] == "aching"
    med = next(
        r["resource"] for r in b["entry"] if r["resource"]["resourceType"] == "MedicationStatement"
    )
    assert med["medicationCodeableConcept"] == {"text": "ibuprofen"}
    assert med["dosage"][0] == {"text": "400 mg, as needed", "asNeededBoolean": True}
    physio = next(
        r["resource"]
        for r in b["entry"]
        if r["resource"].get("code", {}).get("text", "").startswith("Professional")
    )
    assert physio["code"]["text"] == "Professional care: physiotherapy"
    assert physio["outcome"] == {"text": "relief right after 3/10"}


def test_alices_pgic_and_peg_are_questionnaire_responses() -> None:
    alice = personas.alice()
    b = bundle(alice, NOW, namer(KB))
    responses = [
        r["resource"]
        for r in b["entry"]
        if r["resource"]["resourceType"] == "QuestionnaireResponse"
    ]
    pegs = [e for e in alice.entries if e.peg]
    assert len(responses) == len(alice.impressions) + len(pegs)
    pgic = next(r for r in responses if r["item"][0]["linkId"] == "pgic")
    assert pgic["item"][0]["answer"][0]["valueCoding"]["display"] == "minimally improved"
    peg = next(r for r in responses if r["item"][0]["linkId"] == "peg-pain")
    assert [i["linkId"] for i in peg["item"]] == [
        "peg-pain",
        "peg-enjoyment",
        "peg-activity",
        "peg-score",
    ]
    # One of each, through the whole schema: the Bundle's oneOf picks each definition.
    sample = {r["resourceType"]: r for r in (e["resource"] for e in b["entry"])}
    assert all(errors(r) == [] for r in sample.values())


def test_a_broken_resource_is_caught() -> None:
    """The check can fail: a made-up status and a pain value as text are refused."""
    b = bundle(personas.ravi(), NOW, namer(KB))
    observation = dict(b["entry"][1]["resource"], status="bogus", valueInteger="six")
    found = [e.message for e in own("Observation").iter_errors(observation)]
    assert any("'bogus' is not one of" in m for m in found)
    assert any("'six'" in m for m in found)


@given(diaries())
@settings(max_examples=40, deadline=None)
def test_every_generated_diary_is_a_valid_bundle(diary: Contents) -> None:
    finding = Finding("d" * 32, When(NOW, "UTC"), (Mark("temple-right", 6, True),), "temple")
    diary = Contents(diary.entries, diary.treatments, diary.impressions, [finding])
    b = bundle(diary, NOW, namer(KB), person_name="A. Person")
    assert resource_errors(b) == []
