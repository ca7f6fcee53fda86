"""Fuzzing in the suite: schemathesis against the app in process with all its checks, and a
property test of any JSON body. Both bounded and seeded, so a run is quick and repeatable.

schemathesis generates requests from /openapi.json (valid ones, and ones that break the schema
on purpose) and checks every answer: never a 5xx, the status and content type documented, the
body valid against the documented schema, schema-breaking data refused with a 4xx, valid data
accepted, unsupported methods answered 405 with ``Allow``. The one documented exception:
POST /api/find may answer a schema-valid body 422 ``nothing_understood``, because no schema can
say that free text must name a place on the body.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.config import SchemathesisConfig

from knotwork.adapters.web.app import create_app
from knotwork.config import load_settings
from knotwork.core.finder import FinderIndex, load_index
from knotwork.core.kb import load_kb

SEED = 20261126
EXAMPLES = 20  # per operation and phase; the coverage phase adds its boundary cases
RAN: Counter[str] = Counter()


def api_schema() -> Any:
    """The app with the real knowledge base, built when this module is collected (the pytest
    fixture route, ``schemathesis.pytest.from_fixture``, fails under pytest 9)."""
    cache = Path(tempfile.mkdtemp(prefix="knotwork-fuzz-"))
    # schemathesis's in-process client calls itself "testserver": listed, as a real
    # deployment would list its own name (KNOTWORK_ALLOWED_HOSTS).
    # The diary's operations write to a store of their own, in the same temporary folder.
    settings_ = load_settings(
        {
            "KNOTWORK_ALLOWED_HOSTS": "testserver",
            "KNOTWORK_DATABASE_URL": f"sqlite:///{cache / 'diary.db'}",
        }
    )
    app = create_app(settings_, load_index(cache_dir=cache), load_kb(cache_dir=cache))
    config = SchemathesisConfig.from_dict(
        {
            "seed": SEED,
            "generation": {"max-examples": EXAMPLES, "deterministic": True, "database": "none"},
            "checks": {
                "positive_data_acceptance": {"expected-statuses": ["2xx", "404", "422"]},
            },
        }
    )
    return schemathesis.openapi.from_asgi("/openapi.json", app, config=config)


schema = api_schema()


@schema.parametrize()
@settings(suppress_health_check=list(HealthCheck), deadline=None)
def test_the_api_holds_to_its_schema(case: Any) -> None:
    RAN[case.operation.label] += 1
    case.call_and_validate()


def test_the_fuzzer_ran_every_operation() -> None:
    """Run after the fuzzing above (pytest keeps file order): it really generated requests.
    With -s it prints the figures reported in docs/web.md."""
    print(f"\nschemathesis: {len(RAN)} operations, {sum(RAN.values())} cases: {dict(RAN)}")
    assert set(RAN) == {
        "POST /api/find",
        "POST /api/screen",
        "GET /api/muscles",
        "GET /api/muscles/{muscle_id}",
        "GET /api/regions",
        "GET /api/diary",
        "POST /api/diary/entries",
        "PUT /api/diary/entries/{record_id}",
        "POST /api/diary/treatments",
        "PUT /api/diary/treatments/{record_id}",
        "POST /api/diary/impressions",
        "POST /api/diary/findings",
        "GET /api/diary/records/{record_id}",
        "GET /api/diary/export",
        "DELETE /api/diary/records/{record_id}",
        "POST /api/diary/records",
        "GET /api/diary/last-places",
        "GET /api/diary/progress",
        "POST /api/sessions",
        "GET /api/fair-tests",
        "POST /api/fair-tests",
        "GET /api/fair-tests/today",
        "POST /api/fair-tests/today",
        "GET /api/fair-tests/what-helped",
        "GET /api/fair-tests/method",
        "GET /api/fair-tests/{test_id}",
        "POST /api/fair-tests/{test_id}/extend",
        "POST /api/fair-tests/{test_id}/stop",
    }
    assert all(count >= 5 for count in RAN.values()), RAN


# Any JSON at all, and objects with the API's own keys holding any JSON or real ids.
LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
)
ANY_JSON = st.recursive(
    LEAVES,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=20,
)


def bodies(index: FinderIndex) -> st.SearchStrategy[Any]:
    kb = index.kb
    ids = st.sampled_from([r.id for r in kb.atlas] + sorted(kb.muscles) + sorted(kb.safety.flags))
    value = ANY_JSON | ids | st.lists(ids | ANY_JSON, max_size=4)
    keys = ("text", "regions", "symptoms", "context", "press", "rule_out", "answers")
    keys += ("cautions", "limit")
    shaped = st.fixed_dictionaries(
        {},
        optional={
            **dict.fromkeys(keys, value),
            "regions": st.lists(
                st.fixed_dictionaries(
                    {"id": ids | ANY_JSON}, optional={"intensity": ANY_JSON, "main": ANY_JSON}
                ),
                max_size=4,
            ),
            "answers": st.dictionaries(ids | st.text(max_size=8), ANY_JSON, max_size=4),
            "press": st.dictionaries(
                ids, st.sampled_from(["yes", "no", "unsure", "x"]), max_size=3
            ),
        },
    )
    return shaped | ANY_JSON


def is_answer(status: int, data: Any) -> bool:
    if 200 <= status < 300:
        return True
    return (
        400 <= status < 500
        and data["ok"] is False
        and data["status"] == status
        and set(data["error"]) == {"code", "message", "suggestions", "details"}
    )


@pytest.mark.parametrize("path", ["/api/find", "/api/screen"])
def test_any_json_body_gets_an_answer_or_a_clear_error(
    client: TestClient, index: FinderIndex, path: str
) -> None:
    @settings(
        max_examples=150,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(body=bodies(index))
    def property_(body: Any) -> None:
        content = json.dumps(body).encode()
        response = client.post(path, content=content, headers={"content-type": "application/json"})
        assert is_answer(response.status_code, response.json()), (body, response.text)

    property_()


def test_the_property_sees_the_one_shape() -> None:
    """The property above can fail: a 5xx, or a 4xx in another shape, is not an answer."""
    assert not is_answer(500, {"ok": False, "status": 500, "error": {}})
    with pytest.raises(KeyError):
        is_answer(422, {"detail": [{"msg": "field required"}]})  # FastAPI's own shape
    assert is_answer(200, None)
