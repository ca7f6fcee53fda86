"""The FHIR export checked against the official FHIR R4 JSON Schema (tests/vendor/fhir-r4):
the personas' whole diaries (with their saved finder results), every resource against its own
definition, and the Bundle with one resource of each type against the whole schema. Prints the
counts by resource type, the errors and the time.

    python bench/fhir_validate.py
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import jsonschema

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import personas

from knotwork.adapters.exchange import export_bytes
from knotwork.core.diary.present import namer
from knotwork.core.diary.repository import Contents
from knotwork.core.kb import load_kb

SCHEMA = Path(__file__).resolve().parents[1] / "tests" / "vendor" / "fhir-r4" / "fhir.schema.json"
NOW = datetime(2026, 12, 31, 21, 0, tzinfo=UTC)


def main() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    whole = cls(schema)
    own: dict[str, jsonschema.protocols.Validator] = {}
    name = namer(load_kb())
    for who, contents, findings in (
        ("alice", personas.alice(), personas.alice_findings()),
        ("ravi", personas.ravi(), personas.ravi_findings()),
    ):
        diary = Contents(contents.entries, contents.treatments, contents.impressions, findings)
        start = time.perf_counter()
        bundle = json.loads(export_bytes("fhir", diary, NOW, name, "A. Person"))
        made = time.perf_counter() - start
        kinds: Counter[str] = Counter()
        errors: list[str] = []
        first: dict[str, object] = {}
        start = time.perf_counter()
        for item in bundle["entry"]:
            resource = item["resource"]
            kind = resource["resourceType"]
            kinds[kind] += 1
            first.setdefault(kind, item)
            if kind not in own:
                own[kind] = cls(
                    {"$ref": f"#/definitions/{kind}", "definitions": schema["definitions"]}
                )
            errors += [f"{kind}: {e.message}" for e in own[kind].iter_errors(resource)]
        errors += [
            f"Bundle: {e.message}"
            for e in whole.iter_errors(bundle | {"entry": list(first.values())})
        ]
        checked = time.perf_counter() - start
        print(
            f"{who}: {len(bundle['entry'])} resources ({dict(kinds)}), "
            f"{len(errors)} schema errors; built in {made:.2f} s, validated in {checked:.1f} s"
        )
        for error in errors[:10]:
            print("  ", error)


if __name__ == "__main__":
    main()
