"""``knotwork diary``, ``progress``, ``backup`` and ``restore`` on both stores: what a person
types, what they read, exit codes, and nothing half-saved after bad input."""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.main import main
from knotwork.config import load_settings
from knotwork.core.diary.when import fixed_clock

NOW = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(store_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Run:
    settings = load_settings(
        {
            "KNOTWORK_DATABASE_URL": store_url,
            "KNOTWORK_TIMEZONE": "Europe/London",
            "KNOTWORK_CACHE_DIR": str(tmp_path / "cache"),
        }
    )
    contexts: list[Context] = []

    def call(*args: str) -> tuple[int, str, str]:
        ctx = Context(settings, clock=fixed_clock(NOW))
        contexts.append(ctx)
        code = main(list(args), ctx)
        out, err = capsys.readouterr()
        return code, out, err

    yield call  # type: ignore[misc]
    for ctx in contexts:
        if "store" in ctx.__dict__:
            ctx.store.close()


def ids(run: Run) -> list[str]:
    _, out, _ = run("diary", "list", "--json")
    return [r["id"] for r in json.loads(out)["records"]]


def test_a_day_in_the_diary(run: Run) -> None:
    code, out, err = run(
        "diary", "add", "--region", "back-of-neck-right:6:aching,stiff",
        "--region", "top-of-shoulder-right:4", "--context", "desk-work", "--peg", "5,4,6",
        "--sleep-hours", "6.5", "--sleep-quality", "4", "--at", "08:00",
        "--note", 'Tight after a long call, "again"',
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.startswith("added ") and "pain 6/10; back-of-neck-right 6" in out
    code, out, _ = run("diary", "add", "--same-places", "--pain", "3", "--at", "09:00")
    assert code == 0 and "back-of-neck-right 6, top-of-shoulder-right 4" in out
    code, out, _ = run(
        "diary", "treat", "self-treatment", "--muscle", "traps", "--technique",
        "pinch-grip-squeeze", "--side", "right", "--seconds", "60", "--reps", "3",
        "--pressure", "5", "--felt", "4", "--relief", "5", "--json",
    )  # fmt: skip
    treated = json.loads(out)
    assert treated["muscle"] == "upper-trapezius" and treated["tool"] == "pinch-grip"
    run("diary", "treat", "medication", "--medication", "ibuprofen", "--dose", "400 mg")
    run("diary", "impression", "much-improved")
    code, out, _ = run("diary", "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["id", "when", "kind", "what"]
    kinds = [line.split()[3] for line in lines[2:]]
    assert kinds[3:] == ["entry", "entry"]  # the three made "now" (09:30) come first
    assert sorted(kinds[:3]) == ["impression", "treatment", "treatment"]
    code, out, _ = run("diary", "show", treated["id"][:6])
    assert "pinch-grip-squeeze" in out and "dose:  60 s, 3 reps, pressure 5/10" in out
    code, out, _ = run("diary", "edit", treated["id"][:6], "--soreness", "mild", "--json")
    assert json.loads(out)["soreness"] == "mild" and json.loads(out)["relief"] == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diary", "add", "--region", "neck:5"], "Unknown body region 'neck'"),
        (["diary", "add", "--region", "calf-left:11"], "Pain in calf-left must be a whole"),
        (["diary", "add", "--region", "calf-left:4:itchy"], "A pain quality must be one of"),
        (["diary", "add"], "Say how much it hurts: the overall pain 0-10"),
        (["diary", "add", "--pain", "4", "--peg", "4,4"], "PEG is three numbers"),
        (["diary", "add", "--pain", "4", "--context", "deskwork"], "Did you mean: desk-work"),
        (["diary", "add", "--pain", "4", "--at", "2027-01-01 08:00"], "is in the future"),
        (["diary", "add", "--pain", "4", "--tz", "Mars/Base"], "Unknown time zone"),
        (["diary", "add", "--same-places"], "no earlier entry"),
        (["diary", "treat", "self-treatment"], "needs the muscle treated"),
        (["diary", "treat", "heat", "--muscle", "soleos"], "Did you mean: soleus"),
        (["diary", "treat", "medication"], "Medication needs its name"),
        (["diary", "show", "zz"], "not a diary record id"),
        (["diary", "list", "--since", "yesterday"], "is not a date"),
        (["progress", "--days", "3"], "7 to 3660 days"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_saves_nothing(
    run: Run, args: list[str], message: str
) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert err.startswith("knotwork: error: ") and message in err and err.count("\n") == 1
    assert ids(run) == []


def test_a_missing_record_is_exit_1(run: Run) -> None:
    code, _, err = run("diary", "delete", "abcdef12")
    assert code == 1 and "No diary record with an id starting 'abcdef12'" in err


def test_edit_changes_only_what_is_given_and_delete_removes(run: Run) -> None:
    run("diary", "add", "--region", "calf-left:5", "--context", "running")
    (entry,) = ids(run)
    code, _, err = run("diary", "edit", entry[:8], "--relief", "3")
    assert code == 2 and "--relief cannot be changed on this entry" in err
    code, out, _ = run("diary", "edit", entry[:8], "--pain", "2", "--json")
    edited = json.loads(out)
    assert edited["pain"] == 2 and edited["contexts"] == ["running"]
    assert edited["regions"] == [{"region": "calf-left", "pain": 5, "qualities": []}]
    code, out, _ = run("diary", "delete", entry[:8])
    assert code == 0 and out.startswith(f"deleted {entry[:8]}")
    assert ids(run) == []


def test_progress_prints_a_chart_and_the_change(run: Run) -> None:
    for day, pain in [(d, 7) for d in range(1, 8)] + [(d, 3) for d in range(22, 29)]:
        run("diary", "add", "--region", f"back-of-neck-right:{pain}", "--at",
            f"2026-11-{day:02d} 08:00")  # fmt: skip
    run("diary", "treat", "heat", "--on", "back-of-neck-right", "--at", "2026-11-24 20:00")
    code, out, _ = run("progress", "--days", "60")
    assert code == 0
    assert "Progress, 2026-10-09 to 2026-12-07 (60 days, 14 entries)" in out
    assert re.search("  2026-11-02  " + "█" * 28 + r" +7\.0\n", out)  # 4 characters a point
    assert re.search(r"  2026-11-30  " + "█" * 12 + r" +3\.0  heat x1\n", out)
    flat = " ".join(out.split())
    assert "from 7.0 to 3.0, 4.0 points, 57 % lower: a meaningful improvement" in flat
    assert "back-of-neck-right  7.0         3.0" in out
    code, out, _ = run("progress", "--all", "--json")
    data = json.loads(out)
    assert data["change"]["meaningful"] is True and data["entries"] == 14
    assert data["points_are"] == "entries" and len(data["points"]) == 14


def test_a_finder_result_is_saved_into_the_diary(run: Run) -> None:
    code, out, _ = run(
        "find", "--region", "temple-right:7:main", "--region", "side-of-neck-right:4",
        "--answer", "thunderclap-headache=no", "--no-input", "--save",
    )  # fmt: skip
    assert code == 0 and "Saved to your diary as " in out
    _, out, _ = run("diary", "list", "--json")
    (finding,) = json.loads(out)["records"]
    assert finding["kind"] == "finding" and finding["marks"][0] == {
        "region": "temple-right", "intensity": 7, "main": True,
    }  # fmt: skip
    assert finding["muscles"][0] == "upper-trapezius"
    assert finding["answers"] == {"thunderclap-headache": False}


def test_backup_and_restore_give_back_the_same_diary(
    run: Run, tmp_path: Path, new_store_url: Callable[[str], str], store_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    run("diary", "add", "--region", "calf-left:5:aching", "--note", 'a, b; "c"\nd')
    run("diary", "treat", "cold", "--on", "calf-left", "--seconds", "600")
    run("diary", "impression", "3")
    run("find", "--text", "my heel hurts in the morning", "--no-input", "--save")
    _, before, _ = run("diary", "list", "--json")
    file = tmp_path / "backup.json"
    code, out, _ = run("backup", str(file))
    assert code == 0 and "backed up 1 entry, 1 treatment, 1 impression, 1 finding" in out
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    code, _, err = run("backup", str(file))
    assert code == 2 and "exists" in err
    code, _, err = run("restore", str(file))
    assert code == 2 and "already has 4 records; restore with --replace" in err
    # Onto the other kind of store: the same diary comes back.
    other = "postgresql" if store_url.startswith("sqlite") else "sqlite"
    settings = load_settings({"KNOTWORK_DATABASE_URL": new_store_url(other)})
    ctx = Context(settings, clock=fixed_clock(NOW))
    assert main(["restore", str(file)], ctx) == 0
    assert main(["diary", "list", "--json"], ctx) == 0
    out, _ = capsys.readouterr()
    after = out.split("\n", 1)[1]  # after the "restored ..." line
    ctx.store.close()
    assert json.loads(after) == json.loads(before)
    code, out, _ = run("restore", str(file), "--replace")
    assert code == 0 and "restored 1 entry" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not a Knotwork diary backup"),
        ('{"format": "other"}', "is not a Knotwork diary backup"),
        ('{"format": "knotwork-diary-backup", "version": 9}', "format version 9"),
        (
            '{"format": "knotwork-diary-backup", "version": 1, "entries": [{"kind": "entry",'
            '"id": "' + "a" * 32 + '", "at": "2026-01-01T00:00:00Z", "zone": "UTC", "pain": 4,'
            '"regions": [{"region": "calf", "pain": 3, "qualities": []}], "peg": null,'
            '"sleep": null, "contexts": [], "notes": ""}]}',
            "entry aaaaaaaa: Unknown body region 'calf'",
        ),
    ],
)
def test_a_bad_backup_restores_nothing(
    run: Run, tmp_path: Path, content: str, message: str
) -> None:
    file = tmp_path / "bad.json"
    file.write_text(content)
    code, _, err = run("restore", str(file))
    assert code == 2 and message in err
    assert ids(run) == []


def test_a_store_that_is_not_a_diary_is_one_line_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "knotwork.db"
    path.write_text("my shopping list\n")
    settings = load_settings({"KNOTWORK_DATABASE_URL": f"sqlite:///{path}"})
    code = main(["diary", "list"], Context(settings))
    _, err = capsys.readouterr()
    assert code == 1 and err.count("\n") == 1 and "is not a Knotwork diary" in err


@pytest.mark.parametrize(
    "content", [b"my shopping list\n", b"SQLite format 3\x00" + b"\xff" * 4000]
)
def test_the_server_refuses_to_start_on_a_store_it_cannot_use(
    tmp_path: Path, content: bytes
) -> None:
    import os
    import subprocess
    import sys

    path = tmp_path / "knotwork.db"
    path.write_bytes(content)
    env = {**os.environ, "KNOTWORK_DATABASE_URL": f"sqlite:///{path}",
           "KNOTWORK_CACHE_DIR": str(tmp_path / "cache")}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "knotwork", "serve", "--port", "1"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "not a Knotwork diary" in done.stderr
    assert path.read_bytes() == content
