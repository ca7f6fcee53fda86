"""The clinician report's render time: median CPU and wall time to gather a persona's report
from its diary and render the PDF (target: at most 1 s), A4 and Letter interleaved; the
first render (WeasyPrint's import and first layout) is printed apart.

    python bench/report_render.py [--runs 15]

Personas (tests/personas.py): Alice, a year of neck pain (730 entries, 237 treatments, two
saved finder results); Ravi, twelve weeks after knee surgery (252 entries, 124 treatments).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import personas

from knotwork.adapters.report.view import report_data, report_pictures
from knotwork.adapters.store.store import open_store
from knotwork.core.diary.repository import Contents
from knotwork.core.diary.service import Diary
from knotwork.core.diary.when import fixed_clock
from knotwork.core.kb import load_kb

PEOPLE = {
    "alice": (personas.alice, personas.alice_findings, personas.ALICE_NOW, personas.ALICE_ZONE),
    "ravi": (personas.ravi, personas.ravi_findings, personas.RAVI_NOW, personas.RAVI_ZONE),
}


def render(diary: Diary, kb: object, paper: str) -> int:
    from knotwork.adapters.report.pdf import render_pdf

    data, report = report_data(diary, kb, "Alice Example")  # type: ignore[arg-type]
    return len(render_pdf(data, report_pictures(report, data, kb, pdf=True), paper))  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    kb = load_kb()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as folder:
        diaries = {}
        stores = []
        for who, (contents, findings, now, zone) in PEOPLE.items():
            c = contents()
            store = open_store(f"sqlite:///{Path(folder) / who}.db")
            stores.append(store)
            diary = Diary(store.repository(), kb, fixed_clock(now), zone)
            diary.restore(Contents(c.entries, c.treatments, c.impressions, findings()))
            diaries[who] = diary
        wall0, cpu0 = time.perf_counter(), time.process_time()
        render(diaries["alice"], kb, "a4")
        print(
            f"first render (WeasyPrint imported, first layout): wall "
            f"{time.perf_counter() - wall0:.2f} s, CPU {time.process_time() - cpu0:.2f} s"
        )
        samples: dict[tuple[str, str], list[tuple[float, float]]] = {}
        sizes: dict[tuple[str, str], int] = {}
        for _ in range(args.runs):  # interleaved: each round renders every case once
            for who in PEOPLE:
                for paper in ("a4", "letter"):
                    wall, cpu = time.perf_counter(), time.process_time()
                    sizes[who, paper] = render(diaries[who], kb, paper)
                    samples.setdefault((who, paper), []).append(
                        (time.perf_counter() - wall, time.process_time() - cpu)
                    )
        print(f"{'persona':8} {'paper':7} {'CPU median':>11} {'wall median':>12} {'wall max':>9}")
        for (who, paper), times in samples.items():
            walls = [w for w, _ in times]
            cpus = [c for _, c in times]
            print(
                f"{who:8} {paper:7} {statistics.median(cpus):10.3f}s "
                f"{statistics.median(walls):11.3f}s {max(walls):8.3f}s  "
                f"({sizes[who, paper] // 1024} KB)"
            )
        print(f"load average {os.getloadavg()[0]:.1f}; target: at most 1 s per report")
        for store in stores:
            store.close()


if __name__ == "__main__":
    main()
