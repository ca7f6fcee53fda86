"""A compiled cache for data built from files, rebuilt whenever any source file changes.

The key covers every source file's name, size and modification time, the same for the core's
own modules, the package version and a format number, so an edited, added or removed file, a
code change or a new release misses the cache.

The cache is a pickle, and loading a pickle can run code, so it is loaded only from where no
one but the person could have written it: a directory that is theirs (owned by their user and
writable by no group or other user; it is made so, ``0700``, when missing), and a regular file
that is theirs and writable by no one else, checked on the open file itself (``fstat``, the
link not followed), so nothing can be swapped in between the check and the load. Anything
else is refused with a warning on the ``knotwork.cache`` logger, and the data is built in
memory instead: the cache only ever saves time. A cache directory that cannot be made or
written is reported the same way, once.
"""

from __future__ import annotations

import gc
import os
import pickle
import stat
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from knotwork import __version__

FORMAT = 1
T = TypeVar("T")
OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH

# Called before the first warning is logged: a command line sets up its one-line output
# only then, so a start with nothing to report never imports logging.
before_report: Callable[[], None] | None = None
_reported: set[str] = set()  # each problem once per process, not once per cached thing

CORE = Path(__file__).resolve().parent


def cache_key(files: Sequence[Path], salt: str) -> str:
    """The key of a build: each source file's name, size and modification time (no file is
    read), the core's own modules likewise, the version and the format. Two checksums of
    that text (CRC-32 and Adler-32, from zlib, which every start has loaded already) make
    the name; hashlib's start-up cost more than the whole check."""
    parts = [f"{salt}|{__version__}|{FORMAT}"]
    # The code that builds and defines the cached objects counts too, so a changed class or
    # rule never meets a stale pickle.
    for path in [*map(str, files), *_core_modules()]:
        try:
            info = os.stat(path)
        except OSError:
            parts.append(f"{path}|missing")
            continue
        parts.append(f"{path}|{info.st_size}|{info.st_mtime_ns}")
    text = "\n".join(parts).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}{len(text):x}"


def _core_modules(top: str = str(CORE)) -> list[str]:
    """Every .py file under the core, in a stable order (os.scandir: pathlib's rglob costs
    more than the stats)."""
    found: list[str] = []
    with os.scandir(top) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                found += _core_modules(entry.path)
            elif entry.name.endswith(".py"):
                found.append(entry.path)
    return found


def cached(name: str, files: Sequence[Path], build: Callable[[], T], cache_dir: Path | None) -> T:
    """``build()``'s result, from ``cache_dir`` when its sources are unchanged and the
    directory and file are the person's own."""
    if cache_dir is None or not private_dir(cache_dir):
        return build()
    path = cache_dir / f"{name}-{cache_key(files, name)}.pickle"
    found, value = _load(path)
    if found:
        return value  # type: ignore[return-value]
    value = build()
    _write(path, value)
    return value


def _report(message: str) -> None:
    if message not in _reported:
        _reported.add(message)
        if before_report is not None:
            before_report()
        import logging

        logging.getLogger("knotwork.cache").warning(message)


def _others_can_write(info: os.stat_result) -> str | None:
    """Why a file or directory is not the person's alone, or None."""
    if not hasattr(os, "geteuid"):
        return "ownership cannot be checked on this system"
    if info.st_uid != os.geteuid():
        return "it belongs to another user"
    if info.st_mode & OTHERS_WRITE:
        return f"others can write to it (mode {stat.S_IMODE(info.st_mode):o})"
    return None


def private_dir(directory: Path) -> bool:
    """Is ``directory`` the person's own (made so if missing)? Reports why not."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = directory.stat()
    except OSError as error:
        _report(
            f"cannot use the cache directory {directory}: {error.strerror or error}; "
            "working without it (set KNOTWORK_CACHE_DIR, or KNOTWORK_NO_CACHE=true)"
        )
        return False
    why = "it is not a directory" if not stat.S_ISDIR(info.st_mode) else _others_can_write(info)
    if why:
        _report(
            f"not using the cache directory {directory}: {why}; working without it "
            f"(make it yours alone, e.g. chmod 700 {directory}, or set KNOTWORK_CACHE_DIR)"
        )
        return False
    return True


def _load(path: Path) -> tuple[bool, object]:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False, None  # not built yet (or a link, which is never followed)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        why = "it is not a regular file" if not stat.S_ISREG(info.st_mode) else None
        why = why or _others_can_write(info)
        if why:
            _report(f"not loading the cache file {path}: {why}; rebuilding it")
            return False, None
        try:
            # A large graph of new objects: the collector would walk it again and again as
            # it is built, and none of it is garbage.
            # Frozen afterwards: it lives as long as the process, so no later collection
            # needs to walk it either (the web server froze it anyway; a command does too).
            enabled = gc.isenabled()
            gc.disable()
            try:
                value = pickle.load(handle)
                gc.freeze()
                return True, value
            finally:
                if enabled:
                    gc.enable()
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            return False, None  # a stale or damaged build: rebuilt and replaced


def _write(path: Path, value: object) -> None:
    import tempfile  # only needed when writing

    prefix = path.name.rsplit("-", 1)[0]
    tmp = None
    try:
        for old in path.parent.glob(f"{prefix}-*.pickle"):
            old.unlink(missing_ok=True)  # drop stale builds so the cache never grows
        # mkstemp makes the file 0600, the person's alone.
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic, so a concurrent reader never sees half a file
    except OSError as error:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        _report(
            f"cannot write the cache in {path.parent}: {error.strerror or error}; "
            "working without it (set KNOTWORK_CACHE_DIR, or KNOTWORK_NO_CACHE=true)"
        )
