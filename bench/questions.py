"""How much the red-flag screen asks: over the blind case set (tests/safety/blind/dev.yaml and
test.yaml), each case's words run with its marked regions as the find flow does, before any
answer. Prints, per half and overall, the median and maximum of:

- items: tick boxes asked (one condition each; a flag raised by the words is not asked);
- flags: red-flag questions those boxes answer (the unit of the old yes/no page);
- groups: "tick any that apply" groups, each answered by ticks or "None of these".

"asked" is what a person is actually asked: nothing at emergency or urgent, where the page
shows the instruction instead. "selected" ignores that gate (what the selection picks), and
"benign" is the benign cases alone, which always see the questions. Target: the median
complaint asks at most 12 items. Also the issue's example, a desk worker's temple headache
with a stiff neck.

    python bench/questions.py
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

import yaml

from knotwork.core.finder.engine import screening
from knotwork.core.finder.index import FinderIndex, build_index
from knotwork.core.finder.query import Query, parse_region_arg
from knotwork.core.kb import load_kb
from knotwork.core.safety.screen import screen

BLIND = Path(__file__).resolve().parent.parent / "tests" / "safety" / "blind"
EXAMPLE = (
    "temple headache with a stiff neck",
    ("temple-right", "back-of-neck-right"),
    ("desk-work",),
)


def counts(
    index: FinderIndex, text: str, regions: tuple[str, ...], contexts: tuple[str, ...] = ()
) -> dict[str, Any]:
    kb = index.kb
    query = Query(marks=tuple(parse_region_arg(r) for r in regions), text=text, contexts=contexts)
    places, said, _ = screening(index, query)
    result = screen(kb.safety, kb.atlas, places, said, {})
    q = result.questions()
    open_flags = [f for g in q["groups"] for f in g["flags"] if f["state"] == "open"]
    stopped = result.level in ("emergency", "urgent")
    selected = {"items": q["items_left"], "flags": len(open_flags), "groups": q["groups_left"]}
    asked = dict.fromkeys(selected, 0) if stopped else selected
    return {"selected": selected, "asked": asked, "level": result.level}


def line(name: str, rows: list[dict[str, int]]) -> str:
    parts = []
    for unit in ("items", "flags", "groups"):
        values = [r[unit] for r in rows]
        parts.append(f"{unit} median {statistics.median(values):g} max {max(values)}")
    return f"  {name:<9} n={len(rows):<3} " + "; ".join(parts)


def main() -> None:
    index = build_index(load_kb())
    every: dict[str, list[dict[str, int]]] = {"asked": [], "selected": [], "benign": []}
    for half in ("dev", "test"):
        cases = yaml.safe_load((BLIND / f"{half}.yaml").read_text(encoding="utf-8"))["cases"]
        rows = [
            (c, counts(index, c.get("text") or "", tuple(c.get("regions") or ()))) for c in cases
        ]
        found = {
            "asked": [r["asked"] for _, r in rows],
            "selected": [r["selected"] for _, r in rows],
            "benign": [r["asked"] for c, r in rows if c["expect"] == "none"],
        }
        print(f"{half}:")
        for name, values in found.items():
            print(line(name, values))
            every[name] += values
    print("overall:")
    for name, values in every.items():
        print(line(name, values))
    median = statistics.median(r["items"] for r in every["asked"])
    print(f"target: median items asked <= 12: {median:g} ({'met' if median <= 12 else 'NOT met'})")
    # The floor under "never skip a relevant flag": the global flags, asked of everyone.
    floor = counts(index, "", ())["selected"]
    print(
        f"floor: the global flags alone ask {floor['items']} items for {floor['flags']} flags "
        f"in {floor['groups']} groups"
    )
    text, regions, contexts = EXAMPLE
    example = counts(index, text, regions, contexts)
    print(
        f'example "{text}" at {", ".join(regions)} (desk work): level {example["level"]}, '
        f"asks {example['asked']['items']} items for {example['asked']['flags']} flags in "
        f"{example['asked']['groups']} groups (31 yes/no questions before)"
    )


if __name__ == "__main__":
    main()
