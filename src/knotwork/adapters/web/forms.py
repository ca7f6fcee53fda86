"""Read the finder's inputs from query parameters (pages) and JSON bodies (API).

Pages use GET forms, so every step of the flow (where, safety questions, results, press test)
is a plain link that works without JavaScript and can be bookmarked or shared.

    region=temple-right:7:main   text=...   symptom=dizziness   context=desk-work
    answer=fever:no   press=upper-trapezius:yes   rule_out=masseter   caution=pregnancy
    caution=known-or-suspected-clot:calf

The safety questions' form answers by groups (core/safety/questions.py): a ticked box
``tick=FLAG:PART``, a ticked stem ``stem=STEM``, each group's shown flags
``group=GROUP:FLAG,FLAG@STEM`` and its "None of these" ``none=GROUP``; they become answers by
flag id like ``answer=`` (stems go on as they are).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.datastructures import QueryParams

from knotwork.adapters.web.errors import Refused
from knotwork.core.errors import InvalidInput
from knotwork.core.finder.query import (
    MAX_TEXT,
    Mark,
    Query,
    known_terms,
    parse_region_arg,
    press_answers,
)
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.safety.cautions import parse_personal
from knotwork.core.safety.questions import group_answers

MAX_REGIONS = 120


MAX_LIMIT = 100  # candidates listed, on every surface
PAGE_LIMIT = 5  # shown first on the results page; "Show more" adds this many


def query_from_params(kb: KnowledgeBase, params: QueryParams) -> Query:
    text = params.get("text", "").strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"Please keep the description under {MAX_TEXT} characters.")
    regions = [r for r in params.getlist("region") if r.strip()]
    if len(regions) > MAX_REGIONS:
        raise InvalidInput("Too many regions marked.")
    marks = tuple(parse_region_arg(r) for r in regions)
    main = params.get("main", "").strip()
    if main:
        # The place that bothers the person most (chosen on the find page).
        if main not in {m.region for m in marks}:
            raise InvalidInput(f"The main area '{main}' is not one of the marked regions.")
        marks = tuple(m._replace(primary=m.region == main) for m in marks)
    return Query(
        marks=marks,
        text=text,
        symptoms=known_terms(kb.symptoms, params.getlist("symptom"), "symptom"),
        contexts=known_terms(kb.contexts, params.getlist("context"), "context"),
        press=press_answers(kb, (_pair(v) for v in params.getlist("press")), "press=MUSCLE:ANSWER"),
        rule_out=tuple(kb.muscle(m).id for m in params.getlist("rule_out")),
        answers=params_answers(params),
        cautions=parse_personal(params.getlist("caution")).factors,
        limit=_limit(params.get("limit", "")),
    )


def _limit(value: str) -> int:
    """How many candidates to list: a whole number 1 to MAX_LIMIT (the results page's
    "Show more" link asks for more). Only the digits 0-9: "²" is a digit to ``isdigit`` but
    not to ``int``."""
    digits = value.strip()
    if not digits:
        return PAGE_LIMIT
    if not (digits.isascii() and digits.isdigit()) or not 1 <= int(digits) <= MAX_LIMIT:
        raise InvalidInput(f"limit must be a whole number 1 to {MAX_LIMIT}, not '{value}'.")
    return int(digits)


def _pair(value: str) -> tuple[str, str]:
    muscle, _, answer = value.partition(":")
    return muscle, answer


def answers_from(values: Sequence[str]) -> dict[str, bool]:
    answers: dict[str, bool] = {}
    for value in values:
        flag, _, answer = value.partition(":")
        if answer not in ("yes", "no"):
            raise InvalidInput(f"Answer '{value}' must be QUESTION:yes or QUESTION:no.")
        # Said twice, a "yes" stands: a warning sign is not cleared by a later "no".
        answers[flag] = answers.get(flag, False) or answer == "yes"
    return answers


def params_answers(params: QueryParams) -> dict[str, bool]:
    """Answers given as ``answer=ID:yes``, as radio groups ``a_ID=yes``, or by the grouped
    form's ticks (``grouped_answers``); a "yes" any way stands."""
    pairs = list(params.getlist("answer"))
    pairs += [f"{k[2:]}:{v}" for k, v in params.multi_items() if k.startswith("a_")]
    answers = answers_from(pairs)
    for flag, yes in grouped_answers(params).items():
        answers[flag] = answers.get(flag, False) or yes
    return answers


TICK = re.compile(r"^[a-z0-9+-]{1,300}:\d{1,2}$")
SHOWN = re.compile(r"^[a-z0-9-]{1,60}:[a-z0-9,@-]{0,2000}$")
STEM = re.compile(r"^[a-z0-9-]{1,60}$")


def grouped_answers(params: QueryParams) -> dict[str, bool]:
    """The grouped form's answers: a ticked box answers its flag yes; a group with "None of
    these" or any tick answers the other flags it showed no; a blank group, nothing."""
    ticks = params.getlist("tick")
    shown = params.getlist("group")
    stems = params.getlist("stem")
    checks = ((ticks, TICK, "FLAG:PART"), (shown, SHOWN, "GROUP:FLAG,FLAG"), (stems, STEM, "STEM"))
    for value, pattern, form in checks:
        bad = next((v for v in value if not pattern.match(v)), None)
        if bad is not None:
            raise InvalidInput(f"'{bad[:80]}' is not {form}.")
    groups = [
        (g, [f for f in flags.split(",") if f]) for g, _, flags in (v.partition(":") for v in shown)
    ]
    return group_answers(ticks, groups, set(params.getlist("none")), set(stems))


B = TypeVar("B", bound=BaseModel)


def parse_body(model: type[B], raw: bytes) -> B:
    """A JSON request body validated by ``model``: a body that is not JSON at all is 400
    (``invalid_json``), one that is JSON but not what ``model`` takes is ``InvalidInput``
    (422), the same for every endpoint."""
    if not raw.strip():
        raise Refused(400, "invalid_json", "The request body is empty: send a JSON object.")
    try:
        return model.model_validate_json(raw)
    except ValidationError as error:
        problems = error.errors()
        if any(e["type"] == "json_invalid" for e in problems):
            raise Refused(400, "invalid_json", "The request body is not valid JSON.") from None
        details = [f"body.{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in problems]
        raise InvalidInput("The request is not valid.", details=details) from None


def check_keys(limit: int, **fields: Mapping[str, object]) -> None:
    """At most ``limit`` keys in each of these fields (``KNOTWORK_MAX_ANSWERS``): the body's
    size bounds them already; this bounds the work on them too."""
    for name, value in fields.items():
        if len(value) > limit:
            raise InvalidInput(f"At most {limit} entries in '{name}', not {len(value)}.")


class RegionIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    id: str = Field(min_length=1, max_length=60, description="Sided atlas region id")
    intensity: int | None = Field(None, ge=0, le=10)
    main: bool = False


class FindIn(BaseModel):
    """Body of POST /api/find: a drawing and/or words, with answers so far."""

    # Strict: "5" is not an intensity, true is not a limit, "yes" is not an answer.
    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [
                {
                    "text": "throbbing at my right temple",
                    "regions": [{"id": "side-of-neck-right", "intensity": 5}],
                }
            ]
        },
    )
    text: str = Field("", max_length=MAX_TEXT)
    regions: list[RegionIn] = Field(default_factory=list, max_length=MAX_REGIONS)
    symptoms: list[str] = Field(default_factory=list, max_length=60)
    context: list[str] = Field(default_factory=list, max_length=60)
    press: dict[str, Literal["yes", "no", "unsure"]] = Field(default_factory=dict)
    rule_out: list[str] = Field(default_factory=list, max_length=60)
    answers: dict[str, bool] = Field(
        default_factory=dict, description="Red-flag question id -> yes (true) / no"
    )
    cautions: list[str] = Field(
        default_factory=list,
        max_length=20,
        description="Personal cautions, FACTOR or FACTOR:SITE,SITE (e.g. "
        "known-or-suspected-clot:calf); cautions said in the text are added",
    )
    limit: int = Field(PAGE_LIMIT, ge=1, le=MAX_LIMIT)

    def keyed(self) -> dict[str, Mapping[str, object]]:
        """The fields whose keys ``KNOTWORK_MAX_ANSWERS`` caps."""
        return {"answers": self.answers, "press": self.press}

    def to_query(self, kb: KnowledgeBase) -> Query:
        return Query(
            marks=tuple(Mark(r.id, r.intensity, r.main) for r in self.regions),
            text=self.text,
            symptoms=known_terms(kb.symptoms, self.symptoms, "symptom"),
            contexts=known_terms(kb.contexts, self.context, "context"),
            press=press_answers(kb, self.press.items(), "press: {MUSCLE: ANSWER}"),
            rule_out=tuple(kb.muscle(m).id for m in self.rule_out),
            answers=self.answers,
            cautions=parse_personal(self.cautions).factors,
            limit=self.limit,
        )


class ScreenIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    text: str = Field("", max_length=MAX_TEXT)
    regions: list[RegionIn | str] = Field(
        default_factory=list,
        max_length=MAX_REGIONS,
        description="Sided region ids, or the same region objects as POST /api/find takes",
    )
    answers: dict[str, bool] = Field(default_factory=dict)

    def keyed(self) -> dict[str, Mapping[str, object]]:
        return {"answers": self.answers}

    def region_ids(self) -> list[str]:
        return [r if isinstance(r, str) else r.id for r in self.regions]
