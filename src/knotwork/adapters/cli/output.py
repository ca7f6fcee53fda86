"""Plain-text tables and JSON for the terminal."""

from __future__ import annotations

import json
import re
import sys
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


# Characters that move the cursor, recolour the terminal or reorder what follows: the C0 and
# C1 controls, DEL and the bidi controls. Shown escaped, never sent to the terminal as they are.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
IN_TEXT = re.compile(f"[{_CONTROLS}]")  # tab and newline kept (tables, wrapped lines)
IN_LINE = re.compile(f"[{_CONTROLS}\t\n]")  # one line: those escaped too


def printable(text: str, pattern: re.Pattern[str] = IN_LINE) -> str:
    """``text`` with control characters escaped (``\\x1b``, ``\\u202e``): what a person
    typed is shown, never run by their terminal."""
    return pattern.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def echo(text: str = "") -> None:
    sys.stdout.write(printable(text, IN_TEXT) + "\n")


def wrap(text: str, indent: str = "  ") -> str:
    import textwrap  # only text output needs it

    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)


def write_file(path: Path, text: str) -> None:
    """Write an output file the person named; a path that cannot be written is their input to
    fix (exit 2 with the reason), not a traceback."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        from knotwork.core.errors import InvalidInput

        raise InvalidInput(f"Cannot write {path}: {error.strerror or error}.") from None
