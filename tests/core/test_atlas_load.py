"""The atlas file is validated strictly, and every problem is reported with a code."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knotwork.core.atlas import atlas as cached_atlas
from knotwork.core.atlas.load import load_atlas
from knotwork.core.errors import DataError


def edit(data_dir: Path, change: str, to: str) -> None:
    path = data_dir / "atlas" / "regions.yaml"
    text = path.read_text(encoding="utf-8")
    assert change in text
    path.write_text(text.replace(change, to, 1), encoding="utf-8")


def test_an_unknown_key_is_rejected(data_copy: Path) -> None:
    edit(data_copy, "{id: forehead,", "{id: forehead, colour: red,")
    with pytest.raises(DataError) as caught:
        load_atlas(data_copy)
    assert any("ATLAS-001" in d and "colour" in d for d in caught.value.details)


def test_cross_field_rules_report_every_problem_at_once(data_copy: Path) -> None:
    edit(
        data_copy,
        "group: head, laterality: paired, views: [front], choir: [cranium-front], michigan: face",
        "group: hed, laterality: paired, views: [front], choir: [cranium], michigan: face",
    )
    edit(data_copy, "{id: temple,", "{id: forehead,")
    with pytest.raises(DataError) as caught:
        load_atlas(data_copy)
    codes = {d.split(": ")[2].split()[0] for d in caught.value.details}
    assert codes == {"ATLAS-002", "ATLAS-003", "ATLAS-004"}


def test_the_compiled_cache_is_rebuilt_when_the_file_changes(
    data_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = cached_atlas(data_copy, cache)
    assert "forehead-left" in first
    assert list(cache.glob("atlas-*.pickle"))
    path = data_copy / "atlas" / "regions.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["regions"][0]["lay"] = "Brow"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    cached_atlas.cache_clear()
    assert cached_atlas(data_copy, cache).get("forehead-left").lay == "Brow"
    assert len(list(cache.glob("atlas-*.pickle"))) == 1
