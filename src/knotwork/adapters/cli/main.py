"""Entry point of the ``knotwork`` command; the one place CLI errors are translated.

Exit codes: 0 success (a red flag found by a screen is an answer, not a failure), 2 bad input
or usage (input that ends at a question included), 130 interrupted (Ctrl+C), 1 any other
failure. Errors print one line to stderr, never a traceback, with any control characters from
the input shown escaped; warnings (an unusable cache directory) print one line each.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import NoReturn

from knotwork import __version__
from knotwork.adapters.cli import (
    atlas_cmd,
    backup_cmd,
    diary_cmd,
    export_cmd,
    find_cmd,
    kb_cmd,
    muscles_cmd,
    progress_cmd,
    report_cmd,
    screen_cmd,
    serve_cmd,
)
from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import printable
from knotwork.core.errors import ConfigError, DataError, InvalidInput, KnotworkError

COMMANDS = (
    serve_cmd,
    find_cmd,
    screen_cmd,
    diary_cmd,
    progress_cmd,
    report_cmd,
    backup_cmd,
    export_cmd,
    atlas_cmd,
    muscles_cmd,
    kb_cmd,
)
INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class Parser(argparse.ArgumentParser):
    """argparse, with what the person typed escaped in its error line (its subcommand parsers
    are made of the same class)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {printable(message)}\n")


class OneLine(logging.Handler):
    """A warning as one line on the standard error of the moment."""

    def emit(self, record: logging.LogRecord) -> None:
        message = printable(record.getMessage())
        sys.stderr.write(f"knotwork: {record.levelname.lower()}: {message}\n")


def report_warnings() -> None:
    """The core's warnings (``knotwork.*`` loggers) as one line each on stderr."""
    logger = logging.getLogger("knotwork")
    if not any(isinstance(h, OneLine) for h in logger.handlers):
        logger.addHandler(OneLine(logging.WARNING))
        logger.setLevel(logging.WARNING)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
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
    if sys.stdout is None:  # started with it closed (>&-): nothing could be shown
        return fail("the standard output is closed, so nothing could be shown.", 2)
    try:
        args = build_parser().parse_args(argv)  # usage errors exit 2 inside argparse
        report_warnings()
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
    except OSError as error:  # e.g. the output could not be written (a full disk)
        where = f" ({error.filename})" if error.filename else ""
        return fail(f"{error.strerror or error}{where}.", 1)
    except KeyboardInterrupt:
        sys.stderr.write("knotwork: interrupted\n")
        return INTERRUPTED


def fail(message: str, code: int) -> int:
    if sys.stderr is not None:
        sys.stderr.write(f"knotwork: error: {printable(message)}\n")
    return code
