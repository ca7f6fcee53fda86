"""The domain core imports no adapter, no settings module and no web, CLI or storage library."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "src" / "knotwork" / "core"
FORBIDDEN = (
    "knotwork.adapters",
    "knotwork.config",
    # web, CLI and storage frameworks (and their transports)
    "fastapi",
    "starlette",
    "uvicorn",
    "jinja2",
    "jinja2_fragments",
    "httpx",
    "multipart",
    "argparse",
    "click",
    "typer",
    "rich",
    "sqlalchemy",
    "alembic",
    "psycopg",
    "psycopg2",
    "sqlite3",
)


def imported_modules(source: str) -> Iterator[str]:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def violations(source: str) -> list[str]:
    return [
        m
        for m in imported_modules(source)
        if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)
    ]


def core_files() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def test_the_diary_core_is_checked_and_storage_stays_outside_it() -> None:
    """The diary's domain is in the core (so it is checked above) and imports no storage;
    the store adapter is the only place SQLAlchemy, Alembic and psycopg are imported."""
    diary = {p.name for p in (CORE / "diary").glob("*.py")}
    assert {"model.py", "repository.py", "service.py", "progress.py"} <= diary
    store_users = {
        str(p.relative_to(CORE.parent))
        for p in CORE.parent.rglob("*.py")
        if any(
            m.split(".")[0] in ("sqlalchemy", "alembic", "psycopg")
            for m in imported_modules(p.read_text(encoding="utf-8"))
        )
    }
    assert store_users and all(p.startswith("adapters/store/") for p in store_users)


def test_the_checker_catches_forbidden_imports() -> None:
    bad = "import fastapi\nfrom knotwork.adapters.cli import main\ndef f():\n    import sqlite3\n"
    assert violations(bad) == ["fastapi", "knotwork.adapters.cli", "sqlite3"]
    assert violations("from knotwork.core.atlas import model\nimport yaml\n") == []


def test_core_has_modules() -> None:
    assert len(core_files()) > 10


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_imports_no_adapter_or_framework(path: Path) -> None:
    assert violations(path.read_text(encoding="utf-8")) == []
