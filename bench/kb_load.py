"""How fast the knowledge base loads, cold (validate every file) and warm (compiled cache),
next to a bare interpreter start measured in the same run. Target: warm load <= 50 ms.

    python bench/kb_load.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import PY, ensure_bytecode, median_ms, wall

LOAD = """
import json, sys, time
from pathlib import Path
t = time.perf_counter()
from knotwork.core.kb import load_kb
kb = load_kb(cache_dir=Path(sys.argv[1]) if sys.argv[1] != "-" else None)
print(json.dumps({"seconds": time.perf_counter() - t, "muscles": len(kb)}))
"""


def in_process(cache: str, runs: int) -> list[float]:
    """Seconds spent importing and loading, measured inside fresh processes."""
    import subprocess

    out = []
    for _ in range(runs):
        result = subprocess.run([PY, "-c", LOAD, cache], capture_output=True, text=True, check=True)
        out.append(json.loads(result.stdout)["seconds"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    note = ensure_bytecode()
    with tempfile.TemporaryDirectory() as cache:
        bare = wall([PY, "-c", "pass"], runs)
        cold = in_process("-", runs)
        in_process(cache, 1)  # builds the compiled cache
        warm = in_process(cache, runs)
        warm_wall = wall([PY, "-c", LOAD, cache], runs, dict(os.environ))
    muscles = json.loads(
        __import__("subprocess")
        .run([PY, "-c", LOAD, "-"], capture_output=True, text=True, check=True)
        .stdout
    )["muscles"]
    print(f"knowledge base: {muscles} muscles, median of {runs} fresh processes ({note})")
    print(f"  bare interpreter start        {median_ms(bare):7.1f} ms")
    print(f"  cold load (validate all)      {median_ms(cold):7.1f} ms  (YAML, schema, rules)")
    print(
        f"  warm load (compiled cache)    {median_ms(warm):7.1f} ms  (target <= 50 ms: "
        f"{'met' if median_ms(warm) <= 50 else 'NOT met'})"
    )
    print(
        f"  warm process, start to end    {median_ms(warm_wall):7.1f} ms  "
        f"= {median_ms(warm_wall) / median_ms(bare):.1f}x the bare start"
    )


if __name__ == "__main__":
    main()
