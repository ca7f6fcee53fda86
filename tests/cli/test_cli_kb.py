"""``knotwork muscles``, ``knotwork muscle`` and ``knotwork kb`` on the shipped data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knotwork.adapters.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_muscles_lists_filters_by_area_and_region(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "muscles", "--area", "leg-foot", "--json")
    assert code == 0
    assert {m["area"] for m in json.loads(out)} == {"leg-foot"}
    _, out, _ = run(capsys, "muscles", "--region", "heel-left", "--json")
    doc = json.loads(out)
    listed = [m for g in doc["groups"] for m in g["muscles"]]
    assert "soleus" in [m["muscle"]["id"] for m in listed]
    assert {m["side"] for m in listed} == {"left"}  # a left place, the muscles on the left
    _, out, _ = run(capsys, "muscles", "--region", "heel-left", "--area", "leg-foot", "--json")
    areas = {m["muscle"]["area"] for g in json.loads(out)["groups"] for m in g["muscles"]}
    assert areas == {"leg-foot"}


def test_muscles_for_a_place_read_essential_first_and_press_tests_wait(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "muscles", "--region", "heel-right")
    assert code == 0
    assert out.startswith("Muscles that refer pain to your right heel\n" + "=" * 42 + "\n")
    assert out.index("Usually refer pain here (essential zone):") < out.index(
        "Sometimes refer pain here (spillover zone):"
    )
    assert "Soleus (right)  [soleus]" in out
    assert "Press to check" not in out
    assert "knotwork screen --region heel-right" in out
    _, screen, _ = run(capsys, "screen", "--region", "heel-right", "--json", "--no-input")
    answers = [f"--answer={q['id']}=no" for q in json.loads(screen)["unanswered"]]
    _, out, _ = run(capsys, "muscles", "--region", "heel-right", *answers)
    assert "Press to check" in out and "knotwork screen" not in out
    clot = "--answer=deep-vein-thrombosis=yes"
    _, out, _ = run(capsys, "muscles", "--region", "heel-right", *answers, clot)
    assert "URGENT" in out and "The muscles are not listed until you have been seen." in out
    assert "Soleus" not in out and "Press to check" not in out


def test_muscles_answers_without_a_place_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "muscles", "--answer", "fever=no")
    assert code == 2
    assert "--answer and --caution go with --region" in err


def test_muscle_by_alias_reads_as_a_page(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "muscle", "QL")
    assert code == 0
    assert out.startswith("Quadratus lumborum (quadratus-lumborum)")
    assert "Trigger point 1" in out
    assert "Stop if:" in out
    assert "Sources:" in out


def test_muscle_json_resolves_citations(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "muscle", "soleus", "--json")
    data = json.loads(out)
    assert data["references"]
    assert all(r["formatted"] for r in data["references"])


def test_muscle_referral_map_as_svg(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "soleus.svg"
    code, _, _ = run(capsys, "muscle", "soleus", "--svg", str(target))
    assert code == 0
    assert "kw-essential" in target.read_text(encoding="utf-8")


def test_unknown_muscle_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    # One close name is the muscle, as the web's search finds it (issue 18); several are
    # listed, for the person to choose.
    code, out, _ = run(capsys, "muscle", "infrasponatus")
    assert code == 0 and out.startswith("Infraspinatus (infraspinatus)")
    code, _, err = run(capsys, "muscle", "scalenes")
    assert code == 2
    assert "it could be: anterior-scalene (Anterior scalene)" in err


def test_kb_stats_covers_every_area(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kb", "stats", "--json")
    rows = {r["area"]: r for r in json.loads(out)}
    assert code == 0
    assert rows["total"]["muscles"] == 122
    assert len(rows) == 8
    assert all(r["citations"] > 0 for r in rows.values())


def test_kb_schema_writes_json_schemas(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, _ = run(capsys, "kb", "schema", "--out", str(tmp_path))
    muscle = json.loads((tmp_path / "muscle.schema.json").read_text(encoding="utf-8"))
    assert code == 0
    assert muscle["additionalProperties"] is False


def test_every_technique_shown_has_passed_the_safety_filter(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "muscle", "upper-trapezius", "--json", "--caution", "pregnancy")
    techniques = json.loads(out)["self_treatment"]
    assert code == 0
    assert all(t["status"] in ("ok", "changed", "blocked") for t in techniques)
    changed = [t for t in techniques if t["status"] == "changed"]
    pressed = [t for t in changed if t["dose"].get("pressure")]
    assert pressed and all(t["dose"]["pressure"]["max"] <= 3 for t in pressed)
    assert all(t["changes"][0]["reason"] for t in changed)
    code, out, _ = run(capsys, "muscle", "soleus", "--caution", "known-or-suspected-clot:calf")
    assert "Not for you:" in out


def test_a_raised_red_flag_withholds_the_techniques(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "muscle", "soleus", "--answer", "deep-vein-thrombosis=yes")
    assert code == 0
    assert "Self-treatment is withheld" in out and "Dose:" not in out
    assert "Find it:" not in out and "Do not press here for now" in out
    _, out, _ = run(capsys, "muscle", "soleus", "--json", "--answer", "deep-vein-thrombosis=yes")
    data = json.loads(out)
    assert data["self_treatment"] == []
    assert all(tp["withheld_because"] for tp in data["trigger_points"])
    _, out, _ = run(capsys, "muscle", "soleus")
    assert "Find it:" in out and "Do not press here for now" not in out
