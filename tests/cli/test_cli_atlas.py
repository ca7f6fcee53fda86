"""``knotwork atlas``: the region table, JSON, the SVG writer and its errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from knotwork.adapters.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_it_lists_regions_as_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "atlas")
    assert code == 0
    assert "temple-left" in out
    assert "Temple (left)" in out
    assert out.rstrip().endswith("196 regions")


def test_it_lists_regions_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "atlas", "--group", "knee", "--json")
    data = json.loads(out)
    assert code == 0
    assert len(data) == 10
    assert data[0] == {**data[0], "id": "kneecap-left", "side": "left", "michigan": "Lt knee"}


def test_an_unknown_group_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "atlas", "--group", "elbow")
    assert code == 2
    assert err.startswith("knotwork: error: Unknown group 'elbow'.")


def test_an_unknown_region_suggests_the_closest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "atlas", "--svg", str(tmp_path / "m.svg"), "--highlight", "heal-left"
    )
    assert code == 2
    assert err == "knotwork: error: Unknown body region 'heal-left'. Did you mean: heel-left?\n"
    assert not (tmp_path / "m.svg").exists()


def test_highlight_without_svg_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "atlas", "--highlight", "heel-left")
    assert code == 2
    assert "need --svg FILE" in err


def test_a_bad_setting_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KNOTWORK_NO_CACHE", "perhaps")
    code, _, err = run(capsys, "atlas")
    assert code == 2
    assert "KNOTWORK_NO_CACHE='perhaps'" in err


def test_python_dash_m_runs_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "knotwork", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("knotwork ")
    bad = subprocess.run(
        [sys.executable, "-m", "knotwork", "frobnicate"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
