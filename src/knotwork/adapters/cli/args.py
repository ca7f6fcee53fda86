"""Argument shapes shared by the commands."""

from __future__ import annotations

import argparse


def repeatable(p: argparse.ArgumentParser, flag: str, metavar: str, help: str) -> None:
    """An option that may be given several times; its values arrive as a list (empty if none)."""
    p.add_argument(flag, action="append", default=[], metavar=metavar, help=help)
