"""Entry point of the ``knotwork`` command; the one place CLI errors are translated.

Exit codes: 0 success (a red flag found by a screen is an answer, not a failure), 2 bad input
or usage (input that ends at a question included), 130 interrupted (Ctrl+C), 1 any other
failure. Errors print one line to stderr, never a traceback, with any control characters from
the input shown escaped; warnings (an unusable cache directory) print one line each.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from knotwork import __version__
from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import printable
from knotwork.core.errors import (
    ConfigError,
    DataError,
    InvalidInput,
    KnotworkError,
    UnknownQuestion,
)

# Each command's module, in the order --help lists them, with the subcommands it registers.
# A run imports only the module of the command asked for (a start is most of a quick
# command's time); --help, and a command not known, import them all.
COMMANDS = {
    "serve_cmd": ("serve",),
    "find_cmd": ("find",),
    "screen_cmd": ("screen",),
    "diary_cmd": ("diary",),
    "session_cmd": ("session",),
    "progress_cmd": ("progress",),
    "report_cmd": ("report",),
    "fairtest_cmd": ("fairtest",),
    "backup_cmd": ("backup", "restore"),
    "export_cmd": ("export", "import"),
    "atlas_cmd": ("atlas",),
    "muscles_cmd": ("muscles", "muscle"),
    "kb_cmd": ("kb",),
}
QUESTIONS_LISTED = (
    "The questions for a place, with their ids: knotwork screen --region ID --json "
    '(its "unanswered" list).'
)
# The commands that only read (the knowledge, the screen): they may leave without tidying up.
QUICK = (["find_cmd"], ["screen_cmd"], ["muscles_cmd"], ["atlas_cmd"])
INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class Parser(argparse.ArgumentParser):
    """argparse, with what the person typed escaped in its error line (its subcommand parsers
    are made of the same class), and help laid out by ``Help``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raw = kwargs.get("formatter_class") is argparse.RawDescriptionHelpFormatter
        kwargs["formatter_class"] = RawHelp if raw else Help
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {printable(message)}\n")


def report_warnings() -> None:
    """The core's warnings (``knotwork.*`` loggers) as one line each on stderr."""
    from knotwork.adapters.cli.loglines import install

    install()


def report_warnings_when_any(argv: Sequence[str] | None) -> None:
    """A quick command sets the line up only when the cache has a warning to give (its only
    source of them), so a run with none never imports logging; the others set it up now."""
    if modules_for(sys.argv[1:] if argv is None else argv) in QUICK:
        from knotwork.core import cache

        cache.before_report = report_warnings
    else:
        report_warnings()


class Help(argparse.HelpFormatter):
    """argparse's help layout, with the terminal's width looked up once: argparse makes a
    formatter for every option it is given, and each asked the terminal again."""

    columns: int | None = None

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24) -> None:
        if Help.columns is None:
            Help.columns = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, Help.columns)


def terminal_columns() -> int:
    """The terminal's width as argparse would take it (COLUMNS, else the terminal, else 80),
    without importing shutil (and the compression modules it brings) for it."""
    try:
        return max(int(os.environ.get("COLUMNS", "")), 1)
    except ValueError:
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 80
    except (OSError, ValueError):
        return 80


class RawHelp(Help, argparse.RawDescriptionHelpFormatter):
    """Examples in a command's epilog keep their lines."""


def modules_for(argv: Sequence[str]) -> list[str]:
    """The command modules a run needs: the one of the command named, else all of them."""
    named = next((a for a in argv if not a.startswith("-")), None)
    found = [module for module, names in COMMANDS.items() if named in names]
    return found or list(COMMANDS)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    parser = Parser(
        prog="knotwork",
        description="Find the muscles behind your pain, screen for red flags first, and "
        "release trigger points safely. Knotwork informs; it does not diagnose.",
    )
    parser.add_argument("--version", action="version", version=f"knotwork {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for name in modules_for(sys.argv[1:] if argv is None else argv):
        importlib.import_module(f"knotwork.adapters.cli.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None, context: Context | None = None) -> int:
    """Run one command; ``context`` lets tests give settings and a frozen clock."""
    if sys.stdout is None:  # started with it closed (>&-): nothing could be shown
        return fail("the standard output is closed, so nothing could be shown.", 2)
    try:
        args = build_parser(argv).parse_args(argv)  # usage errors exit 2 inside argparse
        report_warnings_when_any(argv)
        code: int = args.handler(args, context or Context())
        return code
    except UnknownQuestion as error:
        # Forty questions are too many for one line: say where each place's are listed.
        return fail(f"{error.message} {QUESTIONS_LISTED}", 2)
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


def run() -> NoReturn:
    """The ``knotwork`` command: ``main``, then straight out once the output is written.
    Freeing a large loaded index object by object is most of a quick command's exit, and
    nothing needs it; a run that opened the diary store leaves the ordinary way, so the store
    closes as it should."""
    try:
        context = Context()
    except ConfigError as error:  # a bad KNOTWORK_* setting: one line, as main() says it
        raise SystemExit(fail(error.message, 2)) from None
    code = main(context=context)
    quick = modules_for(sys.argv[1:]) in QUICK
    if not quick or "store" in vars(context):  # the store was opened (a cached property)
        raise SystemExit(code)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except BrokenPipeError:  # e.g. `knotwork atlas | head`
        pass
    except OSError:
        raise SystemExit(code) from None  # let the ordinary exit report it
    os._exit(code)


def fail(message: str, code: int) -> int:
    if sys.stderr is not None:
        sys.stderr.write(f"knotwork: error: {printable(message)}\n")
    return code
