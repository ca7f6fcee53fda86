"""A text find against a drawing find, in process: the whole ``find`` (reading the words, the
red-flag screen, the cautions, ranking and the document) for each finder evaluation case said in
words, and the same case drawn. CPU time (``time.process_time``), text and drawing interleaved
call by call so a noisy machine slows both alike; medians per call.

Target (issue 14): a text find costs at most 3x a drawing find.

    python bench/text_vs_drawing.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from knotwork.core.errors import KnotworkError
from knotwork.core.finder import Query, load_index
from knotwork.core.finder.engine import find
from knotwork.core.finder.evaluate import load_cases
from knotwork.core.finder.query import parse_region_arg

CASES = Path(__file__).resolve().parent.parent / "tests" / "finder" / "cases"
TARGET = 3.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20, help="timed calls of each query")
    args = parser.parse_args()
    index = load_index()
    cases = load_cases(sorted(CASES.glob("*.yaml")))
    pairs = [
        (Query(text=c.text), Query(marks=tuple(parse_region_arg(r) for r in c.drawing)))
        for c in cases
    ]
    pairs = [(t, d) for t, d in pairs if _runs(index, t) and _runs(index, d)]
    text_times: list[float] = []
    draw_times: list[float] = []
    for _ in range(args.rounds):
        for text, drawing in pairs:
            text_times.append(_cpu(index, text))
            draw_times.append(_cpu(index, drawing))
    text_ms = statistics.median(text_times) * 1000
    draw_ms = statistics.median(draw_times) * 1000
    ratio = text_ms / draw_ms
    print(f"{len(pairs)} cases, each said and drawn, {args.rounds} rounds interleaved (CPU time)")
    print(f"  text find     median {text_ms:6.3f} ms")
    print(f"  drawing find  median {draw_ms:6.3f} ms")
    print(
        f"  ratio text/drawing {ratio:.2f}x (target <= {TARGET:.0f}x: "
        f"{'met' if ratio <= TARGET else 'NOT met'})"
    )


def _runs(index: object, query: Query) -> bool:
    try:
        find(index, query)  # type: ignore[arg-type]
    except KnotworkError:
        return False  # nothing understood: not a find to time
    return True


def _cpu(index: object, query: Query) -> float:
    start = time.process_time()
    find(index, query)  # type: ignore[arg-type]
    return time.process_time() - start


if __name__ == "__main__":
    main()
