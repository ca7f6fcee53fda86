"""Shared timing helpers for the benchmark scripts (wall clock, repeated, median/p99)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence


def wall(cmd: Sequence[str], runs: int, env: dict[str, str] | None = None) -> list[float]:
    """Wall-clock seconds of ``runs`` fresh processes (one warm-up run first)."""
    subprocess.run(cmd, capture_output=True, check=True, env=env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - start)
    return times


def loop(fn: Callable[[], object], runs: int) -> list[float]:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def median_ms(times: Sequence[float]) -> float:
    return statistics.median(times) * 1000


def p99_ms(times: Sequence[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000


PY = sys.executable


def ensure_bytecode() -> str:
    """Compile the package's bytecode, as any installed package has it (pip compiles wheels;
    an editable install writes it on first import). Without it every process recompiles every
    module, which measures the machine's PYTHONDONTWRITEBYTECODE setting, not Knotwork."""
    import compileall
    from pathlib import Path

    import knotwork

    compileall.compile_dir(str(Path(knotwork.__file__).parent), quiet=1)
    return "bytecode compiled beforehand, as in an installed package"
