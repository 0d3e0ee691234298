"""Stream a large postings file through ``postings analyze``: rows per second and flat memory.

Builds a CSV of ``--rows`` postings (default 1,000,000) by resampling, with a fixed seed, the
postings in ../shared/data/job-postings (title, salary and description; no licence, so the
file goes to a temporary folder, never into the repo, and is deleted afterwards). To keep the
run honest about caching, ``--unique-titles`` of the rows (default 10%) get a requisition
number appended to their title, as job boards often do, so the per-process title cache
misses on them; and one row in every 100,000 is cut short, to exercise malformed-row
reporting at scale.

``postings analyze`` then runs in a child process (the real CLI code path: CSV in, Parquet
and a Markdown report out) while this script samples, every ``--interval`` seconds, the
resident memory (VmRSS) of the child and of its worker processes, and the load average.
It prints and stores rows per second, peak memory, memory at each tenth of the run (flat
memory shows as equal figures early and late) and CPU time.

    .venv/bin/python bench/postings_stream.py [--rows 1000000] [--workers N] [--keep]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
POSTINGS = ROOT.parent / "shared" / "data" / "job-postings"
RESULTS = ROOT / "bench" / "results" / "postings_stream.json"
SOURCES = {  # file -> (title, salary or None, description)
    "glassdoor_jobs.csv": ("Job Title", "Salary Estimate", "Job Description"),
    "Uncleaned_DS_jobs.csv": ("Job Title", "Salary Estimate", "Job Description"),
    "ai_ml_jobs_linkedin.csv": ("title", None, "description"),
}
HEADER = ["Job Title", "Salary Estimate", "Job Description"]
MALFORMED_EVERY = 100_000
SEED = 20261126
CLI = "from aicareers.cli.postings import postings; postings(prog_name='aicareers postings')"


def source_rows() -> list[tuple[str, str, str]]:
    """Every posting of the development files as (title, salary, description)."""
    csv.field_size_limit(16 * 1024 * 1024)
    rows = []
    for name, (title, salary, text) in SOURCES.items():
        with (POSTINGS / name).open(encoding="utf-8-sig", newline="") as handle:
            for record in csv.DictReader(handle):
                rows.append((record[title], record[salary] if salary else "", record[text]))
    return rows


def build_csv(path: Path, count: int, unique_share: float) -> dict[str, Any]:
    """Write ``count`` resampled postings to ``path``; returns what was written."""
    pool = source_rows()
    rng = random.Random(SEED)
    started = time.perf_counter()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(count):
            title, salary, text = pool[rng.randrange(len(pool))]
            if rng.random() < unique_share:
                title = f"{title} (Req #{i})"
            if i % MALFORMED_EVERY == MALFORMED_EVERY - 1:
                writer.writerow([title])  # one field where the header has three
                continue
            writer.writerow([title, salary, text])
    return {
        "rows": count,
        "source_postings": len(pool),
        "bytes": path.stat().st_size,
        "seconds_to_build": round(time.perf_counter() - started, 1),
        "malformed_rows_planted": count // MALFORMED_EVERY,
    }


def rss_kib(pid: int) -> int:
    """VmRSS of one process in KiB (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def descendants(pid: int) -> list[int]:
    """Child processes of ``pid`` and theirs (the analysis workers)."""
    found = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return []
    for task in tasks:
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found += [child, *descendants(child)]
    return found


def sample(pid: int, started: float) -> dict[str, Any]:
    """Memory of the child and its workers, and the load average, now."""
    workers = descendants(pid)
    parent = rss_kib(pid)
    per_worker = [rss_kib(w) for w in workers]
    return {
        "t": round(time.perf_counter() - started, 2),
        "parent_mib": round(parent / 1024, 1),
        "workers_mib": [round(w / 1024, 1) for w in per_worker],
        "total_mib": round((parent + sum(per_worker)) / 1024, 1),
        "load1": os.getloadavg()[0],
    }


def run_analyze(source: Path, folder: Path, workers: int, interval: float) -> dict[str, Any]:
    """Run the CLI on ``source`` and watch it; its summary plus the memory samples."""
    command = [sys.executable, "-c", CLI, "analyze", str(source), "--out",
               str(folder / "out.parquet"), "--report", str(folder / "report.md"),
               "--format", "json", "--workers", str(workers)]  # fmt: skip
    stderr_path = folder / "stderr.txt"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with stderr_path.open("wb") as stderr:
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, cwd=ROOT)
        samples = []
        while child.poll() is None:
            samples.append(sample(child.pid, started))
            time.sleep(interval)
        stdout = child.stdout.read() if child.stdout else b""
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if child.returncode != 0:
        sys.exit(f"analyze failed ({child.returncode}):\n{stderr_path.read_text()[-3000:]}")
    summary = json.loads(stdout)
    skipped = sum(1 for line in stderr_path.read_text().splitlines() if line.startswith("Skipped"))
    return {
        "summary": summary,
        "samples": samples,
        "wall_seconds": round(wall, 1),
        "cpu_seconds": round(
            (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 1
        ),
        "max_rss_of_a_child_mib": round(after.ru_maxrss / 1024, 1),
        "skipped_lines_on_stderr": skipped,
        "parquet_bytes": (folder / "out.parquet").stat().st_size,
    }


def memory_profile(samples: list[dict[str, Any]]) -> dict[str, Any]:
    """Peak memory, and memory at each tenth of the run (samples after the exit dropped)."""
    samples = [s for s in samples if s["parent_mib"] > 0]
    if not samples:
        return {}
    peak = max(samples, key=lambda s: s["total_mib"])
    tenths = [samples[min(len(samples) - 1, round(k * (len(samples) - 1) / 10))]
              for k in range(1, 11)]  # fmt: skip
    loads = [s["load1"] for s in samples]
    return {
        "peak_total_mib": peak["total_mib"],
        "peak_parent_mib": max(s["parent_mib"] for s in samples),
        "peak_worker_mib": max((w for s in samples for w in s["workers_mib"]), default=0.0),
        "total_mib_at_each_tenth": [s["total_mib"] for s in tenths],
        "parent_mib_at_each_tenth": [s["parent_mib"] for s in tenths],
        "load1_min_mean_max": [min(loads), round(sum(loads) / len(loads), 2), max(loads)],
    }


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return {"nproc": os.cpu_count(), "cpu": model, "python": platform.python_version()}


def save(result: dict[str, Any], keep: int = 3) -> None:
    """Add this run to the results file, keeping the last ``keep`` runs of each size.

    Earlier runs stay because the machine is shared: the same code measured at another load
    average gives another rate, and both belong in the record.
    """
    runs = []
    if RESULTS.exists():
        runs = json.loads(RESULTS.read_text()).get("runs", [])
    key = (result["rows"], result["workers"])
    same = [r for r in runs if (r["rows"], r["workers"]) == key][-(keep - 1) :]
    runs = [r for r in runs if (r["rows"], r["workers"]) != key] + same + [result]
    runs.sort(key=lambda r: (r["rows"], r["workers"], r["measured_at"]))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"runs": runs}, indent=2) + "\n")


def main() -> None:
    """Build the file, run analyze on it while sampling memory, print and save the figures."""
    from aicareers.cli.options import default_workers

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--unique-titles", type=float, default=0.1)
    parser.add_argument("--interval", type=float, default=0.5)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    if not POSTINGS.is_dir():
        sys.exit(f"No job postings under {POSTINGS}.")
    folder = Path(tempfile.mkdtemp(prefix="postings-bench-"))
    try:
        source = folder / "postings.csv"
        built = build_csv(source, args.rows, args.unique_titles)
        print(f"built {built['rows']:,} rows ({built['bytes'] / 2**30:.2f} GiB) in "
              f"{built['seconds_to_build']} s; analysing with {args.workers} worker(s)...",
              flush=True)  # fmt: skip
        load_before = os.getloadavg()
        run = run_analyze(source, folder, args.workers, args.interval)
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    summary = run.pop("summary")
    memory = memory_profile(run.pop("samples"))
    result = {
        "rows": args.rows, "workers": args.workers, "unique_title_share": args.unique_titles,
        "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": machine(), "input": built,
        "rows_per_second": summary["rows_per_second"], "analyse_seconds": summary["seconds"],
        **run, "memory": memory, "load_average_before": [round(v, 2) for v in load_before],
        "rows_analysed": summary["rows"], "salaries": {k: summary["salary"][k]
                                                       for k in ("parsed", "unparsed", "absent")},
        "careers": {c["career"]: c["postings"] for c in summary["careers"]},
    }  # fmt: skip
    save(result)
    print(json.dumps({k: result[k] for k in ("rows", "workers", "rows_per_second",
                                              "wall_seconds", "cpu_seconds", "memory",
                                              "rows_analysed", "skipped_lines_on_stderr",
                                              "load_average_before")}, indent=2))  # fmt: skip
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
