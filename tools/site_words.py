#!/usr/bin/env python3
"""Measure how well the words of a technique's steps tell where it presses. Not a check.

The safety filter acts on each technique's `applied_at` and cannot read places from its steps
(docs/authoring-muscles.md). This script tries the obvious automatic reading, to measure it:
in each step of a pressure, massage or heat technique it finds the atlas's lay labels and
synonyms ("inner elbow", "pubic bone", "collarbone"), drops the hand or tool doing the work
("the thumb of the other hand"), drops a place in a clause that steers away from it ("not",
"never", "stop", "short of", "keep", "stay"...) and keeps a place that follows a word of
placement ("on", "into", "below", "toward", "from"...). Every place so read that the
technique's `applied_at` does not name is a hit.

    .venv/bin/python tools/site_words.py                 # hits on the working tree
    .venv/bin/python tools/site_words.py --rev main      # ... on a git revision
    .venv/bin/python tools/site_words.py --rev main --fixed HEAD --list

With `--fixed`, a hit counts as true when the fixed revision added that region to that
technique's `applied_at`: precision is the share of hits that are true, recall the share of
the added regions that were hit.

Measured in the sites pass (docs/review/sites-pass.md):
- the reviewed data (122 files, 450 techniques): 144 hits in 103 techniques. Reading them
  found two places to add (the quadratus lumborum thumb "along the top of the pelvis", the
  adductor magnus ball "under the inner back of the thigh"); the rest are landmarks ("a
  hand's width above the wrist crease", "below the armpit") or contacts that are not the
  work ("rest the arm on the belly");
- `--rev 4d37905` (main before the pass) `--fixed` the pass: 154 hits, 9 of the 85 regions
  the pass added (precision 5.8%, recall 10.6%; 7 of 83 without the two found by reading
  its hits);
- `--naive` (no filters): 889 hits in 342 techniques on the reviewed data;
- `--rev 6b8309d^`, before the second blind review's fixes: it flags both of that review's
  errors (triceps "just above the inner elbow bump", rectus "toward the pubic bone") among
  151 hits.
Too many false hits to be a check, and most missing places are not named by a place word at
all ("wrap it around the upper forearm", "roll it to a tender level"). That is why
tests/kb/test_technique_sites.py checks something narrower instead.
"""

from __future__ import annotations

import argparse
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = "src/knotwork/data"
KINDS = ("pressure", "massage", "heat")
# Body words that name the hand or tool doing the work, not a place worked on.
TOOL_WORDS = {"hand", "hands", "thumb", "thumbs", "the thumb", "palm", "fingers", "knuckles"}
TOOL_WORDS |= {"index finger", "middle finger", "heel"}
AWAY = re.compile(
    r"\b(not|never|no|avoid|away from|off|out of|short of|stop|stopping|before|clear of|"
    r"rather than|instead of|without|keep|stay)\b"
)
OPEN = r"(?:the|your|a|each|its|this|that|lower|upper|inner|outer|front|back|middle|soft|whole)"
PLACED = re.compile(
    r"\b(on|onto|into|over|under|along|above|below|beside|behind|inside|between|from|to|"
    r"toward|towards|at|against|across|around|round|in|near|up|down)\s+(?:" + OPEN + r"\s+)*$"
)
CLAUSE = re.compile(r"[;.:]|, (?=(?:and|or|but|then|so|keeping|stopping|staying)\b)|\bthen\b")


def read(rev: str | None, path: str) -> str:
    if rev is None:
        return (ROOT / path).read_text(encoding="utf-8")
    return subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def muscles(rev: str | None) -> Iterator[dict[str, Any]]:
    if rev is None:
        names = sorted(p.name for p in (ROOT / DATA / "muscles").glob("*.yaml"))
    else:
        listing = subprocess.run(
            ["git", "-C", str(ROOT), "ls-tree", "--name-only", f"{rev}:{DATA}/muscles"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        names = sorted(n for n in listing.split() if n.endswith(".yaml"))
    for name in names:
        yield yaml.safe_load(read(rev, f"{DATA}/muscles/{name}"))


def place_words(rev: str | None) -> dict[str, set[str]]:
    """Each lay label and synonym of the atlas (with "my" also read as "the" and "your")."""
    atlas = yaml.safe_load(read(rev, f"{DATA}/atlas/regions.yaml"))
    words: dict[str, set[str]] = {}
    for region in atlas["regions"]:
        for word in (region["lay"], *region.get("synonyms", [])):
            word = word.lower()
            for form in {word, word.replace("my ", "the "), word.replace("my ", "your ")}:
                words.setdefault(form, set()).add(region["id"])
    return words


def placed(word: str, before: str) -> bool:
    """Is this place word where the step puts the hand or tool, going by the words before?"""
    return word not in TOOL_WORDS and not AWAY.search(before) and bool(PLACED.search(before))


def hits(rev: str | None, naive: bool = False) -> Iterator[tuple[str, str, str, str]]:
    """(muscle, technique, region, clause) for each place read that applied_at lacks;
    ``naive``: every place word in every step of every technique, without the filters."""
    words = place_words(rev)
    found = re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len)[::-1]) + r")\b")
    for m in muscles(rev):
        for t in m["self_treatment"]:
            if t["kind"] not in KINDS and not naive:
                continue
            for step in t["steps"]:
                for clause in [step.lower()] if naive else CLAUSE.split(step.lower()):
                    for said in found.finditer(clause):
                        if not naive and not placed(said[1], clause[: said.start()]):
                            continue
                        regions = words[said[1]]
                        if not regions & set(t["applied_at"]):
                            for region in sorted(regions):
                                yield m["id"], t["id"], region, clause.strip()


def added(old: str | None, new: str | None) -> set[tuple[str, str, str]]:
    """(muscle, technique, region) for each region ``new`` added to an applied_at."""
    before = {
        (m["id"], t["id"]): set(t["applied_at"]) for m in muscles(old) for t in m["self_treatment"]
    }
    return {
        (m["id"], t["id"], region)
        for m in muscles(new)
        for t in m["self_treatment"]
        for region in set(t["applied_at"]) - before.get((m["id"], t["id"]), set(t["applied_at"]))
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", help="git revision to measure (default: the working tree)")
    parser.add_argument("--fixed", help="a later revision whose added sites count as true hits")
    parser.add_argument("--list", action="store_true", help="print every hit")
    parser.add_argument("--naive", action="store_true", help="no filters: every place word")
    args = parser.parse_args()
    found = list(hits(args.rev, args.naive))
    pairs = {(m, t, r) for m, t, r, _ in found}
    techniques = {(m, t) for m, t, _ in pairs}
    if args.list:
        for m, t, r, clause in found:
            print(f"{m} {t}: {r} <- {clause}")
    print(f"hits: {len(pairs)} (technique, region) pairs in {len(techniques)} techniques")
    if args.fixed:
        true = added(args.rev, args.fixed)
        right = pairs & true
        print(f"regions the fixed revision added: {len(true)}")
        print(
            f"true hits: {len(right)}; precision {len(right) / max(1, len(pairs)):.1%}, "
            f"recall {len(right) / max(1, len(true)):.1%}"
        )


if __name__ == "__main__":
    main()
