"""Entry point of the ``knotwork`` command; the one place CLI errors are translated.

Exit codes: 0 success (a red flag found by a screen is an answer, not a failure), 2 bad input
or usage, 1 any other failure. Errors print one line to stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from knotwork import __version__
from knotwork.adapters.cli import (
    atlas_cmd,
    backup_cmd,
    diary_cmd,
    find_cmd,
    kb_cmd,
    muscles_cmd,
    progress_cmd,
    screen_cmd,
    serve_cmd,
)
from knotwork.adapters.cli.context import Context
from knotwork.core.errors import ConfigError, DataError, InvalidInput, KnotworkError

COMMANDS = (
    serve_cmd,
    find_cmd,
    screen_cmd,
    diary_cmd,
    progress_cmd,
    backup_cmd,
    atlas_cmd,
    muscles_cmd,
    kb_cmd,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="knotwork",
        description="Find the muscles behind your pain, screen for red flags first, and "
        "release trigger points safely. Knotwork informs; it does not diagnose.",
    )
    parser.add_argument("--version", action="version", version=f"knotwork {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None, context: Context | None = None) -> int:
    """Run one command; ``context`` lets tests give settings and a frozen clock."""
    args = build_parser().parse_args(argv)  # usage errors exit 2 inside argparse
    try:
        code: int = args.handler(args, context or Context())
        return code
    except (InvalidInput, ConfigError) as error:
        return fail(error.message, 2)
    except DataError as error:
        for line in error.details:
            sys.stderr.write(f"  {line}\n")
        return fail(error.message, 1)
    except KnotworkError as error:
        return fail(error.message, 1)
    except BrokenPipeError:  # e.g. `knotwork atlas | head`
        return 0
    except KeyboardInterrupt:
        return fail("interrupted", 1)


def fail(message: str, code: int) -> int:
    sys.stderr.write(f"knotwork: error: {message}\n")
    return code
