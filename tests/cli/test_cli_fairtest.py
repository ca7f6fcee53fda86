"""``knotwork fairtest`` on both stores: plan, today, log day by day on a moving frozen clock,
status as text and JSON, extend and stop, what seemed to help; bad input exits 2 with one
line and saves nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.main import main
from knotwork.config import load_settings
from tests.store.test_fairtests import Clock

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(
    store_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> Iterator[tuple[Run, Clock]]:
    settings = load_settings(
        {
            "KNOTWORK_DATABASE_URL": store_url,
            "KNOTWORK_TIMEZONE": "Europe/London",
            "KNOTWORK_CACHE_DIR": str(tmp_path / "cache"),
        }
    )
    clock = Clock(datetime(2027, 1, 4, 20, 0, tzinfo=UTC))
    # One context for the whole test (as one long session): the knowledge base is loaded once.
    ctx = Context(settings, clock=clock)

    def call(*args: str) -> tuple[int, str, str]:
        code = main(list(args), ctx)
        out, err = capsys.readouterr()
        return code, out, err

    yield call, clock
    if "store" in ctx.__dict__:
        ctx.store.close()


def test_a_fair_test_from_the_command_line(cli: tuple[Run, Clock]) -> None:
    run, clock = cli
    code, out, err = run("fairtest", "today")
    assert (code, err) == (0, "") and "No fair test yet" in out
    code, out, err = run(
        "fairtest", "plan", "--a", "ball release daily", "--a-kind", "self-treatment",
        "--a-muscle", "upper traps", "--b", "heat", "--b-kind", "heat", "--blocks", "3", "--json",
    )  # fmt: skip
    assert (code, err) == (0, "")
    planned = json.loads(out)
    assert planned["test"]["a"]["muscle"] == "upper-trapezius"
    assert planned["verdict"]["kind"] == "not-yet" and planned["status"] == "running"
    for _ in range(42):
        code, out, _ = run("fairtest", "today", "--json")
        option = json.loads(out)["today"]["option"]
        value = "3" if option == "A" else "6"
        assert run("fairtest", "log", "--peg", f"{value},{value},{value}")[0] == 0
        clock.next_day()
    code, out, err = run("fairtest", "status")
    assert (code, err) == (0, "")
    assert "Ball release daily probably helped you more than heat" in out
    assert "P(A better)" in out and "knotwork fairtest extend" in out
    data = json.loads(run("fairtest", "status", "--json")[1])["tests"][0]
    assert data["verdict"]["complete_blocks"] == 3 and data["can_extend"]
    test_id = data["test"]["id"][:8]
    code, out, _ = run("fairtest", "extend", test_id, "--json")
    assert code == 0 and json.loads(out)["test"]["schedule"]["blocks"] == 5
    code, out, _ = run("fairtest", "stop", test_id, "--reason", "moving house")
    assert code == 0 and "moving house" in out and "(stopped)" in out
    code, out, _ = run("fairtest", "status", "--all", "--json")
    assert [t["status"] for t in json.loads(out)["tests"]] == ["stopped"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("plan", "--a", "heat", "--b", "HEAT"), "must differ"),
        (("plan", "--a", "heat", "--b", "cold", "--blocks", "13"), "3 to 12 blocks"),
        (("plan", "--a", "heat", "--b", "cold", "--start", "2027-01-01"), "not assigned"),
        (("plan", "--a", "heat", "--b", "cold", "--start", "soon"), "--start must be a date"),
        (("log", "--peg", "4,11,3"), "0 to 10"),
        (("status", "abc"), "not a fair test id"),
        (("helped", "--days", "3"), "--days must be 7 to 3660"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    cli: tuple[Run, Clock], args: tuple[str, ...], words: str
) -> None:
    run, _ = cli
    code, out, err = run("fairtest", *args)
    assert code == 2 and out == "" and words in err and err.count("\n") == 1
    assert json.loads(run("fairtest", "status", "--json")[1]) == {"tests": []}


def test_what_seemed_to_help(cli: tuple[Run, Clock]) -> None:
    run, _ = cli
    for relief in (5, 6, 4):
        assert (
            run("diary", "treat", "heat", "--on", "low-back-left", "--relief", str(relief))[0] == 0
        )
    code, out, _ = run("fairtest", "helped")
    assert code == 0 and "Regression to the mean" in out and "5.0" in out
    rows = json.loads(run("fairtest", "helped", "--json")[1])["rows"]
    assert rows[0]["count"] == 3 and rows[0]["relief_interval_90"] is not None
