"""Measure ``batch assess`` throughput (texts per second) with 1 and 2 worker processes.

Texts are job-posting descriptions read at run time from ../shared/data/job-postings/*.csv
(no licence: they are read here, never copied into the repo). The engine is the full one
(``runtime.load_assessor``) when it loads, else the catalog-only light one; the output says
which. Times include starting the workers and building their engines, as a real run pays.

    .venv/bin/python bench/batch_throughput.py [--rows 300] [--engine full|no-semantic|light]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any

from aicareers.batch import Columns, Row, full_assessor, light_assessor, run_batch
from aicareers.batch.worker import AssessorFactory

sys.path.insert(0, str(Path(__file__).resolve().parent))
from resume_texts import POSTINGS, posting_descriptions

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "batch_throughput.json"


def choose_engine(name: str) -> tuple[str, AssessorFactory]:
    """The factory to time, falling back to the light engine when the full one fails."""
    if name == "light":
        return "light", light_assessor
    factory: AssessorFactory = partial(full_assessor, semantic=name == "full")
    try:
        factory()
    except Exception as exc:
        print(f"full engine unavailable ({type(exc).__name__}: {exc}); using light", flush=True)
        return "light (full failed to load)", light_assessor
    return name, factory


def time_run(texts: list[str], factory: AssessorFactory, workers: int) -> dict[str, Any]:
    """One batch over ``texts`` into memory; its summary."""
    rows = [Row(i, {"text": t}) for i, t in enumerate(texts)]
    out = io.BytesIO()
    summary = run_batch(
        rows, out, columns=Columns("text"), factory=factory, workers=workers, total=len(rows)
    )
    return {"workers": workers, **summary.as_dict()}


def main() -> None:
    """Run the benchmark, print a table and write the results file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--engine", choices=("full", "no-semantic", "light"), default="full")
    args = parser.parse_args()
    texts = posting_descriptions(args.rows)
    if not texts:
        sys.exit(f"No job-posting descriptions found under {POSTINGS}.")
    started = time.perf_counter()
    engine, factory = choose_engine(args.engine)
    load = time.perf_counter() - started
    runs = [time_run(texts, factory, workers) for workers in (1, 2)]
    print(f"engine: {engine}; {len(texts)} texts, mean {sum(map(len, texts)) // len(texts)} chars")
    print("| workers | seconds | texts/s | errors |\n|---|---|---|---|")
    for run in runs:
        print(
            f"| {run['workers']} | {run['seconds']} | {run['rows_per_second']} | {run['errors']} |"
        )
    result = {
        "engine": engine,
        "texts": len(texts),
        "mean_chars": sum(map(len, texts)) // len(texts),
        "engine_load_seconds_in_parent": round(load, 2),
        "runs": runs,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    # One entry per engine, so timing one engine keeps the others' last numbers.
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    previous = json.loads(RESULTS.read_text("utf-8")) if RESULTS.exists() else {}
    previous[engine] = result
    RESULTS.write_text(json.dumps(previous, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
