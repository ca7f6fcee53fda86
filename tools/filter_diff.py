#!/usr/bin/env python3
"""What the safety filter does differently between two versions of the muscle data.

For every technique of every muscle it runs `filter_technique` (the code of the working tree)
for no caution, for each personal factor that takes no site, and for each factor that takes
a site at every atlas region in turn, on the data of two git revisions, and prints each
technique whose outcome changed: its added or removed `applied_at` regions and postures, the
factors whose dose or status changed, and how many more or fewer places a factor that takes a
site now reaches.

    .venv/bin/python tools/filter_diff.py 4d37905 HEAD

Used for the sites pass (docs/review/sites-pass.md), where applied_at was corrected by hand.
"""

from __future__ import annotations

import argparse
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

from knotwork.core.kb import convert
from knotwork.core.kb.load import caution_writer, read_sources
from knotwork.core.safety.cautions import Filtered, Personal, filter_technique
from knotwork.core.safety.load import build_safety

ROOT = Path(__file__).resolve().parent.parent
DATA = "src/knotwork/data"

Outcomes = dict[str, dict[str, str]]


def data_at(rev: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, DATA], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / DATA


def outcome(shown: Filtered) -> str:
    if shown.blocked:
        return "blocked"
    pressure = shown.dose.pressure
    said = "changed" if shown.changes else "ok"
    postures = ",".join(shown.postures) if shown.changes else ""
    return f"{said} {pressure.min}-{pressure.max}" if pressure else f"{said} {postures}".strip()


def outcomes(data_dir: Path) -> Outcomes:
    """Technique key -> caution -> outcome (with "sites" and "postures" as given)."""
    # Read, not checked: an old revision may break a rule the code has since learnt.
    src = read_sources(data_dir)
    assert src.cautions and src.areas
    atlas, safety = src.atlas, build_safety(src.flags, src.areas, src.cautions)
    texts = caution_writer(atlas, src.cautions)
    sited = [f for f, factor in safety.factors.items() if factor.needs_site]
    plain = [f for f, factor in safety.factors.items() if not factor.needs_site]
    people = {"none": Personal()} | {f: Personal({f: ()}) for f in plain}
    people |= {f"{f}:{b}": Personal({f: (b,)}) for f in sited for b in atlas.bases}
    found: Outcomes = {}
    for mf in src.muscles.values():
        m = convert.muscle(mf, [texts(mf, c) for c in mf.cautions])
        for t in m.self_treatment:
            row = {"sites": " ".join(t.applied_at), "postures": " ".join(t.postures)}
            for said, person in people.items():
                row[said] = outcome(filter_technique(safety, atlas, t, person, m.cautions))
            found[f"{m.id}/{t.id}"] = row
    return found


def differences(old: Outcomes, new: Outcomes) -> Iterator[str]:
    for key in sorted(new.keys() & old.keys()):
        a, b = old[key], new[key]
        said = []
        gained = sorted(set(b["sites"].split()) - set(a["sites"].split()))
        lost = sorted(set(a["sites"].split()) - set(b["sites"].split()))
        if gained or lost:
            said.append("sites " + " ".join([*(f"+{s}" for s in gained), *(f"-{s}" for s in lost)]))
        if a["postures"] != b["postures"]:
            said.append(f"postures {a['postures']} -> {b['postures']}")
        reach: dict[str, int] = {}
        for caution in b:
            if caution in ("sites", "postures") or a[caution] == b[caution]:
                continue
            factor, _, site = caution.partition(":")
            if site:
                more = a[caution] == a["none"] and b[caution] != b["none"]
                reach[factor] = reach.get(factor, 0) + (1 if more else -1)
            else:
                said.append(f"{factor}: {a[caution]} -> {b[caution]}")
        said += [f"{f} acts at {n:+d} place(s)" for f, n in sorted(reach.items())]
        if said:
            yield f"{key}: " + "; ".join(said)
    for key in sorted(new.keys() - old.keys()):
        yield f"{key}: new technique"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", help="git revision before")
    parser.add_argument("new", help="git revision after")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        old = outcomes(data_at(args.old, Path(tmp) / "old"))
        new = outcomes(data_at(args.new, Path(tmp) / "new"))
    changed = list(differences(old, new))
    print("\n".join(changed))
    print(f"{len(changed)} of {len(new)} techniques changed")


if __name__ == "__main__":
    main()
