"""Random input never breaks the app: every answer is a 2xx, or a 4xx in the one error shape.

Seeded, so a failure names a reproducible body. The words mix body places, safety phrases,
negation, punctuation and odd characters; the bodies mix wrong types, unknown ids and extra
keys, as a careless client or a hand-edited link would.
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from fastapi.testclient import TestClient

from knotwork.core.finder import FinderIndex

SAID = (
    "pain ache my left right both neck shoulder clot surgery knee not no and but , . ; from to",
    "down jaw clicks had in march pregnant warfarin fever sudden worst headache ever sprained",
    "yesterday wakes every night nothing helps arm stairs rest 7/10 mum years ago sitting",
    "numb bum 🙂 ñ ß 中文 \u202e",
)
WORDS = [word for line in SAID for word in line.split()]
CASES = 300


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 25)))


def _odd(rng: random.Random) -> Any:
    return rng.choice([None, 1, -1, 3.5, "x", [], {}, True, "", "a" * 100, _text(rng)])


def _body(rng: random.Random, index: FinderIndex) -> dict[str, Any]:
    kb = index.kb
    regions = [r.id for r in kb.atlas] + ["nope", ""]
    body: dict[str, Any] = {}
    if rng.random() < 0.8:
        body["text"] = _text(rng) if rng.random() < 0.9 else _odd(rng)
    if rng.random() < 0.7:
        body["regions"] = [
            {"id": rng.choice(regions), "intensity": rng.choice([0, 5, 10, 11, -1, None, "5"])}
            for _ in range(rng.randint(0, 6))
        ]
    if rng.random() < 0.3:
        flags = [*kb.safety.flags, "zzz"]
        body["answers"] = {rng.choice(flags): rng.choice([True, False, "yes"]) for _ in range(3)}
    if rng.random() < 0.2:
        factors = [*kb.safety.factors, "nope"]
        body["cautions"] = [rng.choice(factors) + rng.choice(["", ":calf", ":zz"])]
    if rng.random() < 0.1:
        body["limit"] = _odd(rng)
    if rng.random() < 0.05:
        body["extra"] = 1
    return body


def _is_answer(status: int, data: Any) -> bool:
    if status < 400:
        return True
    return (
        400 <= status < 500
        and data["ok"] is False
        and set(data["error"])
        == {
            "code",
            "message",
            "suggestions",
            "details",
        }
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_finder_bodies_get_an_answer_or_a_clear_error(
    client: TestClient, index: FinderIndex, seed: int
) -> None:
    rng = random.Random(seed)
    for _ in range(CASES // 3):
        body = _body(rng, index)
        response = client.post("/api/find", content=json.dumps(body))
        assert _is_answer(response.status_code, response.json()), body


@pytest.mark.parametrize("page", ["/results", "/check", "/results.json", "/check.json"])
def test_random_page_queries_get_a_page_or_a_clear_error(
    client: TestClient, index: FinderIndex, page: str
) -> None:
    rng = random.Random(page)
    for _ in range(CASES // 6):
        params = [("text", _text(rng))]
        params += [("region", rng.choice([r.id for r in index.kb.atlas])) for _ in range(2)]
        params += [("limit", str(_odd(rng)))] if rng.random() < 0.3 else []
        response = client.get(page, params=params)
        assert response.status_code < 500, params
