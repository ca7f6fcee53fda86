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
from knotwork.core.safety.model import Entry, Group, Part, Stem

GROUPS = "safety/groups.yaml"
ID = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"

RULES = {
    "ASK-001": "every red flag is in exactly one question group",
    "ASK-002": "every flag a question group names exists",
    "ASK-003": "question group ids are unique",
    "ASK-004": "every stem a flag waits behind is one of its group's",
    "ASK-005": "every flag has a box: a part of its own, or one a flag of its group shares",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class PartFile(_Strict):
    text: str = Field(min_length=3, description="One condition, as a person would tick it")
    min_age: int | None = Field(
        None, ge=1, le=120, description="Not asked when the words give a younger age"
    )
    not_male: bool = Field(False, description="Not asked when the words say it is a man")
    max_age: int | None = Field(
        None, ge=1, le=120, description="Not asked when the words give an older age"
    )
    also: list[str] = Field(
        default_factory=list,
        description="Other flags of the group the same condition answers (one box for a "
        "sign two flags share, such as slurred speech)",
    )


class EntryFile(_Strict):
    flag: str = Field(pattern=ID, description="A red-flag id")
    intro: str | None = Field(
        None, min_length=3, description="The condition every part comes with ('After a fall:')"
    )
    min_age: int | None = Field(
        None, ge=1, le=120, description="The whole flag: not asked below this stated age"
    )
    max_age: int | None = Field(
        None, ge=1, le=120, description="The whole flag: not asked above this stated age"
    )
    after: str | None = Field(
        None, pattern=ID, description="A stem of the group every part needs first"
    )
    parts: list[str | PartFile] = Field(
        description="One condition a box; none when other flags' parts cover it (`also`)"
    )


class StemFile(_Strict):
    id: str = Field(pattern=ID)
    text: str = Field(min_length=3, description="The condition, as a person would tick it")
    min_age: int | None = Field(None, ge=1, le=120, description="An age stem: this age or over")
    max_age: int | None = Field(None, ge=1, le=120, description="A child's stem: at most this")
    pregnancy: bool = Field(False, description="Settled by a pregnancy or a birth said")


class GroupFile(_Strict):
    id: str = Field(pattern=ID)
    title: str = Field(min_length=3, description="A lay title ('Fever, weight or cancer')")
    stems: list[StemFile] = Field(
        default_factory=list,
        description="Conditions every flag behind one needs: one box, its flags' parts "
        "asked once it is ticked (an entry's `after`)",
    )
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
        stems = {stem.id for stem in group.stems}
        for j, entry in enumerate(group.flags):
            where = f"groups.{i}.flags.{j}.flag"
            if entry.after and entry.after not in stems:
                at = f"groups.{i}.flags.{j}.after"
                problems.append(Problem(GROUPS, at, "ASK-004", f"no stem '{entry.after}'"))
            if entry.flag not in known:
                problems.append(Problem(GROUPS, where, "ASK-002", f"no red flag '{entry.flag}'"))
            elif entry.flag in placed:
                problems.append(
                    Problem(GROUPS, where, "ASK-001", f"'{entry.flag}' is also in a group before")
                )
            placed.setdefault(entry.flag, group.id)
    problems += _share_problems(groups)
    problems += [
        Problem(GROUPS, "groups", "ASK-001", f"red flag '{flag}' is in no group")
        for flag in sorted(known - set(placed))
    ]
    return problems


def _share_problems(groups: GroupsFile) -> list[Problem]:
    """A flag with no part of its own must be covered by a part of its group (``also``), and
    a part may only share with flags of its group (the group's answer answers them)."""
    problems = []
    for i, group in enumerate(groups.groups):
        members = {e.flag for e in group.flags}
        shared = {f for e in group.flags for p in e.parts if not isinstance(p, str) for f in p.also}
        for j, entry in enumerate(group.flags):
            where = f"groups.{i}.flags.{j}"
            if not entry.parts and entry.flag not in shared:
                problems.append(Problem(GROUPS, where, "ASK-005", f"'{entry.flag}' has no box"))
            for p in entry.parts:
                for other in () if isinstance(p, str) else p.also:
                    if other not in members:
                        message = f"shares with '{other}', not in the group"
                        problems.append(Problem(GROUPS, where, "ASK-005", message))
    return problems


def build_groups(groups: GroupsFile | None) -> tuple[Group, ...]:
    if groups is None:
        return ()
    return tuple(
        Group(
            g.id,
            g.title,
            tuple(_entry(e) for e in g.flags),
            tuple(Stem(t.id, t.text, t.min_age, t.max_age, t.pregnancy) for t in g.stems),
        )
        for g in groups.groups
    )


def _entry(e: EntryFile) -> Entry:
    parts = tuple(
        Part(p)
        if isinstance(p, str)
        else Part(p.text, p.min_age, p.not_male, p.max_age, tuple(p.also))
        for p in e.parts
    )
    return Entry(e.flag, e.intro, e.min_age, parts, e.max_age, e.after)


def group_of(groups: Iterable[Group]) -> Mapping[str, tuple[Group, Entry]]:
    """Flag id -> its group and its entry there (the first, should the data repeat one)."""
    found: dict[str, tuple[Group, Entry]] = {}
    for group in groups:
        for entry in group.entries:
            found.setdefault(entry.flag, (group, entry))
    return found
