"""Shared timing helpers for the benchmark scripts (wall clock, repeated, median/p99)."""

from __future__ import annotations

import os
import resource
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


def with_bytecode(env: dict[str, str] | None = None) -> dict[str, str]:
    """``env`` (default: this process's) without PYTHONDONTWRITEBYTECODE, so a measured
    command reads and writes its cached bytecode as on a person's machine."""
    out = dict(os.environ if env is None else env)
    out.pop("PYTHONDONTWRITEBYTECODE", None)
    return out


def interleaved(
    cmds: dict[str, Sequence[str]], runs: int, env: dict[str, str] | None = None
) -> dict[str, tuple[list[float], list[float]]]:
    """Wall-clock and CPU seconds (user + system, the child's own) of ``runs`` fresh
    processes of each command, taken in turn (one of each, then again), so a busy moment on
    a shared machine falls on all of them alike. Each command runs once first, unmeasured."""
    for cmd in cmds.values():
        subprocess.run(cmd, capture_output=True, check=True, env=env)
    times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True, env=env)
            elapsed = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            times[name][0].append(elapsed)
            times[name][1].append(cpu)
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
