"""How the red-flag questions are grouped and split for asking (``safety/groups.yaml``).

The flag files hold one lay question per flag, which often bundles several conditions. This
file puts every flag in one group with a lay title, and lists each flag's conditions as parts,
one a tick box: ticking any part answers the flag yes. Rule codes ASK-xxx are listed in
docs/data-rules.md; ``knotwork kb check`` runs them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from knotwork.core.datafile import parse
from knotwork.core.problems import Problem
from knotwork.core.safety.model import Entry, Group, Part

GROUPS = "safety/groups.yaml"
ID = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"

RULES = {
    "ASK-001": "every red flag is in exactly one question group",
    "ASK-002": "every flag a question group names exists",
    "ASK-003": "question group ids are unique",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class PartFile(_Strict):
    text: str = Field(min_length=3, description="One condition, as a person would tick it")
    min_age: int | None = Field(
        None, ge=1, le=120, description="Not asked when the words give a younger age"
    )
    not_male: bool = Field(False, description="Not asked when the words say it is a man")


class EntryFile(_Strict):
    flag: str = Field(pattern=ID, description="A red-flag id")
    intro: str | None = Field(
        None, min_length=3, description="The condition every part comes with ('After a fall:')"
    )
    min_age: int | None = Field(
        None, ge=1, le=120, description="The whole flag: not asked below this stated age"
    )
    parts: list[str | PartFile] = Field(min_length=1, description="One condition a box")


class GroupFile(_Strict):
    id: str = Field(pattern=ID)
    title: str = Field(min_length=3, description="A lay title ('Fever, weight or cancer')")
    flags: list[EntryFile] = Field(min_length=1)


class GroupsFile(_Strict):
    groups: list[GroupFile] = Field(min_length=1)


def read_groups(data_dir: Path, problems: list[Problem]) -> GroupsFile | None:
    return parse(GroupsFile, data_dir / GROUPS, GROUPS, problems, code="SAFETY-001")


def check_groups(groups: GroupsFile | None, flag_ids: Iterable[str]) -> list[Problem]:
    if groups is None:
        return []
    known = set(flag_ids)
    problems: list[Problem] = []
    seen_groups: set[str] = set()
    placed: dict[str, str] = {}
    for i, group in enumerate(groups.groups):
        if group.id in seen_groups:
            problems.append(Problem(GROUPS, f"groups.{i}.id", "ASK-003", f"'{group.id}' twice"))
        seen_groups.add(group.id)
        for j, entry in enumerate(group.flags):
            where = f"groups.{i}.flags.{j}.flag"
            if entry.flag not in known:
                problems.append(Problem(GROUPS, where, "ASK-002", f"no red flag '{entry.flag}'"))
            elif entry.flag in placed:
                problems.append(
                    Problem(GROUPS, where, "ASK-001", f"'{entry.flag}' is also in a group before")
                )
            placed.setdefault(entry.flag, group.id)
    problems += [
        Problem(GROUPS, "groups", "ASK-001", f"red flag '{flag}' is in no group")
        for flag in sorted(known - set(placed))
    ]
    return problems


def build_groups(groups: GroupsFile | None) -> tuple[Group, ...]:
    if groups is None:
        return ()
    return tuple(Group(g.id, g.title, tuple(_entry(e) for e in g.flags)) for g in groups.groups)


def _entry(e: EntryFile) -> Entry:
    parts = tuple(
        Part(p) if isinstance(p, str) else Part(p.text, p.min_age, p.not_male) for p in e.parts
    )
    return Entry(e.flag, e.intro, e.min_age, parts)


def group_of(groups: Iterable[Group]) -> Mapping[str, tuple[Group, Entry]]:
    """Flag id -> its group and its entry there (the first, should the data repeat one)."""
    found: dict[str, tuple[Group, Entry]] = {}
    for group in groups:
        for entry in group.entries:
            found.setdefault(entry.flag, (group, entry))
    return found
