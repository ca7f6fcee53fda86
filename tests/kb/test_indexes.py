"""The knowledge base's indexes: by id, alias, region (base or sided) and area."""

from __future__ import annotations

from pathlib import Path

import pytest

from knotwork.core.errors import UnknownRegion
from knotwork.core.kb.load import compile_kb


def test_muscles_are_found_by_region_sided_or_not_and_by_area(kb_dir: Path) -> None:
    kb = compile_kb(kb_dir)
    assert [m.id for m in kb.referring_to("temple")] == ["alpha-muscle"]
    assert [m.id for m in kb.referring_to("temple-left")] == ["alpha-muscle"]
    assert [m.id for m in kb.referring_to("heel-left")] == ["beta-muscle"]
    assert [m.id for m in kb.referring_to("side-of-neck")] == ["alpha-muscle", "beta-muscle"]
    assert kb.referring_to("sacrum") == []
    assert [m.id for m in kb.in_area("head-neck")] == ["alpha-muscle", "beta-muscle"]
    assert kb.in_area("leg-foot") == []


def test_an_unknown_region_is_an_error_with_suggestions(kb_dir: Path) -> None:
    kb = compile_kb(kb_dir)
    with pytest.raises(UnknownRegion, match="temple"):
        kb.referring_to("templ-left")
