"""Cohorts at scale (issue 18): ``batch assess`` on the local engine and on Dask, in one run.

Profiles: ``--rows`` synthetic resumes mixed from real ones. The 962 resumes of
../shared/data/resumes/UpdatedResumeDataSet.csv (25 categories; read at run time, never
copied into the repo) are cut into sentences at full stops, bullets and line breaks. Each
profile picks a category, then two or three resumes of that category, and draws 20 to 36
sentences from their pooled sentences (order shuffled, sentences under four words dropped),
all from ``random.Random(SEED)``. So a profile reads like one person of one trade, its length
is near a real resume's (about 300 words), and no two profiles are the same text.

Runs, on the same profiles, the full engine (matching by meaning, as ``batch assess`` does by
default): the local engine (a process pool of ``--workers``) and a LocalCluster of
``--workers`` processes. Both times include starting the workers and building their engines,
as a real run pays; the Dask startup (cluster up and every engine built) is also given alone.
Also measured: each worker's peak RSS (sampled as partitions finish), the scheduler's cost per
task (``TINY_TASKS`` tasks that do nothing), how fast the client reads and prepares rows,
whether the two outputs are byte for byte the same, and the load average beside each figure
(the machine's cores are shared). The scaling model in docs/benchmarks.md uses these figures.

    .venv/bin/python bench/cohort_scale.py [--rows 10000] [--workers 2] [--engine full]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import platform
import random
import re
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from aicareers.batch import Columns, Row, full_assessor, light_assessor, run_batch
from aicareers.batch.dask_run import PARTITION_ROWS, DaskRun, run_on_dask
from aicareers.batch.parts import Parts
from aicareers.batch.runner import to_request
from aicareers.batch.worker import AssessorFactory
from aicareers.service.tables import Cluster

ROOT = Path(__file__).resolve().parent.parent
RESUMES = ROOT.parent / "shared" / "data" / "resumes" / "UpdatedResumeDataSet.csv"
RESULTS = ROOT / "bench" / "results" / "cohort_scale.json"
SEED = 18
TINY_TASKS = 2000
SENTENCE = re.compile(r"(?<=[.!?])\s+|\s*[\n\r]+\s*|\s+[*•\u2022]\s+|\s{3,}")


def sentences_by_category() -> dict[str, list[list[str]]]:
    """Each category's resumes, each as its sentences of four words or more."""
    found: dict[str, list[list[str]]] = {}
    with RESUMES.open(encoding="utf-8", errors="replace", newline="") as handle:
        for record in csv.DictReader(handle):
            parts = [s.strip(" *-\u2022") for s in SENTENCE.split(_repair(record["Resume"]))]
            kept = [s for s in parts if len(s.split()) >= 4]
            if kept:
                found.setdefault(record["Category"], []).append(kept)
    return found


def _repair(text: str) -> str:
    """The file's UTF-8 was decoded as Latin-1 once before it was saved ("NaÃ¯ve" for
    "Naïve"); undo that where it applies, else keep the text as it is."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return text


def profiles(count: int, seed: int = SEED) -> list[tuple[str, str]]:
    """``count`` (category, text) pairs mixed from real resumes (see the module docstring)."""
    chance = random.Random(seed)
    pool = sentences_by_category()
    categories = sorted(pool)
    made = []
    for _ in range(count):
        category = chance.choice(categories)
        sources = chance.sample(pool[category], min(len(pool[category]), chance.randint(2, 3)))
        sentences = [s for resume in sources for s in resume]
        picked = chance.sample(sentences, min(len(sentences), chance.randint(20, 36)))
        made.append((category, ". ".join(s.rstrip(".") for s in picked) + "."))
    return made


def rss() -> int:
    """This process's resident memory in bytes (run on each worker)."""
    import psutil

    return int(psutil.Process().memory_info().rss)


def children_rss() -> list[int]:
    """Resident memory of this process's children (the local engine's pool)."""
    import psutil

    return [int(c.memory_info().rss) for c in psutil.Process().children(recursive=True)]


Figures = tuple[dict[str, Any], bytes]  # the figures and the output


def local_run(rows: list[Row], factory: AssessorFactory, workers: int) -> Figures:
    peak: dict[str, int] = {"max": 0}

    def sample(_: int) -> None:
        peak["max"] = max([peak["max"], *children_rss()])

    load = os.getloadavg()
    out = io.BytesIO()
    summary = run_batch(rows, out, columns=Columns("text", keep=("site",)), factory=factory,
                        workers=workers, total=len(rows), progress=sample)  # fmt: skip
    figures = {**summary.as_dict(), "workers": workers, "peak_worker_rss_mb": peak["max"] >> 20,
               "load_before": load, "load_after": os.getloadavg()}  # fmt: skip
    return figures, out.getvalue()


def dask_run(rows: list[Row], factory: AssessorFactory, workers: int) -> Figures:
    started = time.perf_counter()
    marks: dict[str, Any] = {}
    peak: dict[str, int] = {}

    def up(client: Any) -> None:
        marks["startup"] = time.perf_counter() - started
        marks["client"] = client
        marks["idle_rss"] = {w: v >> 20 for w, v in client.run(rss).items()}

    def sample(_: int) -> None:
        for worker, value in marks["client"].run(rss).items():
            peak[worker] = max(peak.get(worker, 0), value)

    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="cohort-scale-") as folder:
        parts = Parts(Path(folder) / "parts", "jsonl")
        summary = run_on_dask(
            rows, DaskRun(parts, Cluster(None, workers)), {"bench": True},
            columns=Columns("text", keep=("site",)), factory=factory, progress=sample,
            on_client=up,
        )  # fmt: skip
        out = Path(folder) / "out.jsonl"
        parts.join(out)
        data = out.read_bytes()
    work = summary.seconds - marks["startup"]
    figures = {
        **summary.as_dict(), "workers": workers, "partition_rows": PARTITION_ROWS,
        "startup_seconds": round(marks["startup"], 2),
        "rows_per_second_after_startup": round(summary.rows / work, 2),
        "worker_rss_mb_after_engine_load": sorted(marks["idle_rss"].values()),
        "peak_worker_rss_mb": sorted(v >> 20 for v in peak.values()),
        "load_before": load, "load_after": os.getloadavg(),
    }  # fmt: skip
    return figures, data


def noop(value: int) -> int:
    return value


def task_overhead(workers: int) -> dict[str, Any]:
    """Seconds per task of tasks that do nothing: the scheduler's and the network's cost."""
    import distributed

    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=40) as cluster, \
            distributed.Client(cluster) as client:  # fmt: skip
        client.gather(client.map(noop, range(100), pure=False))  # warm up
        load = os.getloadavg()
        started = time.perf_counter()
        client.gather(client.map(noop, range(TINY_TASKS), pure=False))
        seconds = time.perf_counter() - started
    return {"tasks": TINY_TASKS, "seconds": round(seconds, 3),
            "ms_per_task": round(1000 * seconds / TINY_TASKS, 3), "load_before": load}  # fmt: skip


def client_read_rate(made: list[tuple[str, str]]) -> float:
    """Rows a second the client turns into requests (Parquet read + request), one core."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from aicareers.batch import open_table

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "profiles.parquet"
        pq.write_table(pa.table({"site": [c for c, _ in made], "text": [t for _, t in made]}), path)
        started = time.perf_counter()
        columns = Columns("text", keep=("site",))
        count = sum(1 for row in open_table(path).rows(columns.names()) if to_request(row, columns))
        return round(count / (time.perf_counter() - started))


def main() -> None:
    """Run both engines on the same profiles, print the figures and write the results file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engine", choices=("full", "no-semantic", "light"), default="full")
    args = parser.parse_args()
    made = profiles(args.rows)
    rows = [Row(i, {"text": text, "site": category}) for i, (category, text) in enumerate(made)]
    factory: AssessorFactory = (
        light_assessor if args.engine == "light"
        else partial(full_assessor, semantic=args.engine == "full")
    )  # fmt: skip
    local, local_out = local_run(rows, factory, args.workers)
    print("local:", json.dumps(local), flush=True)
    dask, dask_out = dask_run(rows, factory, args.workers)
    print("dask:", json.dumps(dask), flush=True)
    result = {
        "engine": args.engine, "rows": args.rows, "seed": SEED,
        "mean_words": round(sum(len(t.split()) for _, t in made) / len(made)),
        "local": local, "dask": dask, "identical_output": local_out == dask_out,
        "scheduler_overhead": task_overhead(args.workers),
        "client_rows_per_second": client_read_rate(made),
        "cpus": os.cpu_count(), "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d"),
    }  # fmt: skip
    print(json.dumps(result, indent=1))
    previous = json.loads(RESULTS.read_text("utf-8")) if RESULTS.exists() else {}
    previous[f"{args.engine}-{args.rows}"] = result  # one entry per engine and size
    RESULTS.write_text(json.dumps(previous, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
