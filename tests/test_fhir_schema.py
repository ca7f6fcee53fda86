"""The vendored FHIR R4 JSON Schema works as a validator (the exports are checked against it)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

SCHEMA = Path(__file__).resolve().parent / "vendor" / "fhir-r4" / "fhir.schema.json"


@cache
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def errors(resource: dict[str, Any]) -> list[str]:
    return [e.message for e in validator().iter_errors(resource)]


def errors_as(definition: str, resource: dict[str, Any]) -> list[str]:
    """Errors against one resource's own definition: clearer messages than the top-level oneOf."""
    schema = validator().schema
    own = {"$ref": f"#/definitions/{definition}", "definitions": schema["definitions"]}
    return [
        e.message for e in jsonschema.validators.validator_for(schema)(own).iter_errors(resource)
    ]


def pain_observation(status: str) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "status": status,
        "code": {"coding": [{"system": "http://loinc.org", "code": "72514-3"}]},
        "effectiveDateTime": "2026-12-07T09:30:00+01:00",
        "valueInteger": 6,
    }


def test_a_valid_bundle_passes_and_a_bad_status_fails() -> None:
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": pain_observation("final")}],
    }
    assert errors(bundle) == []
    assert errors(pain_observation("bogus"))
    assert any(
        "'bogus'" in message for message in errors_as("Observation", pain_observation("bogus"))
    )
