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


# -- the core's own layers, and no import cycle in it ---------------------------------------


def module_name(path: Path) -> str:
    parts = path.relative_to(CORE.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Core module -> the core modules it imports (at module level or inside a function: a
    deferred import still ties the two together). ``from package import name`` counts as
    importing the module ``package.name`` when there is one, else the package itself."""
    modules = {module_name(p): p for p in core_files()}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    found.add(sub if sub in modules else node.module)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_check_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_there_is_no_import_cycle_in_the_core() -> None:
    graph = import_graph()
    assert "knotwork.core.finder.engine" in graph  # the graph holds the core's modules
    assert cycles(graph) == []


def _imports_of(package: str) -> set[str]:
    graph = import_graph()
    return {d for m, deps in graph.items() if m.startswith(package + ".") for d in deps}


def test_the_reading_sits_below_the_finder_and_the_safety_screen() -> None:
    used = _imports_of("knotwork.core.reading")
    assert used, "the reading package is checked"
    assert not any(m.startswith(("knotwork.core.finder", "knotwork.core.safety")) for m in used)


def test_no_safety_module_imports_the_finder() -> None:
    used = _imports_of("knotwork.core.safety")
    assert not any(m.startswith("knotwork.core.finder") for m in used)
