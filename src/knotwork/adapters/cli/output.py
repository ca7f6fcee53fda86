"""Plain-text tables and JSON for the terminal."""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A fixed-width table; the last column is left unpadded so long text can wrap."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = [_line(headers, widths), _line(["-" * w for w in widths], widths)]
    lines.extend(_line(r, widths) for r in cells)
    return "\n".join(lines)


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    padded = [c.ljust(w) for c, w in zip(cells[:-1], widths[:-1], strict=True)]
    return "  ".join([*padded, cells[-1]]).rstrip()


def echo(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)


def write_file(path: Path, text: str) -> None:
    """Write an output file the person named; a path that cannot be written is their input to
    fix (exit 2 with the reason), not a traceback."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        from knotwork.core.errors import InvalidInput

        raise InvalidInput(f"Cannot write {path}: {error.strerror or error}.") from None
