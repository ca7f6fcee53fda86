"""``knotwork find`` and ``knotwork screen``: readable output, the JSON contract, exit codes."""

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


def test_find_from_words_prints_the_ranked_muscles(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "find", "--text", "throbbing at my right temple")
    assert code == 0
    assert out.startswith("Before any self-treatment or press test, answer the")  # none yet
    assert "\nUnderstood: Temple (right)" in out
    assert "1. " in out
    assert "Knotwork informs; it does not diagnose." in out


def test_cautions_in_the_words_are_noted_with_the_option_that_applies_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    said = "I take warfarin; ache across the top of my right shoulder"
    code, out, _ = run(capsys, "find", "--text", said)
    assert code == 0
    assert "cautions noted: I take blood thinners" in out
    assert "--caution blood-thinners-or-bleeding-disorder" in out
    _, out, _ = run(capsys, "find", "--text", said, "--json")
    understood = json.loads(out)["understood"]
    assert understood["cautions"][0]["sites"] == []
    assert "warfarin" not in understood["not_understood"]  # the caution understood it


def test_find_json_is_the_documented_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "find",
        "--region",
        "temple-right:7:main",
        "--region",
        "side-of-neck-right:4",
        "--json",
        "--limit",
        "3",
    )
    doc = json.loads(out)
    assert code == 0
    assert set(doc) >= {"version", "safety", "understood", "candidates", "explains_all"}
    assert len(doc["candidates"]) == 3
    first = doc["candidates"][0]
    assert set(first) >= {"muscle", "score", "explanation", "side"}
    assert set(first["muscle"]) >= {"id", "name"}
    assert doc["understood"]["regions"][0] == {
        "id": "temple-right",
        "label": "Temple (right)",
        "side": "right",
        "intensity": 7,
        "main": True,
        "from": "drawing",
        "weight": 1.8,
        "assumed": False,
    }


def test_confirm_and_rule_out_rerank(capsys: pytest.CaptureFixture[str]) -> None:
    said = "pain at my right temple"
    base = ["find", "--text", said, "--json", *all_no(capsys, said)]
    _, out, _ = run(capsys, *base)
    before = [c["muscle"]["id"] for c in json.loads(out)["candidates"]]
    _, out, _ = run(capsys, *base, "--confirm", before[2])
    assert json.loads(out)["candidates"][0]["muscle"]["id"] == before[2]
    _, out, _ = run(capsys, *base, "--rule-out", before[0])
    assert before[0] not in [c["muscle"]["id"] for c in json.loads(out)["candidates"]]


def test_a_red_flag_is_an_answer_not_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "find",
        "--text",
        "crushing chest pain spreading to my left arm and I'm sweating",
        "--json",
    )
    doc = json.loads(out)
    assert code == 0
    assert doc["safety"]["level"] == "emergency"
    assert doc["safety"]["self_treatment"] is False
    assert all(
        tp["how_to_check"] is None
        for c in doc["candidates"]
        for tp in c["explanation"]["trigger_points"]
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["find", "--region", "templ-right"], "Did you mean: temple-right?"),
        (["find", "--text", "a strange feeling"], "No body location was recognised"),
        (["find"], "Say where it hurts"),
        (["find", "--region", "heel-left:eleven"], "must be a whole number"),
        (["find", "--text", "heel", "--confirm", "solues"], "Did you mean: soleus?"),
        (["find", "--text", "heel", "--answer", "fever=maybe"], "QUESTION=yes or QUESTION=no"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1
    assert out == ""


def test_screen_reads_the_places_in_the_words_as_the_finder_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    said = "ache in my lower back"
    _, out, _ = run(capsys, "screen", "--text", said, "--json", "--no-input")
    screened = json.loads(out)
    assert screened["areas"] == ["low-back"]
    _, out, _ = run(capsys, "find", "--text", said, "--json")
    asked_by_find = {q["id"] for q in json.loads(out)["safety"]["unanswered"]}
    assert {q["id"] for q in screened["unanswered"]} == asked_by_find
    assert "cauda-equina" in asked_by_find


def test_screen_asks_the_questions_for_the_areas(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "screen", "--region", "low-back-left", "--json")
    doc = json.loads(out)
    assert code == 0
    ids = [q["id"] for q in doc["unanswered"]]
    assert "cauda-equina" in ids
    assert doc["self_treatment"] is False  # not until the questions are answered
    answers = [f"--answer={i}=no" for i in ids]
    _, out, _ = run(capsys, "screen", "--region", "low-back-left", "--json", *answers)
    assert json.loads(out)["self_treatment"] is True


def test_screen_from_answers_raises_the_flag(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "screen", "--region", "low-back-left", "--answer", "cauda-equina=yes", "--no-input"
    )
    assert code == 0
    assert "EMERGENCY" in out


def test_interactive_screen_asks_in_a_terminal() -> None:
    """Answers typed at the prompt (a pseudo-terminal) stop at the first emergency."""
    import pty

    script = "from knotwork.adapters.cli.main import main; raise SystemExit(main())"
    pid, fd = pty.fork()
    if pid == 0:  # the child: run the command in the terminal
        import os

        os.execv(
            sys.executable, [sys.executable, "-c", script, "screen", "--region", "low-back-left"]
        )
    import os

    output = b""
    try:
        while True:
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            output += chunk
            if output.rstrip().endswith(b"0 for none)"):
                os.write(fd, b"1\n")
    except OSError:
        pass
    _, status = os.waitpid(pid, 0)
    text = output.decode()
    assert "Which apply? (numbers, or 0 for none)" in text
    assert "1. " in text and "group 1 of " in text
    assert os.WEXITSTATUS(status) == 0
    assert "EMERGENCY" in text or "URGENT" in text


def test_cli_find_runs_as_a_fresh_process() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "knotwork",
            "find",
            "--text",
            "my heel hurts in the morning",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["candidates"]


def all_no(capsys: pytest.CaptureFixture[str], said: str) -> list[str]:
    """--answer ID=no for every safety question the words bring."""
    _, out, _ = run(capsys, "screen", "--text", said, "--json", "--no-input")
    return [f"--answer={q['id']}=no" for q in json.loads(out)["unanswered"]]


def test_the_press_test_waits_for_the_safety_questions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    said = "my right calf aches"
    _, out, _ = run(capsys, "find", "--text", said, "--json")
    waiting = [
        tp for c in json.loads(out)["candidates"] for tp in c["explanation"]["trigger_points"]
    ]
    assert all(tp["how_to_check"] is None for tp in waiting)
    assert all("Answer the safety questions" in tp["withheld_because"] for tp in waiting)
    _, out, _ = run(capsys, "find", "--text", said, "--json", *all_no(capsys, said))
    answered = json.loads(out)["candidates"][0]["explanation"]["trigger_points"]
    assert all(tp["how_to_check"] for tp in answered)


def test_a_caution_that_rules_out_pressing_withholds_the_press_test_there(
    capsys: pytest.CaptureFixture[str],
) -> None:
    said = "a doctor suspects a blood clot in my right leg; my right calf aches"
    _, out, _ = run(capsys, "find", "--text", said, "--json", *all_no(capsys, said))
    doc = json.loads(out)
    assert doc["safety"]["level"] == "none"  # a caution, not a red flag: the list still shows
    points = [tp for c in doc["candidates"] for tp in c["explanation"]["trigger_points"]]
    assert points
    assert all(tp["how_to_check"] is None for tp in points)  # every one is on that leg
    assert all("limb with a known or suspected clot" in tp["withheld_because"] for tp in points)
    # The same complaint without the clot keeps its press tests.
    calf = "my right calf aches"
    _, out, _ = run(capsys, "find", "--text", calf, "--json", *all_no(capsys, calf))
    plain = json.loads(out)["candidates"][0]["explanation"]["trigger_points"]
    assert all(tp["how_to_check"] for tp in plain)
    assert all("withheld_because" not in tp for tp in plain)
    _, text, _ = run(capsys, "find", "--text", said, *all_no(capsys, said))
    assert "No press test: No pressure, rolling or massage anywhere on a limb" in text


def test_in_a_terminal_find_asks_the_safety_questions_first(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from knotwork.adapters.cli import find_cmd, screen_cmd

    asked: list[int] = []

    def none(count: int) -> set[int]:
        asked.append(count)
        return set()

    monkeypatch.setattr(find_cmd, "interactive", lambda args: True)
    monkeypatch.setattr(screen_cmd, "_ask_numbers", none)
    code, out, _ = run(capsys, "find", "--text", "my right calf aches")
    assert code == 0
    assert len(asked) > 3  # the groups: the general questions and those for the leg
    assert "Blood flow, swelling or lumps (group " in out
    assert "Check:" in out and "Before any self-treatment" not in out
    import argparse

    quiet = argparse.Namespace(json=False, no_input=True)
    assert not screen_cmd.interactive(quiet)  # --no-input never asks, even in a terminal
    # At an emergency the muscles are not listed in the terminal (the JSON keeps them).
    _, out, _ = run(capsys, "find", "--text", "crushing chest pain down my left arm, sweating")
    assert "The muscles are not listed until you have been seen." in out
    assert "1. " not in out


def test_a_place_said_without_a_side_is_named_without_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "find", "--text", "pain in the back of my neck", "--json")
    summaries = [c["explanation"]["summary"] for c in json.loads(out)["candidates"]]
    assert any("the back of your neck" in s for s in summaries)
    assert not any("your left" in s or "your right" in s for s in summaries)
    _, out, _ = run(capsys, "find", "--text", "my lower buttock hurts", "--json")
    first = json.loads(out)["candidates"][0]
    assert first["side"] == "either"
    labels = [e["label"] for e in first["explanation"]["predicted_not_marked"]]
    assert labels and not any("(left)" in x or "(right)" in x for x in labels)


def test_output_files_and_long_text_are_input_errors_not_tracebacks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "muscle", "soleus", "--svg", str(tmp_path / "no" / "such" / "x.svg"))
    assert code == 2 and "Cannot write" in err and "Traceback" not in err
    code, _, err = run(capsys, "find", "--text", "a" * 2001)
    assert code == 2 and "under 2000 characters" in err


def test_the_terminal_asks_by_groups_and_numbers(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each group's items numbered, "which apply?": a number answers its flag yes and the
    group's other flags no; 0 answers the group no; a bad reply is asked again."""
    import builtins

    from knotwork.adapters.cli import screen_cmd

    replies = iter(["", "7, x", "99", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"])
    prompts: list[str] = []

    def typed(prompt: str) -> str:
        prompts.append(prompt)
        return next(replies)

    monkeypatch.setattr(screen_cmd, "interactive", lambda args: True)
    monkeypatch.setattr(builtins, "input", typed)
    code, out, _ = run(capsys, "screen", "--region", "heel-right")
    assert code == 0
    assert set(prompts) == {"Which apply? (numbers, or 0 for none) "}
    assert out.count("or 0 for none, not ") == 3  # "", "7, x" and "99" asked again
    assert "No warning signs were reported." in out
    # A number picks the item: the first group's third box is one of its flags' parts.
    replies = iter(["3"])
    prompts.clear()
    run(capsys, "screen", "--region", "heel-right")
    assert len(prompts) == 1  # its flag is an emergency: the rest is not asked
    _, out, _ = run(
        capsys, "screen", "--region", "heel-right", "--answer", "stroke-signs=yes", "--no-input"
    )
    assert "EMERGENCY" in out


def test_the_terminal_asks_a_stems_questions_when_it_is_ticked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stem ("You are pregnant or might be ...") ticked brings its flags' items next."""
    import builtins

    from knotwork.adapters.cli import screen_cmd

    shown: list[str] = []

    def typed(prompt: str) -> str:
        out = capsys.readouterr().out
        shown.append(out)
        stem = next((line for line in out.splitlines() if "You are pregnant" in line), None)
        return stem.split(".")[0].strip() if stem else "0"

    monkeypatch.setattr(screen_cmd, "interactive", lambda args: True)
    monkeypatch.setattr(builtins, "input", typed)
    code, _, _ = run(capsys, "screen", "--region", "temple-right")
    assert code == 0
    text = "\n".join(shown)
    assert "You are pregnant or might be" in text
    follow = shown[shown.index(next(s for s in shown if "You are pregnant" in s)) + 1]
    assert "If you are pregnant (from 20 weeks) or have recently had a baby:" in follow
    assert "A severe headache" in follow
