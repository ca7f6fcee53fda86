"""``knotwork export`` and ``knotwork import`` on both stores: files readable by their owner
only, the diary back as it was, and a bad import file refused with one line, exit 2, and the
diary exactly as it was."""

from __future__ import annotations

import json
import stat
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest

from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.main import main
from knotwork.adapters.store.store import open_store
from knotwork.config import load_settings
from knotwork.core.diary.service import Diary
from knotwork.core.diary.treatment import Treatment
from knotwork.core.diary.when import When, fixed_clock
from knotwork.core.fairtest.plan import Arm
from knotwork.core.fairtest.service import FairTests
from knotwork.core.kb import load_kb
from knotwork.core.release.record import Hold, Routine, Session

NOW = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def runner(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> Iterator[Callable[[str], Run]]:
    """``runner(url)``: run knotwork commands on the store at ``url``."""
    contexts: list[Context] = []

    def make(url: str) -> Run:
        settings = load_settings(
            {
                "KNOTWORK_DATABASE_URL": url,
                "KNOTWORK_TIMEZONE": "Europe/London",
                "KNOTWORK_CACHE_DIR": str(tmp_path / "cache"),
            }
        )

        def call(*args: str) -> tuple[int, str, str]:
            ctx = Context(settings, clock=fixed_clock(NOW))
            contexts.append(ctx)
            code = main(list(args), ctx)
            out, err = capsysbinary.readouterr()
            return code, out.decode("utf-8"), err.decode("utf-8")

        return call

    yield make
    for ctx in contexts:
        if "store" in ctx.__dict__:
            ctx.store.close()


@pytest.fixture
def run(store_url: str, runner: Callable[[str], Run]) -> Run:
    return runner(store_url)


def fill(run: Run) -> None:
    for args in (
        (
            "diary",
            "add",
            "--region",
            "back-of-neck-right:6:aching,stiff",
            "--at",
            "08:00",
            "--peg",
            "5,4,6",
            "--note",
            'Tight, "again",\nafter a call',
        ),
        (
            "diary",
            "treat",
            "self-treatment",
            "--muscle",
            "traps",
            "--side",
            "right",
            "--seconds",
            "60",
            "--relief",
            "5",
        ),
        ("diary", "treat", "medication", "--medication", "ibuprofen", "--dose", "400 mg"),
        ("diary", "impression", "much-improved"),
    ):
        assert run(*args)[0] == 0


def exported(run: Run) -> dict[str, object]:
    code, out, err = run("export", "--format", "json")
    assert (code, err) == (0, "")
    doc: dict[str, object] = json.loads(out)
    doc.pop("exported")
    return doc


def test_export_each_format_to_an_owner_only_file(run: Run, tmp_path: Path) -> None:
    fill(run)
    for fmt, name in (("json", "d.json"), ("csv", "d.zip"), ("fhir", "d.fhir.json")):
        path = tmp_path / name
        code, out, err = run("export", "--format", fmt, "--out", str(path))
        assert (code, err) == (0, "")
        assert out.startswith("exported 1 entry, 2 treatment, 1 impression, 0 finding"[:9])
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(zipfile.ZipFile(tmp_path / "d.zip").namelist()) == 9
    fhir = json.loads((tmp_path / "d.fhir.json").read_text(encoding="utf-8"))
    assert fhir["resourceType"] == "Bundle" and len(fhir["entry"]) == 1 + 2 + 1 + 2 + 1
    code, _, err = run("export", "--out", str(tmp_path / "d.json"))
    assert code == 2 and err.count("\n") == 1 and "exists" in err


def add_release(url: str) -> None:
    """A routine and a release session (with the treatment it made), as the session command
    saves them."""
    when = When(NOW - timedelta(hours=2), "Europe/London")
    treatment = Treatment("7" * 32, when, "self-treatment", muscle="upper-trapezius")
    store = open_store(url)
    try:
        repo = store.sessions()
        repo.add_routine(Routine("8" * 32, when, "Evening neck", ("upper-trapezius",)))
        hold = Hold("upper-trapezius", 1, "right", "pinch-grip-squeeze", seconds=60)
        session = Session("9" * 32, when, ("upper-trapezius",), (hold,), pain_before=5,
                          pain_after=3, routine="8" * 32, treatments=(treatment.id,))  # fmt: skip
        repo.add_session(session, [treatment])
        planning = Diary(repo, load_kb(), fixed_clock(NOW), "Europe/London")
        FairTests(store.fair_tests(), planning).plan(
            Arm("ball release daily", "self-treatment", "upper-trapezius"),
            Arm("stretching daily", "stretching"),
            seed=7,
        )
    finally:
        store.close()


def test_import_gives_the_same_diary_back(
    run: Run,
    runner: Callable[[str], Run],
    store_url: str,
    new_store_url: Callable[[str], str],
    tmp_path: Path,
) -> None:
    fill(run)
    add_release(store_url)
    before = exported(run)
    assert len(before["sessions"]) == 1 and len(before["routines"]) == 1  # type: ignore[arg-type]
    assert len(before["fair_tests"]) == 1  # type: ignore[arg-type]
    csv_zip = tmp_path / "d.zip"
    assert run("export", "--format", "csv", "--out", str(csv_zip))[0] == 0
    fair = zipfile.ZipFile(csv_zip).read("fair_tests.csv").decode("utf-8").split("\r\n")
    assert fair[1].split(",")[4:6] == ["ball release daily", "self-treatment"]
    schema = json.loads((ROOT / "schema" / "diary-export.schema.json").read_text("utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(before)) == []
    path = tmp_path / "d.json"
    run("export", "--out", str(path))
    other = runner(new_store_url(store_url.split(":")[0].split("+")[0]))
    code, out, err = other("import", str(path), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"file": str(path), "added": 8, "already_there": 0}
    assert exported(other) == before
    # The same file again adds nothing (each record is already there, unchanged).
    code, out, err = other("import", str(path))
    assert (code, err) == (0, "") and out.startswith("imported 0 records, 8 already")
    assert exported(other) == before


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, tuple[bytes, str]]:
    good = {
        "format": "knotwork-diary",
        "version": 1,
        "entries": [],
        "treatments": [],
        "impressions": [],
        "findings": [],
    }
    entry = {
        "id": "e" * 32,
        "kind": "entry",
        "at": "2026-12-01T09:00:00Z",
        "zone": "Europe/London",
        "pain": 4,
        "regions": [],
        "contexts": [],
        "notes": "",
    }

    def doc(**change: object) -> bytes:
        return json.dumps(good | change).encode()

    return {
        "not-json.json": (b"{", "is not a Knotwork diary export (not JSON"),
        "binary.json": (b"\xff\xfe\x00garbage", "not UTF-8 text"),
        "list.json": (b"[]", 'no "format": "knotwork-diary"'),
        "backup.json": (doc(format="knotwork-diary-backup"), "not a Knotwork diary export"),
        "newer.json": (doc(version=2), "version 2; this Knotwork reads version 1"),
        "pain.json": (
            doc(entries=[entry, entry | {"id": "f" * 32, "pain": 11}]),
            "entries item 2: Overall pain must be a whole number 0 to 10",
        ),
        "region.json": (
            doc(entries=[entry | {"regions": [{"region": "calf", "pain": 3, "qualities": []}]}]),
            "calf-left",
        ),
        "twice.json": (doc(entries=[entry, entry]), "the id eeeeeeee"),
    }


def test_a_bad_import_file_is_one_line_exit_2_and_changes_nothing(
    run: Run, tmp_path: Path, bad_files: dict[str, tuple[bytes, str]]
) -> None:
    fill(run)
    before = exported(run)
    for name, (data, words) in bad_files.items():
        path = tmp_path / name
        path.write_bytes(data)
        code, out, err = run("import", str(path))
        assert (code, out) == (2, ""), name
        assert err.startswith("knotwork: error: ") and err.count("\n") == 1, (name, err)
        assert words in err, (name, err)
        assert exported(run) == before, name
    code, _, err = run("import", str(tmp_path / "missing.json"))
    assert code == 2 and "There is no file" in err


def test_an_import_that_clashes_with_the_diary_imports_nothing(run: Run, tmp_path: Path) -> None:
    fill(run)
    path = tmp_path / "d.json"
    run("export", "--out", str(path))
    doc = json.loads(path.read_text(encoding="utf-8"))
    entry = doc["entries"][0]
    doc["entries"] = [entry | {"id": "1" * 32}, entry | {"pain": 2}]  # a new one, then a clash
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = exported(run)
    code, out, err = run("import", str(path))
    assert (code, out) == (2, "")
    assert f"entry {entry['id'][:8]} is already in the diary with other content" in err
    assert exported(run) == before


def test_knotwork_report_writes_the_pdf_and_the_page(run: Run, tmp_path: Path) -> None:
    fill(run)
    pdf = tmp_path / "report.pdf"
    code, out, err = run("report", "--pdf", str(pdf), "--paper", "letter", "--name", "Ann")
    assert (code, err) == (0, "") and out.startswith("wrote the report (PDF, letter)")
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    code, _, err = run("report", "--pdf", str(pdf))
    assert code == 2 and "exists" in err and err.count("\n") == 1
    page = tmp_path / "report.html"
    assert run("report", "--html", str(page))[0] == 0
    html = page.read_text(encoding="utf-8")
    assert "<style>" in html and "Self-reported; not a diagnosis." in html
    code, out, _ = run("report", "--json")
    data = json.loads(out)
    assert (
        code == 0 and data["treatments"][0]["count"] == 1 and data["diary"]["counts"]["entry"] == 1
    )
