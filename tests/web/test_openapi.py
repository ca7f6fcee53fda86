"""/openapi.json is a valid OpenAPI 3.1 document that says what the API takes and gives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

METHODS = ("get", "post", "put", "patch", "delete")


@pytest.fixture(scope="module")
def doc(client: TestClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


def operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def refs(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "$ref":
                yield item
            else:
                yield from refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from refs(item)


def pointer(doc: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = doc
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def check(doc: dict[str, Any], where: str, instance: Any) -> None:
    """``instance`` is valid against the schema at ``where`` in the document (its $refs
    resolved within the document)."""
    Draft202012Validator({**doc, "$ref": where}).validate(instance)


def test_the_document_is_valid_openapi(doc: dict[str, Any]) -> None:
    validate(doc)
    assert doc["openapi"].startswith("3.1")


def test_every_ref_resolves(doc: dict[str, Any]) -> None:
    found = set(refs(doc))
    assert "#/components/schemas/RegionIn" in found  # once "#/$defs/RegionIn", resolving nowhere
    for ref in found:
        assert pointer(doc, ref), ref


def test_every_operation_answers_errors_in_the_one_shape(doc: dict[str, Any]) -> None:
    assert "HTTPValidationError" not in doc["components"]["schemas"]
    for path, method, operation in operations(doc):
        errors = {code: r for code, r in operation["responses"].items() if code >= "400"}
        assert {"400", "422", "500"} <= set(errors), (path, method)
        if method in ("post", "put"):
            assert {"403", "408", "413", "415"} <= set(errors), path
        for code, response in errors.items():
            media = response["content"]["application/json"]
            assert media["schema"] == {"$ref": "#/components/schemas/ErrorOut"}, (path, code)
            check(doc, "#/components/schemas/ErrorOut", media["example"])
            assert media["example"]["status"] == int(code)
    assert client_error_shape(doc) == {"ok", "status", "error"}


def client_error_shape(doc: dict[str, Any]) -> set[str]:
    return set(doc["components"]["schemas"]["ErrorOut"]["required"])


def test_every_operation_has_real_schemas_and_an_example(doc: dict[str, Any]) -> None:
    seen = 0
    for path, method, operation in operations(doc):
        seen += 1
        ok_code = next(code for code in operation["responses"] if code.startswith("2"))
        ok = operation["responses"][ok_code]["content"]["application/json"]
        assert ok["schema"] != {}, (path, method)
        where = (
            f"#/paths/{escape(path)}/{method}/responses/{ok_code}/content/application~1json/schema"
        )
        check(doc, where, ok["example"])
        for parameter in operation.get("parameters", []):
            assert "example" in parameter, (path, parameter["name"])
            p_where = f"#/paths/{escape(path)}/{method}/parameters/"
            index = operation["parameters"].index(parameter)
            check(doc, f"{p_where}{index}/schema", parameter["example"])
        if method in ("post", "put"):
            body = operation["requestBody"]
            assert body["required"] is True
            media = body["content"]["application/json"]
            check(doc, media["schema"]["$ref"], media["example"])
    # the finder's, the diary's, its export, the sessions' and the fair tests'
    assert seen == 5 + 12 + 1 + 1 + 9


def test_the_examples_are_answers_the_api_gives(client: TestClient, doc: dict[str, Any]) -> None:
    find = doc["paths"]["/api/find"]["post"]
    example = find["requestBody"]["content"]["application/json"]["example"]
    answer = client.post("/api/find", json=example).json()
    shown = find["responses"]["200"]["content"]["application/json"]["example"]
    assert shown["candidates"][0]["muscle"] == answer["candidates"][0]["muscle"]
    assert shown["safety"]["level"] == answer["safety"]["level"]


def test_ids_the_knowledge_base_knows_are_enumerated(
    client: TestClient, doc: dict[str, Any]
) -> None:
    schemas = doc["components"]["schemas"]
    kb = client.app.state.knotwork.kb  # type: ignore[attr-defined]
    assert len(schemas["RegionIn"]["properties"]["id"]["enum"]) == len(kb.atlas)
    answers = schemas["FindIn"]["properties"]["answers"]
    assert set(answers["propertyNames"]["enum"]) == set(kb.safety.flags)
    assert answers["maxProperties"] == client.app.state.knotwork.settings.limits.max_answers  # type: ignore[attr-defined]
    pattern = Draft202012Validator(schemas["FindIn"]["properties"]["cautions"]["items"])
    assert pattern.is_valid("pregnancy")
    assert pattern.is_valid("known-or-suspected-clot:calf,heel-left")
    assert not pattern.is_valid("pregnancy:calf")  # takes no site: the API says 422
    assert not pattern.is_valid("known-or-suspected-clot")  # needs one
