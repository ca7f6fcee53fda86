"""Screen a pain picture for red flags before any self-treatment advice.

Which questions apply: every global flag (area ``any``) plus the flags of the screening areas
the marked regions fall in. Each flag is raised by a "yes" answer or by its statement in the
free text (negation handled). The level is the highest urgency raised. At ``emergency`` and
``urgent`` no self-treatment is shown anywhere; at ``soon`` education only. A red flag is an
answer, not an error: surfaces return the whole document with ``self_treatment: false``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any, NamedTuple

from knotwork.core.atlas.model import Atlas
from knotwork.core.errors import UnknownQuestion
from knotwork.core.reading.complaint import Complaint, read
from knotwork.core.reading.when import recent_only
from knotwork.core.safety.facts import NOTHING, Facts, facts_of
from knotwork.core.safety.model import URGENCY_ORDER, RedFlag, SafetyData
from knotwork.core.safety.questions import layout, relevant
from knotwork.core.safety.textmatch import match_groups
from knotwork.core.suggest import closest

SELF_TREATMENT_LEVELS = ("none",)
EDUCATION_LEVELS = ("none", "soon")
LEVEL_TEXT = {
    "emergency": "Call your emergency number now.",
    "urgent": "Please be seen by a doctor today.",
    "soon": "See a doctor or physiotherapist within about two weeks; pause self-treatment of "
    "this area until then.",
    "none": "No warning signs were reported.",
    "incomplete": "Please answer the safety questions before trying any self-treatment.",
}

# What stands in for every pressing instruction (a press test, "how to find it") while a
# warning sign is raised.
RED_FLAG_HOLD = "A warning sign was raised: see the safety advice first; no pressing for now."
ANSWER_FIRST = (
    "Answer the safety questions for these areas first; then you will see where to press."
)


class Raised(NamedTuple):
    flag: RedFlag
    urgency: str
    instruction: str
    answered: bool
    matched: tuple[str, ...]


class Screen:
    """The result of a screen: level, raised flags, the questions asked and the answers, and
    the recent-event flags whose signs were said only as past (set aside, and shown so)."""

    __slots__ = ("answers", "areas", "asked", "data", "facts", "level", "raised", "set_aside")

    def __init__(
        self,
        asked: list[RedFlag],
        answers: dict[str, bool],
        areas: list[str],
        data: SafetyData,
        facts: Facts = NOTHING,
    ) -> None:
        self.level = "none"
        self.raised: list[Raised] = []
        self.set_aside: list[tuple[RedFlag, tuple[str, ...]]] = []
        self.asked = asked
        self.answers = answers
        self.areas = areas
        self.data = data
        self.facts = facts

    @property
    def self_treatment(self) -> bool:
        """Only with no warning sign raised and every relevant question answered."""
        return self.level in SELF_TREATMENT_LEVELS and not self.unanswered()

    @property
    def complete(self) -> bool:
        return not self.unanswered()

    @property
    def education(self) -> bool:
        return self.level in EDUCATION_LEVELS

    def unanswered(self) -> list[RedFlag]:
        raised = {r.flag.id for r in self.raised}
        return [f for f in self.asked if f.id not in self.answers and f.id not in raised]

    def questions(
        self, ticked: Collection[str] = (), stems: Collection[str] = ()
    ) -> dict[str, Any]:
        """The asked questions in their groups, with what is left (core/safety/questions.py);
        ``ticked``: the form's ticked boxes, shown back as ticked; ``stems``: those ticked."""
        by_words = {r.flag.id: r.matched for r in self.raised if r.matched}
        return layout(self.data, self.asked, self.answers, by_words, self.facts, ticked, stems)

    def as_dict(self) -> dict[str, Any]:
        unanswered = self.unanswered()  # once: complete and self_treatment both derive from it
        complete = not unanswered
        return {
            "level": self.level,
            "message": LEVEL_TEXT[self.level if self.level != "none" or complete else "incomplete"],
            "self_treatment": self.level in SELF_TREATMENT_LEVELS and complete,
            "education": self.education,
            "screening_complete": complete,
            "flags": [_raised_dict(r) for r in self.raised],
            # Said, but only as past ("a car crash in 2009", "a fever two weeks ago"): not
            # raised; the question is still asked, so a person can say it is recent after all.
            "set_aside": [
                {"id": f.id, "name": f.name, "matched_words": list(said), "why": "said as past"}
                for f, said in self.set_aside
            ],
            "areas": self.areas,
            "unanswered": [
                {"id": f.id, "question": f.question, "urgency": f.urgency} for f in unanswered
            ],
            "answered": [
                {"id": k, "answer": "yes" if v else "no"} for k, v in self.answers.items()
            ],
            "questions": self.questions(),
            "notice": "These questions look for signs that need a doctor. They cannot rule "
            "anything in or out; if you are worried, seek care.",
        }


def _raised_dict(r: Raised) -> dict[str, Any]:
    return {
        "id": r.flag.id,
        "name": r.flag.name,
        "urgency": r.urgency,
        "question": r.flag.question,
        "answered_yes": r.answered,
        "matched_words": list(r.matched),
        "instruction": r.instruction,
        "why": r.flag.why,
    }


def screening_areas(data: SafetyData, atlas: Atlas, regions: Iterable[str]) -> list[str]:
    """Screening areas the given (sided or base) region ids fall in."""
    found: list[str] = []
    for region in regions:
        base = atlas.base_of(region)
        group = atlas.regions[atlas.bases[base][0]].group
        # A region named on its own overrides its group's area (mid-back is thoracic).
        areas = data.areas_of.get(base) or data.areas_of.get(group, ())
        found.extend(a for a in areas if a not in found)
    return found


def questions_for(data: SafetyData, areas: Iterable[str]) -> list[RedFlag]:
    """Global flags first, then those of the areas, each once, most urgent first."""
    wanted = set(areas) | {"any"}
    return [f for f in data.asking_order if not wanted.isdisjoint(f.areas)]


def check_answers(data: SafetyData, answers: Mapping[str, bool]) -> None:
    for flag_id in answers:
        if flag_id not in data.flags:
            raise UnknownQuestion(flag_id, closest(flag_id, data.flags))


def screen(
    data: SafetyData,
    atlas: Atlas,
    regions: Iterable[str] = (),
    text: str = "",
    answers: Mapping[str, bool] | None = None,
    complaint: Complaint | None = None,
) -> Screen:
    """Screen the marked regions, the words (``complaint``: as already read, so the words
    are read once) and the answers."""
    answers = dict(answers or {})
    check_answers(data, answers)
    areas = screening_areas(data, atlas, regions)
    clauses = complaint if complaint is not None else read(text, data.phrase_index)
    # Every question of the marked places' areas, less those the words rule out (questions.py).
    facts = facts_of(clauses) if clauses else NOTHING
    asked = relevant(data, questions_for(data, areas), facts)
    result = Screen(asked, answers, areas, data, facts)
    # With nothing said, only a "yes" can raise a flag: look at those alone.
    flags = data.flags.values() if clauses else [data.flags[f] for f, yes in answers.items() if yes]
    horizons: dict[int | None, Complaint] = {}
    for flag in flags:
        said = _said(_dated(flag, clauses, horizons), flag, data) if clauses else None
        if answers.get(flag.id) or said is not None:
            result.raised.append(
                _raise(data, flag, clauses, answers.get(flag.id, False), said or [])
            )
        elif flag.recent and clauses and (old := _said(clauses, flag, data)) is not None:
            result.set_aside.append((flag, tuple(old[:1])))  # the event ("car crash") alone
    result.raised.sort(key=lambda r: (-URGENCY_ORDER[r.urgency], r.flag.id))
    if result.raised:
        result.level = result.raised[0].urgency
    return result


def _dated(flag: RedFlag, clauses: Complaint, horizons: dict[int | None, Complaint]) -> Complaint:
    """The clauses a flag's statement is matched in: for a recent event, those that do not
    date it past its horizon (each horizon read once per screen, in ``horizons``)."""
    if not flag.recent:
        return clauses
    if flag.recent_days not in horizons:
        horizons[flag.recent_days] = recent_only(clauses, flag.recent_days)
    return horizons[flag.recent_days]


def _said(clauses: Complaint, flag: RedFlag, data: SafetyData) -> list[str] | None:
    """The phrases of the first statement of the flag that the words match, if any (for a
    recent event, ``clauses`` are only those not dated long ago). A sign said only with what
    explains it away right next to it (numbness "after sitting on a hard chair") does not
    count."""
    for groups in flag.statements:
        found = match_groups(clauses, groups, data.phrases, flag.explained_away)
        if found is not None:
            return found
    return None


def _raise(
    data: SafetyData, flag: RedFlag, clauses: Complaint, answered: bool, said: list[str]
) -> Raised:
    urgency, instruction = flag.urgency, flag.instruction
    if (
        flag.escalate
        and clauses
        and match_groups(clauses, flag.escalate.when, data.phrases) is not None
    ):
        urgency, instruction = flag.escalate.urgency, flag.escalate.instruction
    return Raised(flag, urgency, instruction, answered, tuple(dict.fromkeys(said)))
