"""The finder's input: a pain drawing and/or words, plus press-test answers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from knotwork.core.atlas.model import Atlas
from knotwork.core.errors import InvalidInput
from knotwork.core.suggest import closest

if TYPE_CHECKING:
    from knotwork.core.kb.base import KnowledgeBase

Answer = Literal["yes", "no", "unsure"]
ANSWERS: tuple[Answer, ...] = ("yes", "no", "unsure")
NOTHING: Mapping[str, Any] = MappingProxyType({})  # an empty default that cannot be changed


MAX_TEXT = 2000  # characters of description, on every surface


class Mark(NamedTuple):
    """One marked region: a sided atlas id, or a base id with ``side="unspecified"``."""

    region: str
    intensity: int | None = None
    primary: bool = False
    side: str = ""  # "unspecified" for a base id from words that gave no side

    @property
    def unspecified(self) -> bool:
        return self.side == "unspecified"


class Query(NamedTuple):
    marks: tuple[Mark, ...] = ()
    text: str = ""
    symptoms: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    press: Mapping[str, Answer] = NOTHING
    rule_out: tuple[str, ...] = ()
    answers: Mapping[str, bool] = NOTHING  # red-flag question -> yes/no
    # personal caution -> its sites (base ids), as chosen; those said in the text are added
    cautions: Mapping[str, tuple[str, ...]] = NOTHING
    limit: int = 10


def check_marks(atlas: Atlas, marks: tuple[Mark, ...]) -> None:
    """Reject unknown regions (with suggestions), bad intensities and two main areas."""
    for mark in marks:
        if mark.unspecified:
            if mark.region not in atlas.bases:
                atlas.get(mark.region)
        else:
            atlas.get(mark.region)
        if mark.intensity is not None and not 0 <= mark.intensity <= 10:
            raise InvalidInput(
                f"Intensity for '{mark.region}' must be 0 to 10, not {mark.intensity}."
            )
    if sum(m.primary for m in marks) > 1:
        raise InvalidInput("Only one region can be marked as the main area.")


def known_terms(vocab: Mapping[str, object], values: Sequence[str], kind: str) -> tuple[str, ...]:
    """Symptom or context ids in order without repeats; an unknown one is bad input that
    names the closest known ids."""
    for value in values:
        if value not in vocab:
            near = closest(value, vocab)
            hint = f" Did you mean: {', '.join(near)}?" if near else ""
            raise InvalidInput(f"Unknown {kind} '{value}'.{hint}")
    return tuple(dict.fromkeys(values))


def press_answers(
    kb: KnowledgeBase, pairs: Iterable[tuple[str, str]], given_as: str
) -> dict[str, Answer]:
    """Press-test answers by muscle id from (muscle id, name or alias; answer) pairs.
    ``given_as`` is the form the surface expects, for the error message."""
    press: dict[str, Answer] = {}
    for muscle, answer in pairs:
        if answer not in ANSWERS:
            raise InvalidInput(
                f"Press-test answer '{answer}' for '{muscle}': give {given_as}, "
                f"the answer one of {', '.join(ANSWERS)}."
            )
        press[kb.muscle(muscle).id] = answer
    return press


def parse_answer(value: str) -> tuple[str, bool]:
    """``ID=yes`` or ``ID=no`` (a red-flag question's answer) as given on the command line."""
    flag, _, answer = value.partition("=")
    if answer.lower() not in ("yes", "no", "y", "n"):
        raise InvalidInput(f"'{value}' is not QUESTION=yes or QUESTION=no")
    return flag, answer.lower().startswith("y")


def parse_answers(values: Iterable[str]) -> dict[str, bool]:
    """Several ``ID=yes|no``; a question answered twice keeps its "yes" (a warning sign is
    not cleared by a later "no")."""
    answers: dict[str, bool] = {}
    for flag, yes in map(parse_answer, values):
        answers[flag] = answers.get(flag, False) or yes
    return answers


def parse_region_arg(value: str) -> Mark:
    """``ID``, ``ID:INTENSITY`` or ``ID:INTENSITY:main`` as given on the command line."""
    parts = value.split(":")
    if len(parts) > 3 or not parts[0]:
        raise InvalidInput(f"'{value}' is not REGION[:INTENSITY[:main]]")
    intensity = None
    if len(parts) >= 2 and parts[1] != "":
        try:
            intensity = int(parts[1])
        except ValueError:
            raise InvalidInput(f"Intensity in '{value}' must be a whole number 0 to 10.") from None
    primary = len(parts) == 3 and parts[2] in ("main", "primary")
    if len(parts) == 3 and not primary:
        raise InvalidInput(f"'{parts[2]}' in '{value}': only 'main' may follow the intensity.")
    return Mark(parts[0], intensity, primary)
