"""Read a YAML data file and validate it against its schema, recording problems."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from knotwork.core.problems import Problem, from_validation

M = TypeVar("M", bound=BaseModel)

# YAML's C loader is several times faster; fall back to pure Python where libyaml is missing.
Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def parse(
    model: type[M], path: Path, rel: str, problems: list[Problem], code: str = "KB-001"
) -> M | None:
    """Validate one file against its model; record problems instead of raising."""
    try:
        return model.model_validate(read_yaml(path))
    except ValidationError as error:
        problems.extend(from_validation(rel, error, code))
    except yaml.YAMLError as error:
        problems.append(Problem(rel, "", code, f"not valid YAML: {error}"))
    except OSError as error:
        problems.append(Problem(rel, "", code, f"cannot read: {error.strerror}"))
    return None
