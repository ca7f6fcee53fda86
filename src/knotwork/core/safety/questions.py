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

from knotwork.core.safety.facts import NOTHING, Facts
from knotwork.core.safety.model import OTHER, Entry, Group, Part, RedFlag, SafetyData, Stem


def placement(data: SafetyData, flag: RedFlag) -> tuple[Group, Entry]:
    """The flag's group and entry; a flag no group names yet (the data check reports it) is
    asked on its own in "Other questions", with its whole question as the one box."""
    return data.placed.get(flag.id) or (OTHER, Entry(flag.id, None, None, (Part(flag.question),)))


def part_asked(entry: Entry, part: Part, facts: Facts) -> bool:
    """A part is left out only when the words rule it out: an age said below the one it
    needs (or above, for a child's), or a pregnancy question for a man. Nothing said rules
    nothing out."""
    need = part.min_age or entry.min_age
    if need and facts.age_at_most is not None and facts.age_at_most < need:
        return False
    limit = part.max_age or entry.max_age
    if limit and facts.age_at_least is not None and facts.age_at_least > limit:
        return False
    return not (part.not_male and facts.male)


def parts_asked(entry: Entry, facts: Facts) -> list[tuple[int, Part]]:
    """The parts still asked, numbered from 1 as the form and the CLI name them."""
    if facts == NOTHING:  # nothing said rules nothing out
        return list(enumerate(entry.parts, 1))
    return [(i, p) for i, p in enumerate(entry.parts, 1) if part_asked(entry, p, facts)]


def relevant(data: SafetyData, flags: Iterable[RedFlag], facts: Facts) -> list[RedFlag]:
    """The flags still worth asking: those with at least one part the words leave open (a
    flag whose boxes another flag of its group shares has none of its own)."""
    entries = [(f, placement(data, f)[1]) for f in flags]
    return [f for f, entry in entries if not entry.parts or parts_asked(entry, facts)]


def layout(
    data: SafetyData,
    asked: Iterable[RedFlag],
    answers: Mapping[str, bool],
    raised_by_words: Mapping[str, Collection[str]],
    facts: Facts,
    ticked: Collection[str] = (),
    stems_on: Collection[str] = (),
) -> dict[str, Any]:
    """The asked flags in their groups, with each flag's state ("open", "yes", "no", or
    "raised" by the words) and its tick boxes, and the counts of what is left. A flag behind
    a stem not yet ticked (nor settled by the words) shows no boxes: its stem stands for it
    (``waits``).

    ``raised_by_words``: flag id -> the words that raised it. ``ticked``: the boxes ticked on
    the form ("FLAG:PART"), so a page shows back what was ticked; ``stems_on``: the stems
    ticked."""
    by_group: dict[str, tuple[Group, list[dict[str, Any]]]] = {}
    ticked, stems_on = frozenset(ticked), frozenset(stems_on)
    for flag in asked:
        group, entry = placement(data, flag)
        state = _state(flag.id, answers, raised_by_words)
        item: dict[str, Any] = {"id": flag.id, "name": flag.name, "state": state}
        item |= {"intro": entry.intro, "waits": None}
        if state == "raised":
            item |= {"parts": [], "matched_words": list(raised_by_words[flag.id])}
        elif entry.after and state != "yes" and not _stem_on(group, entry.after, facts, stems_on):
            item |= {"parts": [], "waits": entry.after}
        else:
            item["parts"] = _boxes(flag, entry, state, facts, ticked)
            # Shown because its stem is ticked: the stem stays on the page, ticked.
            if entry.after in stems_on:
                item["behind"] = entry.after
        by_group.setdefault(group.id, (group, []))[1].append(item)
    for group, items in by_group.values():
        _borrow(group, items, facts, ticked)
    order = {g.id: i for i, g in enumerate((*data.groups, OTHER))}
    groups = [
        _group(group, items, stems_on)
        for group, items in sorted(by_group.values(), key=lambda gi: order[gi[0].id])
    ]
    return {
        "groups": groups,
        "groups_left": sum(not g["answered"] for g in groups),
        "items": sum(_count(g, False) for g in groups),
        "items_left": sum(_count(g, True) for g in groups),
    }


def stem_settled(stem: Stem, facts: Facts) -> bool | None:
    """What the words say of a stem: True (an age at or over it, a pregnancy said), False
    (younger, older than a child's, a man), or None (not said: it is asked)."""
    if stem.min_age:
        if facts.age_at_least is not None and facts.age_at_least >= stem.min_age:
            return True
        if facts.age_at_most is not None and facts.age_at_most < stem.min_age:
            return False
    if stem.max_age and facts.age_at_least is not None and facts.age_at_least > stem.max_age:
        return False
    if stem.pregnancy:
        if facts.pregnant:
            return True
        if facts.male:
            return False
    return None


def _stem_on(group: Group, stem_id: str, facts: Facts, stems_on: Collection[str]) -> bool:
    stem = next((t for t in group.stems if t.id == stem_id), None)
    if stem is None:
        return True  # a stem the data does not define holds nothing back (rule ASK-004)
    return stem_settled(stem, facts) or stem_id in stems_on


def _count(group: dict[str, Any], left: bool) -> int:
    """Boxes in a group (``left``: only those of flags not yet answered, and stems)."""
    flags = [f for f in group["flags"] if not left or f["state"] == "open"]
    waiting = {f["waits"] for f in flags}
    stems = [t for t in group["stems"] if not left or t["value"] in waiting]
    return sum(len(f["parts"]) for f in flags) + len(stems)


def _state(flag: str, answers: Mapping[str, bool], raised: Mapping[str, Collection[str]]) -> str:
    if flag in raised:
        return "raised"
    if flag in answers:
        return "yes" if answers[flag] else "no"
    return "open"


def _boxes(
    flag: RedFlag, entry: Entry, state: str, facts: Facts, ticked: Collection[str]
) -> list[dict[str, Any]]:
    boxes = [_box(flag.id, i, part, ticked) for i, part in parts_asked(entry, facts)]
    if state == "yes" and not any(flag.id in flags_of(t) for t in ticked):
        # Answered yes by flag id (the API, the CLI's --answer): which part is not known, so
        # the whole question stands as the one box, ticked, and can be unticked.
        return [{"value": f"{flag.id}:0", "text": flag.question, "ticked": True}]
    return boxes


def flags_of(tick: str) -> list[str]:
    """The flags a ticked box answers yes: "FLAG:PART", or "FLAG+OTHER:PART" for a box two
    flags share."""
    return tick.partition(":")[0].split("+")


def _box(flag: str, i: int, part: Part, ticked: Collection[str]) -> dict[str, Any]:
    value = f"{'+'.join((flag, *part.also))}:{i}"
    return {"value": value, "text": part.text, "ticked": value in ticked}


def _borrow(
    group: Group, items: list[dict[str, Any]], facts: Facts, ticked: Collection[str]
) -> None:
    """A box a flag shares with others ("also") shows under its own flag; when that flag
    shows no boxes (raised by the words, waiting, or not asked here), under each flag it
    shares with, so none loses a box."""
    shared = [
        (owner, i, part)
        for owner in group.entries
        for i, part in enumerate(owner.parts, 1)
        if part.also and part_asked(owner, part, facts)
    ]
    if not shared:
        return
    showing = {f["id"] for f in items if f["parts"] and f["state"] != "raised"}
    for item in items:
        if item["state"] == "raised" or item["waits"]:
            continue
        for owner, i, part in shared:
            if owner.flag not in showing and item["id"] in part.also:
                item["parts"].append(_box(owner.flag, i, part, ticked))


def _group(group: Group, flags: list[dict[str, Any]], stems_on: Collection[str]) -> dict[str, Any]:
    # The flags the group answers: those it shows boxes for, and those waiting behind a stem
    # ("FLAG@STEM": answered no with the group unless the stem is ticked).
    shown = [
        f"{f['id']}@{f['waits']}" if f["waits"] else f["id"]
        for f in flags
        if f["state"] != "raised"
    ]
    behind = {f["waits"] or f.get("behind") for f in flags}
    stems = [
        {"value": t.id, "text": t.text, "ticked": t.id in stems_on}
        for t in group.stems
        if t.id in behind
    ]
    answered = all(f["state"] != "open" for f in flags)
    return {
        "id": group.id,
        "title": group.title,
        "stems": stems,
        "flags": flags,
        "answered": answered,
        # "None of these", or any tick, answers the rest of them no (the form sends this
        # list with the group).
        "shown": ",".join(shown),
        "none": bool(shown) and answered and all(f["state"] != "yes" for f in flags),
    }


def group_answers(
    ticks: Iterable[str],
    shown: Iterable[tuple[str, Iterable[str]]],
    nones: Collection[str],
    stems_on: Collection[str] = (),
) -> dict[str, bool]:
    """Answers from a grouped form: a ticked box ("FLAG:PART") answers its flag yes; a group
    (id, the flags it showed) with "None of these" or any tick (a stem's too) answers its
    unticked flags no, except those waiting behind a ticked stem ("FLAG@STEM"), asked next;
    a group left blank answers nothing."""
    yes = {flag for tick in ticks for flag in flags_of(tick)}
    answers = dict.fromkeys(yes, True)
    for group, flags in shown:
        listed = [f.partition("@") for f in flags]
        touched = any(f in yes or (stem and stem in stems_on) for f, _, stem in listed)
        if group in nones or touched:
            answers.update(
                (f, False) for f, _, stem in listed if f not in yes and stem not in stems_on
            )
    return answers
