"""Finder latency over the full knowledge base: ranking a drawing, parsing plus ranking a
sentence (median and 99th percentile), and a cold `knotwork find --text ... --json` process next
to a bare interpreter start and a bare `import knotwork`, measured in the same run.

Targets: ranking a drawing under 1 ms median; a cold CLI find under 4x (bare start + import).

    python bench/finder_latency.py [--iterations N] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import PY, ensure_bytecode, loop, median_ms, p99_ms, wall
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
    args = parser.parse_args()
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
    cold_cli(args.runs)


def cold_cli(runs: int) -> None:
    note = ensure_bytecode()
    cache = tempfile.mkdtemp()
    env = {**os.environ, "KNOTWORK_CACHE_DIR": cache}
    cli = [PY, "-m", "knotwork", "find", "--text", SENTENCE, "--json"]
    try:
        bare = median_ms(wall([PY, "-c", "pass"], runs))
        imp = median_ms(wall([PY, "-c", "import knotwork"], runs))
        find = median_ms(wall(cli, runs, env))  # the first (warm-up) run fills the cache
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    budget = 4 * (bare + imp)
    print(
        f"cold CLI, median of {runs} fresh processes ({note}; compiled knowledge cache "
        "in place, as after the first run):"
    )
    print(f"  bare interpreter start  {bare:7.1f} ms")
    print(f"  import knotwork         {imp:7.1f} ms")
    print(
        f"  knotwork find --text    {find:7.1f} ms  = {find / (bare + imp):.2f}x "
        f"(bare + import); target < 4x: {'met' if find < budget else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
