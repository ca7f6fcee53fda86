"""A compiled cache for data built from files, rebuilt whenever any source file changes.

The key covers every source file's name, size and modification time, the same for the core's
own modules, the package version and a format number, so an edited, added or removed file, a
code change or a new release misses the cache.
A cache that cannot be read or written is skipped silently: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from knotwork import __version__

FORMAT = 1
T = TypeVar("T")


CORE = Path(__file__).resolve().parent


def cache_key(files: Sequence[Path], salt: str) -> str:
    digest = hashlib.sha256(f"{salt}|{__version__}|{FORMAT}".encode())
    # The code that builds and defines the cached objects counts too, so a changed class or
    # rule never meets a stale pickle.
    for path in [*files, *sorted(CORE.rglob("*.py"))]:
        try:
            stat = path.stat()
        except OSError:
            digest.update(f"{path}|missing".encode())
            continue
        digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def cached(name: str, files: Sequence[Path], build: Callable[[], T], cache_dir: Path | None) -> T:
    """``build()``'s result, from ``cache_dir`` when its sources are unchanged."""
    if cache_dir is None:
        return build()
    path = cache_dir / f"{name}-{cache_key(files, name)}.pickle"
    try:
        with path.open("rb") as handle:
            value: T = pickle.load(handle)
            return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass
    value = build()
    _write(path, value)
    return value


def _write(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        prefix = path.name.rsplit("-", 1)[0]
        for old in path.parent.glob(f"{prefix}-*.pickle"):
            old.unlink(missing_ok=True)  # drop stale builds so the cache never grows
        import tempfile  # only needed when writing

        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic, so a concurrent reader never sees half a file
    except OSError:
        pass
