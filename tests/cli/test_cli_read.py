"""``knotwork muscle`` reads as a page: its heading underlined in full, doses and evidence in
words, sources by their full reference (issue 18)."""

from __future__ import annotations

import pytest

from knotwork.adapters.cli.main import main


def show(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["muscle", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_heading_underline_is_as_long_as_the_heading(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = show(capsys, "upper-trapezius")
    heading, underline = out.splitlines()[:2]
    assert heading == "Upper trapezius (upper-trapezius)"
    assert underline == "=" * len(heading)


def test_doses_and_evidence_read_as_words(capsys: pytest.CaptureFixture[str]) -> None:
    for muscle in ("abdominal-obliques", "soleus", "upper-trapezius"):
        _, out, _ = show(capsys, muscle)
        assert "1 times" not in out and "1 sessions" not in out
        assert "evidence: low-moderate" not in out and "evidence: very-low" not in out
    _, out, _ = show(capsys, "abdominal-obliques")
    assert "1 time per session" in out  # a dose of one, as the data has it
    assert "evidence: Low to moderate" in out or "evidence: Low:" in out
    sources = out[out.index("Sources:") :]
    assert "simons-travell-1999" not in sources and "Travell" in sources


def test_a_muscle_is_found_as_the_web_search_finds_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = show(capsys, "trapz")
    assert code == 0 and out.startswith("Upper trapezius (upper-trapezius)\n")
    code, _, err = show(capsys, "gluteus")
    assert code == 2
    assert err.count("\n") == 1
    assert "gluteus-medius (Gluteus medius)" in err and "gluteus-minimus" in err
    code, _, err = show(capsys, "xyzzyq")
    assert code == 2 and "Unknown muscle 'xyzzyq'" in err


def test_misspellings_are_not_shown_as_names(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = show(capsys, "solius")
    assert code == 0 and out.startswith("Soleus (soleus)")
    assert "solius" not in out and "soleous" not in out


def test_unknown_cautions_and_questions_say_the_valid_ids(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from knotwork.core.kb import load_kb

    factors = load_kb().safety.factors
    code, _, err = show(capsys, "soleus", "--caution", "bogus")
    assert code == 2 and err.count("\n") == 1
    assert all(f in err for f in factors)
    code, _, err = show(capsys, "soleus", "--answer", "bogus=yes")
    assert code == 2 and err.count("\n") == 1
    assert "knotwork screen --region ID --json" in err
    code = main(["find", "--text", "my neck", "--answer", "fevr=no", "--no-input"])
    err = capsys.readouterr().err
    assert code == 2 and "Did you mean: fever?" in err and "knotwork screen" in err
