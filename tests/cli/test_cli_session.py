"""``knotwork session`` on both stores: the plan as JSON, the safety questions first, the
timer run without a terminal (``--yes``, on a fake clock) recorded into the diary, a cap's
refusal, bad input in one line with exit 2."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from knotwork.adapters.cli import session_timer
from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.main import main
from knotwork.config import load_settings
from knotwork.core.diary.when import fixed_clock
from knotwork.core.kb import load_kb
from tests.cli.test_cli_diary import NOW
from tests.release.helpers import all_no

Run = Callable[..., tuple[int, str, str]]
TRAPS = ("upper-trapezius",)


@pytest.fixture
def run(
    store_url: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Run:
    settings = load_settings(
        {
            "KNOTWORK_DATABASE_URL": store_url,
            "KNOTWORK_TIMEZONE": "Europe/London",
            "KNOTWORK_CACHE_DIR": str(tmp_path / "cache"),
        }
    )
    clock = [0.0]  # the timer's clock: sleeping moves it on, at once
    slept: list[float] = []
    monkeypatch.setattr(session_timer, "now", lambda: clock[0])

    def pause(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    monkeypatch.setattr(session_timer, "pause", pause)
    contexts: list[Context] = []

    def call(*args: str) -> tuple[int, str, str]:
        ctx = Context(settings, clock=fixed_clock(NOW))
        contexts.append(ctx)
        code = main(list(args), ctx)
        out, err = capsys.readouterr()
        return code, out, err

    call.slept = slept  # type: ignore[attr-defined]
    yield call  # type: ignore[misc]
    for ctx in contexts:
        if "store" in ctx.__dict__:
            ctx.store.close()


def answers(sides: tuple[str, ...] = ("left", "right")) -> list[str]:
    out = []
    for flag in all_no(load_kb(), TRAPS, sides):
        out += ["--answer", f"{flag}=no"]
    return out


def test_the_plan_as_json(run: Run) -> None:
    code, out, err = run("session", "traps", "--json", *answers())
    assert (code, err) == (0, "")
    plan = json.loads(out)
    assert plan["ready"] and [s["side"] for s in plan["steps"]] == [
        "left",
        "left",
        "right",
        "right",
    ]
    assert plan["steps"][0]["technique"] == "pinch-grip-squeeze"
    code, out, _ = run("session", "traps", "--json")
    assert code == 0 and json.loads(out)["gate"]["level"] == "incomplete"


def test_questions_first_without_a_terminal(run: Run) -> None:
    code, out, err = run("session", "traps", "--yes")
    assert code == 2 and out == ""
    assert err.startswith("knotwork: error: Answer the safety questions first (")
    assert err.count("\n") == 1 and "--answer fever=yes|no" in err


def test_the_timer_runs_and_records_into_the_diary(run: Run) -> None:
    code, out, err = run(
        "session", "traps", "--side", "right", "--yes", "--pain-before", "6",
        "--pain-after", "4", "--pressure", "9", *answers(("right",)),
    )  # fmt: skip
    assert (code, err) == (0, ""), err
    assert "Start: hold 1 of 2, 30 s" in out and out.count("\a") >= 5  # start and end bells
    assert "Done: every point." in out and "Saved session" in out
    # Two points, each two 30-second holds with 5 seconds of rest between: 130 s, faked.
    assert round(sum(run.slept)) == 130  # type: ignore[attr-defined]
    code, out, _ = run("diary", "list", "--json")
    events = [r for r in json.loads(out)["records"] if r.get("type") == "self-treatment"]
    assert len(events) == 2 and {e["side"] for e in events} == {"right"}
    assert all(e["dose"]["seconds"] == 30 and e["dose"]["repetitions"] == 2 for e in events)
    assert all(e["dose"]["pressure"] == 7 for e in events)  # 9 asked, the dose's ceiling kept


def test_without_a_terminal_or_yes_it_prints_the_plan(run: Run) -> None:
    code, out, err = run("session", "traps", "--side", "left", *answers(("left",)))
    assert (code, err) == (0, "")
    assert out.startswith("1. Upper trapezius, point 1") and "--yes" in out


def test_a_cap_refuses_with_its_reason(run: Run) -> None:
    base = ["session", "traps", "--side", "right", "--yes", *answers(("right",))]
    for _ in range(3):
        assert run(*base)[0] == 0
    code, out, err = run(*base)
    assert (code, err) == (0, "")
    assert "Not now: At most 3 sessions a day for the upper trapezius" in out
    assert "Saved session" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["session", "trapz", "--json"], "Unknown muscle 'trapz'"),
        (["session", "traps", "--hold", "0", "--json"], "--hold must be at least 1"),
        (["session", "traps", "--caution", "pregnant", "--json"], "Unknown caution 'pregnant'"),
        (["session", "traps", "--answer", "fevr=no", "--json"], "fevr"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run: Run, args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err


def test_the_morning_check(run: Run, store_url: str, tmp_path: Path) -> None:
    base = ["session", "traps", "--side", "right", "--yes", *answers(("right",))]
    assert run(*base)[0] == 0
    code, _, err = run("session", "traps", "--sore", "3")
    assert code == 2 and "waiting for its check" in err  # not until the next day
    settings = load_settings(
        {
            "KNOTWORK_DATABASE_URL": store_url,
            "KNOTWORK_TIMEZONE": "Europe/London",
            "KNOTWORK_CACHE_DIR": str(tmp_path / "cache"),
        }
    )
    from datetime import timedelta

    ctx = Context(settings, clock=fixed_clock(NOW + timedelta(days=1)))
    try:
        assert main(["session", "traps", "--sore", "7", "--json"], ctx) == 0
        assert main(["session", "traps", "--json", *answers(("right",))], ctx) == 0
    finally:
        ctx.store.close()


def test_backup_and_restore_keep_sessions(run: Run, tmp_path: Path) -> None:
    assert run("session", "traps", "--side", "right", "--yes", *answers(("right",)))[0] == 0
    file = tmp_path / "b.json"
    code, out, _ = run("backup", str(file))
    assert code == 0 and "2 treatments" in out and "1 session, 0 routines" in out
    saved = json.loads(file.read_text())["sessions"]
    code, out, err = run("restore", str(file), "--replace")
    assert (code, err) == (0, "") and "1 session" in out
    again = tmp_path / "again.json"
    assert run("backup", str(again))[0] == 0
    assert json.loads(again.read_text())["sessions"] == saved  # the same session came back
    code, out, _ = run("session", "traps", "--side", "right", "--json", *answers(("right",)))
    assert json.loads(out)["ready"]  # one session today, still under the cap
