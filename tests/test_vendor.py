"""Vendored front-end files are exactly the versions recorded, with their licences kept."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

VENDOR = Path(__file__).resolve().parent / "vendor"


def test_every_vendored_file_matches_its_recorded_hash_and_has_a_licence() -> None:
    manifest = json.loads((VENDOR / "manifest.json").read_text(encoding="utf-8"))
    assert manifest
    for name, entry in manifest.items():
        path = VENDOR / entry["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], name
        assert (path.parent / "LICENSE").exists(), name
        assert entry["version"] and entry["licence"], name


def test_the_app_itself_vendors_nothing_and_loads_nothing_from_elsewhere() -> None:
    static = Path(__file__).resolve().parents[1] / "src/knotwork/adapters/web/static"
    files = sorted(p.relative_to(static).as_posix() for p in static.rglob("*") if p.is_file())
    assert files == [
        "app.css",
        "favicon.svg",
        "js/bodymap.js",
        "js/diary.js",
        "js/print.js",
        "js/results.js",
        "js/session.js",
        "session.css",
    ]
