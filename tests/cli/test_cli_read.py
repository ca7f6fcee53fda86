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
