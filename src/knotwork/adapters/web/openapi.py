"""/openapi.json: a valid OpenAPI 3.1 document that says what the API really takes and gives.

FastAPI's own document is the starting point; this completes it:

- the request bodies of POST /api/find and /api/screen (read by pydantic directly, not by the
  framework) as components, so every ``$ref`` resolves;
- the ids the knowledge base knows (regions, muscles, questions, symptoms, contexts, areas,
  cautions) as enums and patterns, and the configured limit on answers, so a generated request
  that fits the schema is one the API can answer;
- the one error shape (``Error``) on every operation, for every status it can answer with,
  in place of FastAPI's ``{"detail": [...]}`` 422, which this app never sends;
- an example for every request and answer, computed from the real knowledge base and trimmed.

Built once, on the first request for it. tests/web/test_openapi.py validates it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from knotwork.adapters.web.forms import FindIn, RegionIn, ScreenIn
from knotwork.adapters.web.schemas import ErrorOut
from knotwork.adapters.web.state import AppState
from knotwork.core.kb.model import AREAS

REF = "#/components/schemas/{model}"
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
BODY_KEY = "x-knotwork-body"

ERRORS = {
    "400": ("The body is not JSON, or the Host is not one this server answers", "invalid_json"),
    "403": ("Refused: the request came from another site", "cross_site_request"),
    "404": ("No such muscle; the closest ids are suggested", "unknown_muscle"),
    "408": ("The body did not arrive in time (KNOTWORK_BODY_TIMEOUT)", "request_timeout"),
    "413": ("The body is larger than KNOTWORK_MAX_BODY_BYTES", "too_large"),
    "415": ("The body is not Content-Type: application/json", "unsupported_media_type"),
    "422": ("Bad input: an unknown id or a value out of range", "unknown_region"),
    "500": ("Something went wrong on the server", "internal_error"),
    "503": ("The diary store cannot be used (docs/diary.md)", "store_unavailable"),
}
READ_ERRORS = ("400", "422", "500")
WRITE_ERRORS = ("400", "403", "408", "413", "415", "422", "500")

FIND_EXAMPLE = {
    "text": "throbbing at my right temple, worse when I clench my jaw",
    "regions": [{"id": "temple-right", "intensity": 6, "main": True}],
    "answers": {"fever": False},
    "limit": 3,
}
SCREEN_EXAMPLE = {"text": "ache in my lower back", "regions": ["calf-left"], "answers": {}}
PARAMETER_EXAMPLES = {
    "muscle_id": "soleus",
    "area": "leg-foot",
    "caution": ["pregnancy"],
    "answer": ["deep-vein-thrombosis:no"],
    "region": ["calf-right:6"],
    "text": "my right calf aches when I walk",
    # the diary (docs/diary.md)
    "record_id": "3f2a9c1e",
    "since": "2026-11-01",
    "until": "2026-11-30",
    "limit": 50,
    "days": 90,
    "all": False,
    "format": "json",
    # fair tests (docs/fair-tests.md)
    "test_id": "5e0c9a7b",
}


def install(app: FastAPI) -> None:
    cached: dict[str, Any] = {}

    def openapi() -> dict[str, Any]:
        if not cached:
            cached.update(build(app))
        return cached

    app.openapi = openapi  # type: ignore[method-assign]


def build(app: FastAPI) -> dict[str, Any]:
    doc = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
    )
    state: AppState = app.state.knotwork
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for model in (ErrorOut, FindIn, ScreenIn, RegionIn):
        add_model(schemas, model)
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    constrain(schemas, state)
    examples = responses_by_path(state)
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            complete(operation, method, path, examples, state)
    return doc


def add_model(schemas: dict[str, Any], model: type[BaseModel]) -> None:
    """A model's JSON Schema as a component, its nested models beside it, every $ref
    pointing into components (pydantic's own point into a local ``$defs``)."""
    schema = model.model_json_schema(ref_template=REF)
    for name, nested in schema.pop("$defs", {}).items():
        schemas.setdefault(name, nested)
    schemas[model.__name__] = schema


def constrain(schemas: dict[str, Any], state: AppState) -> None:
    """The knowledge base's ids, so valid-by-schema means answerable."""
    kb, limit = state.kb, state.settings.limits.max_answers
    regions = sorted(r.id for r in kb.atlas)
    muscles = sorted(kb.muscles)
    flags = sorted(kb.safety.flags)
    schemas["RegionIn"]["properties"]["id"]["enum"] = regions
    find, screen = schemas["FindIn"]["properties"], schemas["ScreenIn"]["properties"]
    find["symptoms"]["items"]["enum"] = sorted(kb.symptoms)
    find["context"]["items"]["enum"] = sorted(kb.contexts)
    find["rule_out"]["items"]["enum"] = muscles
    find["cautions"]["items"]["pattern"] = caution_pattern(state)
    find["press"].update(propertyNames={"enum": muscles}, maxProperties=limit)
    for props in (find, screen):
        props["answers"].update(propertyNames={"enum": flags}, maxProperties=limit)
    for option in screen["regions"]["items"]["anyOf"]:
        if option.get("type") == "string":
            option["enum"] = regions


def caution_pattern(state: AppState) -> str:
    """``FACTOR`` for a caution that takes no site, ``FACTOR:SITE[,SITE...]`` for one that
    does (a site is a region id, with or without its side)."""
    factors = state.kb.safety.factors.values()
    plain = _alternatives(f.id for f in factors if not f.needs_site)
    sited = _alternatives(f.id for f in factors if f.needs_site)
    sites = _alternatives([*state.kb.atlas.bases, *(r.id for r in state.kb.atlas)])
    return f"^(?:{plain}|{sited}:{sites}(?:,{sites})*)$"


def _alternatives(ids: Iterable[str]) -> str:
    """A regex group of ids, longest first. Ids are lower-case words joined by hyphens, which
    need no escaping (and ``re.escape``'s ``\\-`` is not valid in every regex dialect a
    client of this document may use)."""
    chosen = sorted(set(ids), key=lambda i: (-len(i), i))
    assert all(ID.fullmatch(i) for i in chosen), chosen
    return "(?:" + "|".join(chosen) + ")"


def parameter_schema(name: str, state: AppState) -> dict[str, Any] | None:
    kb = state.kb
    region = _alternatives(r.id for r in kb.atlas)
    flags = _alternatives(kb.safety.flags)
    shapes: dict[str, dict[str, Any]] = {
        "area": {"type": "string", "enum": list(AREAS)},
        "caution": {"type": "string", "pattern": caution_pattern(state)},
        "answer": {"type": "string", "pattern": f"^{flags}:(?:yes|no)$"},
        "region": {"type": "string", "pattern": f"^{region}(?::(?:10|[0-9]))?$"},
    }
    one = shapes.get(name)
    if one is None or name == "area":
        return one
    return {"type": "array", "items": one}


def complete(
    operation: dict[str, Any], method: str, path: str, examples: dict[str, Any], state: AppState
) -> None:
    body = operation.pop(BODY_KEY, None)
    if body:
        example = FIND_EXAMPLE if body == "FindIn" else SCREEN_EXAMPLE
        operation["requestBody"] = {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": REF.format(model=body)}, "example": example}
            },
        }
    for parameter in operation.get("parameters", []):
        name = parameter["name"]
        schema = parameter_schema(name, state)
        if schema:
            parameter["schema"] = schema
        if name in PARAMETER_EXAMPLES:
            parameter["example"] = PARAMETER_EXAMPLES[name]
    media = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if media is not None and "example" not in media:
        media["example"] = diary_body_example(path)  # the diary's bodies, declared by FastAPI
    responses = operation["responses"]
    responses.pop("422", None)  # FastAPI's {"detail": [...]}, which this app never sends
    ok_code = next(code for code in responses if code.startswith("2"))
    if path in examples:  # the diary's routes carry their own (diary_examples.py)
        responses[ok_code]["content"]["application/json"]["example"] = examples[path]
    codes = READ_ERRORS if method == "get" else WRITE_ERRORS
    if "{muscle_id}" in path or "{record_id}" in path or "{test_id}" in path:
        codes = (*codes, "404")
    if path.startswith(("/api/diary", "/api/sessions", "/api/fair-tests")):
        codes = (*codes, "503")
    for code in sorted(codes):
        description, error_code = ERRORS[code]
        responses[code] = {
            "description": description,
            "content": {
                "application/json": {
                    "schema": {"$ref": REF.format(model="ErrorOut")},
                    "example": _error_example(int(code), error_code),
                }
            },
        }


def diary_body_example(path: str) -> Any:
    from knotwork.adapters.web.diary_examples import BODIES
    from knotwork.adapters.web.fairtest_schemas import BODIES as FAIR_TEST_BODIES
    from knotwork.adapters.web.session_schemas import session_body

    if path == "/api/sessions":
        return session_body()
    return FIND_EXAMPLE if path == "/api/diary/findings" else {**BODIES, **FAIR_TEST_BODIES}[path]


def _error_example(status: int, code: str) -> dict[str, Any]:
    from knotwork.adapters.web.errors import error_body

    if code == "unknown_region":
        return error_body(
            status,
            code,
            "Unknown body region 'templ-left'. Did you mean: temple-left?",
            suggestions=["temple-left"],
        )
    if code == "unknown_muscle":
        return error_body(
            status,
            code,
            "Unknown muscle 'solues'. Did you mean: soleus?",
            suggestions=["soleus"],
        )
    return error_body(status, code, code.replace("_", " ").capitalize() + ".")


def responses_by_path(state: AppState) -> dict[str, Any]:
    """Real answers for the examples, computed now and trimmed to a readable size."""
    from starlette.datastructures import QueryParams

    from knotwork.adapters.cli.atlas_cmd import region_json
    from knotwork.adapters.web.views import muscle_data
    from knotwork.core.finder.engine import find, screening
    from knotwork.core.finder.query import Mark, Query
    from knotwork.core.kb.present import muscle_summary
    from knotwork.core.safety.screen import screen

    index, kb = state.index, state.kb
    body = ScreenIn.model_validate(SCREEN_EXAMPLE)
    places, text, _ = screening(
        index, Query(marks=tuple(Mark(r) for r in body.region_ids()), text=body.text)
    )
    soleus = kb.muscle("soleus")
    answers: dict[str, Callable[[], Any]] = {
        "/api/find": lambda: find(index, FindIn.model_validate(FIND_EXAMPLE).to_query(kb)),
        "/api/screen": lambda: screen(kb.safety, kb.atlas, places, text, body.answers).as_dict(),
        "/api/muscles": lambda: {
            "ok": True,
            "muscles": [muscle_summary(m) for m in kb.in_area("leg-foot")],
        },
        "/api/muscles/{muscle_id}": lambda: {
            "ok": True,
            "muscle": muscle_data(index, kb, soleus, QueryParams("caution=pregnancy")),
        },
        "/api/regions": lambda: {"ok": True, "regions": [region_json(r) for r in kb.atlas]},
    }
    return {path: trim(answer()) for path, answer in answers.items()}


def trim(value: Any, keep: int = 2) -> Any:
    """Every list cut to ``keep`` items, all the way down: the example stays a true answer's
    shape at a size a person can read."""
    if isinstance(value, dict):
        return {k: trim(v, keep) for k, v in value.items()}
    if isinstance(value, list):
        return [trim(v, keep) for v in value[:keep]]
    return value
