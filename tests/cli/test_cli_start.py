"""A quick start (issue 18, "Cold start"): a run imports only its own command's module, and
a read-only command leaves straight after its output is written, with nothing lost."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys

import pytest

from knotwork.adapters.cli import main as cli


@pytest.mark.parametrize("module", list(cli.COMMANDS))
def test_the_command_table_names_what_each_module_registers(module: str) -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    importlib.import_module(f"knotwork.adapters.cli.{module}").register(sub)
    assert tuple(sub.choices) == cli.COMMANDS[module]


def test_a_run_imports_only_the_command_asked_for() -> None:
    assert cli.modules_for(["find", "--text", "x"]) == ["find_cmd"]
    assert cli.modules_for(["muscle", "soleus"]) == ["muscles_cmd"]
    assert cli.modules_for(["--help"]) == list(cli.COMMANDS)
    assert cli.modules_for(["fnid"]) == list(cli.COMMANDS)  # argparse then lists them all
    code = (
        "import sys; from knotwork.adapters.cli.main import build_parser;"
        "build_parser(['find']); print(sorted(m for m in sys.modules if m.endswith('_cmd')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert (
        out.stdout.strip()
        == "['knotwork.adapters.cli.find_cmd', 'knotwork.adapters.cli.screen_cmd']"
    )


def knotwork(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "knotwork", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )


def test_a_quick_command_writes_everything_before_it_leaves(tmp_path: object) -> None:
    done = knotwork(
        "find",
        "--text",
        "throbbing at my right temple",
        "--json",
        "--no-input",
        KNOTWORK_CACHE_DIR=str(tmp_path),
    )
    assert done.returncode == 0
    doc = json.loads(done.stdout)  # the whole document, to its last brace
    assert doc["candidates"]
    bad = knotwork("muscle", "soleus", "--caution", "bogus", KNOTWORK_CACHE_DIR=str(tmp_path))
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and bad.stdout == ""
    help_all = knotwork("--help")
    assert help_all.returncode == 0
    for names in cli.COMMANDS.values():
        assert all(name in help_all.stdout for name in names)


def test_a_bad_setting_is_one_line_from_the_command_too() -> None:
    done = knotwork("atlas", KNOTWORK_PORT="eighty")
    assert done.returncode == 2
    assert done.stderr.startswith("knotwork: error: KNOTWORK_PORT=")
    assert "Traceback" not in done.stderr


def test_a_quick_command_with_nothing_to_warn_about_never_imports_logging(
    tmp_path: object,
) -> None:
    code = (
        "import sys, io; from knotwork.adapters.cli.main import main;"
        "sys.stdout = io.StringIO();"
        "main(['find', '--text', 'my heel hurts', '--json', '--no-input']);"
        "sys.stdout = sys.__stdout__; print('logging' in sys.modules)"
    )
    env = {**os.environ, "KNOTWORK_CACHE_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    )
    assert out.stdout.split() == ["False"]
