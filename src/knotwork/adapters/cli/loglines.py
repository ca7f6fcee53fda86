"""The core's warnings (``knotwork.*`` loggers) as one line each on stderr."""

from __future__ import annotations

import logging
import sys

from knotwork.adapters.cli.output import printable


class OneLine(logging.Handler):
    """A warning as one line on the standard error of the moment."""

    def emit(self, record: logging.LogRecord) -> None:
        message = printable(record.getMessage())
        sys.stderr.write(f"knotwork: {record.levelname.lower()}: {message}\n")


def install() -> None:
    logger = logging.getLogger("knotwork")
    if not any(isinstance(h, OneLine) for h in logger.handlers):
        logger.addHandler(OneLine(logging.WARNING))
        logger.setLevel(logging.WARNING)
