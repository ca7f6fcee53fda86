"""Documentation that cannot drift: rule codes, commands and settings are all documented."""

from __future__ import annotations

import re
from pathlib import Path

from knotwork.core.kb.checks import RULES

ROOT = Path(__file__).resolve().parent.parent


def test_every_kb_rule_is_documented_with_its_text() -> None:
    doc = (ROOT / "docs" / "data-rules.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| (KB-\d{3}) \| (.+?) \|$", doc, re.MULTILINE))
    assert documented == RULES


def test_every_atlas_rule_used_in_code_is_documented() -> None:
    doc = (ROOT / "docs" / "data-rules.md").read_text(encoding="utf-8")
    source = (ROOT / "src/knotwork/core/atlas/load.py").read_text(encoding="utf-8")
    used = set(re.findall(r'"(ATLAS-\d{3})"', source))
    assert used
    assert used <= set(re.findall(r"^\| (ATLAS-\d{3}) \|", doc, re.MULTILINE))


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    config = (ROOT / "src/knotwork/config.py").read_text(encoding="utf-8")
    settings = set(re.findall(r'"(KNOTWORK_[A-Z_]+)"', config))
    assert settings
    assert [s for s in sorted(settings) if s not in readme] == []


def test_every_limit_is_documented_with_its_default() -> None:
    from knotwork.config import Limits

    for doc in ("README.md", "docs/web.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        for name, default in Limits()._asdict().items():
            variable = f"KNOTWORK_{name.upper()}"
            assert re.search(rf"`{variable}` \| `{default}` \|", text), (doc, variable)


def test_every_safety_rule_is_documented_with_its_text() -> None:
    from knotwork.core.safety.load import RULES as SAFETY_RULES

    doc = (ROOT / "docs" / "data-rules.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| (SAFETY-\d{3}) \| (.+?) \|$", doc, re.MULTILINE))
    assert documented == SAFETY_RULES


def test_every_command_is_shown_in_the_readme() -> None:
    from knotwork.adapters.cli.main import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    missing = [name for name in commands if f"knotwork {name}" not in readme]
    assert missing == []
