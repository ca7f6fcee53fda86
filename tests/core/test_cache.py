"""The compiled cache is loaded only from a directory and a file the person alone can write:
a pickle anyone else could write would run their code as the person."""

from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path

import pytest

from knotwork.core import cache

FILES: list[Path] = []


@pytest.fixture(autouse=True)
def fresh_reports() -> None:
    cache._reported.clear()  # each test sees its own warnings


def counted(value: object = "built") -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def pickle_in(directory: Path) -> Path:
    (found,) = directory.glob("thing-*.pickle")
    return found


def test_a_private_cache_is_made_written_and_loaded(tmp_path: Path) -> None:
    directory = tmp_path / "new" / "knotwork"
    calls, build = counted()
    assert cache.cached("thing", FILES, build, directory) == "built"
    assert (directory.stat().st_mode & 0o777) == 0o700
    assert (pickle_in(directory).stat().st_mode & 0o777) == 0o600
    assert cache.cached("thing", FILES, build, directory) == "built"
    assert calls == [1]  # the second time from the file


def test_a_directory_others_can_write_is_not_used(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    directory = tmp_path / "shared"
    directory.mkdir()
    cache.cached("thing", FILES, counted()[1], directory)
    planted = pickle_in(directory)
    directory.chmod(0o775)
    calls, build = counted("fresh")
    with caplog.at_level(logging.WARNING, logger="knotwork.cache"):
        assert cache.cached("thing", FILES, build, directory) == "fresh"
        assert cache.cached("thing", FILES, build, directory) == "fresh"
    assert calls == [1, 1]  # built in memory each time, never loaded from there
    assert planted.exists()  # and nothing written there either
    assert [r.getMessage() for r in caplog.records] == [
        f"not using the cache directory {directory}: others can write to it (mode 775); "
        f"working without it (make it yours alone, e.g. chmod 700 {directory}, or set "
        "KNOTWORK_CACHE_DIR)"
    ]


@pytest.mark.parametrize("mode", [0o664, 0o646])
def test_a_file_others_can_write_is_not_loaded(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, mode: int
) -> None:
    cache.cached("thing", FILES, counted("mine")[1], tmp_path)
    planted = pickle_in(tmp_path)
    planted.write_bytes(pickle.dumps("planted"))
    planted.chmod(mode)
    with caplog.at_level(logging.WARNING, logger="knotwork.cache"):
        assert cache.cached("thing", FILES, counted("rebuilt")[1], tmp_path) == "rebuilt"
    assert "others can write to it" in caplog.text
    assert pickle.loads(pickle_in(tmp_path).read_bytes()) == "rebuilt"  # replaced, 0600
    assert (pickle_in(tmp_path).stat().st_mode & 0o777) == 0o600


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_a_file_of_another_user_is_not_loaded(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache.cached("thing", FILES, counted("mine")[1], tmp_path)
    planted = pickle_in(tmp_path)
    planted.write_bytes(pickle.dumps("planted"))
    os.chown(planted, 65534, 65534)
    with caplog.at_level(logging.WARNING, logger="knotwork.cache"):
        assert cache.cached("thing", FILES, counted("rebuilt")[1], tmp_path) == "rebuilt"
    assert "it belongs to another user" in caplog.text


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a directory to another user needs root")
def test_a_directory_of_another_user_is_not_used(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    directory = tmp_path / "theirs"
    directory.mkdir(mode=0o700)
    os.chown(directory, 65534, 65534)
    with caplog.at_level(logging.WARNING, logger="knotwork.cache"):
        assert cache.cached("thing", FILES, counted("fresh")[1], directory) == "fresh"
    assert "it belongs to another user" in caplog.text
    assert not list(directory.iterdir())


def test_a_link_in_place_of_the_file_is_not_followed(tmp_path: Path) -> None:
    cache.cached("thing", FILES, counted("mine")[1], tmp_path)
    planted = pickle_in(tmp_path)
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere.pickle"
    elsewhere.write_bytes(pickle.dumps("planted"))
    elsewhere.chmod(0o600)
    planted.unlink()
    planted.symlink_to(elsewhere)
    assert cache.cached("thing", FILES, counted("rebuilt")[1], tmp_path) == "rebuilt"
    assert not pickle_in(tmp_path).is_symlink()


def test_a_directory_that_cannot_be_made_is_reported_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    directory = blocker / "knotwork"
    calls, build = counted()
    with caplog.at_level(logging.WARNING, logger="knotwork.cache"):
        for _ in range(3):
            assert cache.cached("thing", FILES, build, directory) == "built"
    assert calls == [1, 1, 1]
    assert [r.getMessage() for r in caplog.records] == [
        f"cannot use the cache directory {directory}: Not a directory; working without it "
        "(set KNOTWORK_CACHE_DIR, or KNOTWORK_NO_CACHE=true)"
    ]
