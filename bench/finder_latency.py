"""Finder latency over the full knowledge base: ranking a drawing, parsing plus ranking a
sentence (median and 99th percentile), and a cold `knotwork find --text ... --json` process next
to a bare interpreter start and a bare `import knotwork`, measured in the same run.

Targets: ranking a drawing under 1 ms median; a cold CLI find at most 5x a bare interpreter's
start, in CPU time (wall time printed beside it), with bytecode cached.

    python bench/finder_latency.py [--iterations N] [--runs N] [--cold-only]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import PY, ensure_bytecode, interleaved, loop, median_ms, p99_ms, with_bytecode
from knotwork.core.finder import Query, load_index
from knotwork.core.finder.engine import gather, score_all
from knotwork.core.finder.evaluate import load_cases
from knotwork.core.finder.query import parse_region_arg

CASES = Path(__file__).resolve().parent.parent / "tests" / "finder" / "cases"
SENTENCE = "throbbing at my right temple and behind my right eye when I sit at the computer"


def rank_only(index: object, query: Query) -> None:
    ev = gather(index, query)  # type: ignore[arg-type]
    score_all(index, ev, query)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--iterations", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--cold-only", action="store_true", help="only the cold CLI figures")
    parser.add_argument(
        "--against",
        type=Path,
        metavar="DIR",
        help="also time the cold find of another checkout (its src/), interleaved",
    )
    args = parser.parse_args()
    if args.cold_only:
        cold_cli(args.runs, args.against)
        return
    index = load_index()
    cases = load_cases(sorted(CASES.glob("*.yaml")))
    drawings = [Query(marks=tuple(parse_region_arg(r) for r in c.drawing)) for c in cases]
    texts = [Query(text=c.text) for c in cases]
    n = args.iterations
    draw = loop(lambda: [rank_only(index, q) for q in drawings], max(1, n // len(drawings)))
    draw_each = [t / len(drawings) for t in draw]
    per_drawing = []
    for q in drawings:
        per_drawing += loop(lambda q=q: rank_only(index, q), max(1, n // len(drawings)))
    per_text = []
    for q in texts:
        per_text += loop(lambda q=q: rank_only(index, q), max(1, n // len(texts)))
    print(
        f"{len(index.kb)} muscles, {len(cases)} queries of each kind, "
        f"{len(per_drawing)} timed calls each"
    )
    print(
        f"  rank a drawing          median {median_ms(per_drawing):6.3f} ms   "
        f"p99 {p99_ms(per_drawing):6.3f} ms   (target median < 1 ms: "
        f"{'met' if median_ms(per_drawing) < 1 else 'NOT met'})"
    )
    print(
        f"  parse + rank a sentence median {median_ms(per_text):6.3f} ms   "
        f"p99 {p99_ms(per_text):6.3f} ms"
    )
    print(f"  (batch mean per drawing {median_ms(draw_each):.3f} ms)")
    cold_cli(args.runs, args.against)


TARGET = 5.0  # a cold find at most this many times a bare interpreter's start


def cold_cli(runs: int, against: Path | None = None) -> None:
    """A cold `knotwork find --text ... --json` beside a bare interpreter and a bare
    `import knotwork`, in turn, with bytecode cached as on a person's machine
    (PYTHONDONTWRITEBYTECODE unset for the measured commands) and the compiled knowledge
    cache in place (the unmeasured first run fills it). CPU time is the child's own user and
    system time: it does not count the time other work on a shared machine takes."""
    note = ensure_bytecode()
    cache = tempfile.mkdtemp()
    env = with_bytecode({**os.environ, "KNOTWORK_CACHE_DIR": cache})
    find = [PY, "-m", "knotwork", "find", "--text", SENTENCE, "--json"]
    here = Path(__file__).resolve().parent.parent / "src"
    # Each tree's package first on the path, and its own cache (the same `env` wrapper for
    # both, so each pays the same for it).
    cmds = {
        "bare interpreter start": [PY, "-c", "pass"],
        "import knotwork": [PY, "-c", "import knotwork"],
        "knotwork find --text --json": [
            "env",
            f"PYTHONPATH={here}",
            f"KNOTWORK_CACHE_DIR={cache}/here",
            *find,
        ],
    }
    if against:
        import compileall

        compileall.compile_dir(str(against / "src" / "knotwork"), quiet=1)
        # A cache of its own: two trees' builds would replace each other in one.
        cmds["  the same, --against tree"] = [
            "env",
            f"PYTHONPATH={against / 'src'}",
            f"KNOTWORK_CACHE_DIR={cache}/other",
            *find,
        ]
    try:
        times = interleaved(cmds, runs, env)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    print(
        f"cold CLI, median of {runs} interleaved fresh processes ({note}; bytecode cached; "
        "compiled knowledge cache in place):"
    )
    print(f"  {'':30} {'wall ms':>8} {'CPU ms':>8}")
    for name, (walls, cpus) in times.items():
        print(f"  {name:30} {median_ms(walls):8.1f} {median_ms(cpus):8.1f}")
    bare_wall, bare_cpu = (median_ms(t) for t in times["bare interpreter start"])
    find_wall, find_cpu = (median_ms(t) for t in times["knotwork find --text --json"])
    cpu_ratio, wall_ratio = find_cpu / bare_cpu, find_wall / bare_wall
    print(
        f"  find / bare start: CPU {cpu_ratio:.2f}x, wall {wall_ratio:.2f}x; "
        f"target at most {TARGET:g}x (CPU): {'met' if cpu_ratio <= TARGET else 'NOT met'}"
    )
    if against:
        other_wall, other_cpu = (median_ms(t) for t in times["  the same, --against tree"])
        print(
            f"  --against tree / bare start: CPU {other_cpu / bare_cpu:.2f}x, "
            f"wall {other_wall / bare_wall:.2f}x"
        )


if __name__ == "__main__":
    main()
