"""Which red-flag questions to ask, and how they are laid out for answering.

Asked: every flag of the screening areas the marked places fall in, and the global ones
(``screen.questions_for``), less those whose every part the words rule out (an age under the
one the sign needs, a pregnancy question for a man). A flag relevant to a marked place is
never dropped for any other reason. A flag the words already raised is shown as raised, not
asked.

Laid out: in the groups of ``safety/groups.yaml``, each a "tick any that apply" list with its
own "None of these". A flag's parts are its tick boxes, one condition each; ticking any part
answers the flag yes; a group answered (something ticked, or "None of these") answers every
flag it showed and left unticked no. A group with nothing ticked stays unanswered, and so do
its flags: self-treatment waits for them, as it always has.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from knotwork.core.safety.facts import Facts
from knotwork.core.safety.model import OTHER, Entry, Group, Part, RedFlag, SafetyData


def placement(data: SafetyData, flag: RedFlag) -> tuple[Group, Entry]:
    """The flag's group and entry; a flag no group names yet (the data check reports it) is
    asked on its own in "Other questions", with its whole question as the one box."""
    return data.placed.get(flag.id) or (OTHER, Entry(flag.id, None, None, (Part(flag.question),)))


def part_asked(entry: Entry, part: Part, facts: Facts) -> bool:
    """A part is left out only when the words rule it out: an age said below the one it
    needs, or a pregnancy question for a man. Nothing said rules nothing out."""
    need = part.min_age or entry.min_age
    if need and facts.age_at_most is not None and facts.age_at_most < need:
        return False
    return not (part.not_male and facts.male)


def parts_asked(entry: Entry, facts: Facts) -> list[tuple[int, Part]]:
    """The parts still asked, numbered from 1 as the form and the CLI name them."""
    if facts.age_at_most is None and not facts.male:  # nothing said rules nothing out
        return list(enumerate(entry.parts, 1))
    return [(i, p) for i, p in enumerate(entry.parts, 1) if part_asked(entry, p, facts)]


def relevant(data: SafetyData, flags: Iterable[RedFlag], facts: Facts) -> list[RedFlag]:
    """The flags still worth asking: those with at least one part the words leave open."""
    return [f for f in flags if parts_asked(placement(data, f)[1], facts)]


def layout(
    data: SafetyData,
    asked: Iterable[RedFlag],
    answers: Mapping[str, bool],
    raised_by_words: Mapping[str, Collection[str]],
    facts: Facts,
    ticked: Collection[str] = (),
) -> dict[str, Any]:
    """The asked flags in their groups, with each flag's state ("open", "yes", "no", or
    "raised" by the words) and its tick boxes, and the counts of what is left.

    ``raised_by_words``: flag id -> the words that raised it. ``ticked``: the boxes ticked on
    the form ("FLAG:PART"), so a page shows back what was ticked."""
    by_group: dict[str, tuple[Group, list[dict[str, Any]]]] = {}
    ticked = frozenset(ticked)
    for flag in asked:
        group, entry = placement(data, flag)
        state = _state(flag.id, answers, raised_by_words)
        item: dict[str, Any] = {"id": flag.id, "name": flag.name, "state": state}
        item["intro"] = entry.intro
        if state == "raised":
            item |= {"parts": [], "matched_words": list(raised_by_words[flag.id])}
        else:
            item["parts"] = _boxes(flag, entry, state, facts, ticked)
        by_group.setdefault(group.id, (group, []))[1].append(item)
    order = {g.id: i for i, g in enumerate((*data.groups, OTHER))}
    groups = [
        _group(group, items)
        for group, items in sorted(by_group.values(), key=lambda gi: order[gi[0].id])
    ]
    open_items = [len(f["parts"]) for g in groups for f in g["flags"] if f["state"] == "open"]
    return {
        "groups": groups,
        "groups_left": sum(not g["answered"] for g in groups),
        "items": sum(len(f["parts"]) for g in groups for f in g["flags"]),
        "items_left": sum(open_items),
    }


def _state(flag: str, answers: Mapping[str, bool], raised: Mapping[str, Collection[str]]) -> str:
    if flag in raised:
        return "raised"
    if flag in answers:
        return "yes" if answers[flag] else "no"
    return "open"


def _boxes(
    flag: RedFlag, entry: Entry, state: str, facts: Facts, ticked: Collection[str]
) -> list[dict[str, Any]]:
    boxes = []
    for i, part in parts_asked(entry, facts):
        value = f"{flag.id}:{i}"
        boxes.append({"value": value, "text": part.text, "ticked": value in ticked})
    if state == "yes" and not any(b["ticked"] for b in boxes):
        # Answered yes by flag id (the API, the CLI's --answer): which part is not known, so
        # the whole question stands as the one box, ticked, and can be unticked.
        return [{"value": f"{flag.id}:0", "text": flag.question, "ticked": True}]
    return boxes


def _group(group: Group, flags: list[dict[str, Any]]) -> dict[str, Any]:
    shown = [f["id"] for f in flags if f["state"] != "raised"]
    answered = all(f["state"] != "open" for f in flags)
    return {
        "id": group.id,
        "title": group.title,
        "flags": flags,
        "answered": answered,
        # The flags whose boxes the group shows: "None of these", or any tick, answers the
        # rest of them no (the form sends this list with the group).
        "shown": ",".join(shown),
        "none": bool(shown) and answered and all(f["state"] != "yes" for f in flags),
    }


def group_answers(
    ticks: Iterable[str], shown: Iterable[tuple[str, Iterable[str]]], nones: Collection[str]
) -> dict[str, bool]:
    """Answers from a grouped form: a ticked box ("FLAG:PART") answers its flag yes; a group
    (id, the flags it showed) with "None of these" or any tick answers its unticked flags no;
    a group left blank answers nothing."""
    yes = {tick.partition(":")[0] for tick in ticks}
    answers = dict.fromkeys(yes, True)
    for group, flags in shown:
        listed = list(flags)
        if group in nones or not yes.isdisjoint(listed):
            answers.update((f, False) for f in listed if f not in yes)
    return answers
