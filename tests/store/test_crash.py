"""A shorter run of bench/diary_crash.py: the server on each store takes entries from 8
concurrent clients over HTTP, is killed with SIGKILL mid-load and started again; every
acknowledged entry is there as sent and none is half-written."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def crash() -> object:
    sys.path.insert(0, str(BENCH))
    try:
        import diary_crash

        yield diary_crash
    finally:
        sys.path.remove(str(BENCH))


def test_acknowledged_entries_survive_a_kill(
    crash: object, store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    counts = crash.crash_once(store_url, 1.5, 8, tmp_path)  # type: ignore[attr-defined]
    crash.report("store", 1, counts)  # type: ignore[attr-defined]
    print(capsys.readouterr().out)
    assert counts.acknowledged > 8  # the load was real
    assert counts.found == counts.acknowledged
    assert (counts.missing, counts.changed, counts.half_written) == ([], [], [])
    assert counts.sums_agree
