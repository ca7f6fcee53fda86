"""Problems found in data files, reported all at once with file, field and a stable rule code."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import ValidationError

from knotwork.core.errors import DataError


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One broken rule: where (file and field path) and what (a stable code and a message)."""

    file: str
    field: str
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.code} {self.message}"


def from_validation(file: str, error: ValidationError, code: str) -> list[Problem]:
    """Flatten a pydantic error into one ``Problem`` per failing field."""
    problems = []
    for item in error.errors():
        path = ".".join(str(part) for part in item["loc"])
        problems.append(Problem(file, path, code, item["msg"]))
    return problems


def raise_if_any(problems: Iterable[Problem], what: str) -> None:
    found = sorted(problems)
    if found:
        raise DataError(f"{len(found)} problem(s) in {what}", details=[str(p) for p in found])
