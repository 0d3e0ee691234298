"""Compare two checkouts on the three speeds a refactor must keep: cold start, assess, web.

    .venv/bin/python bench/tree_speed.py --tree before=/tmp/before --tree after=. [--rounds 3]

Every tree runs on this venv's interpreter and dependencies with ``PYTHONPATH=TREE/src``, so
only aicareers' own code differs. The trees take turns (A, B, A, B, ...) so that a change in
the machine's load hits both alike; the load average is written beside every round.

- cold start: ``python -m aicareers careers list``, fresh processes, wall time.
- warm assessment: ``aicareers.assess(text=...)`` (the whole public path: intake, engine,
  report) on bench/resume_texts.py's template resumes, after a warm-up pass.
- web: one uvicorn worker (as bench/web_speed.py starts it), ``wrk`` on ``/careers`` and
  ``/careers/mlops-engineer``, and ``POST /api/v1/assess`` one request at a time.

Writes bench/results/tree_speed.json (or --out) and prints a table of medians over the rounds.
Run it on a quiet machine: anything else running (tests, a build) swings the web figures by
15 % between rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "tree_speed.json"

WARM = """
import json, statistics, sys, time
sys.path.insert(0, {bench!r})
import aicareers
from resume_texts import template_resumes
texts = template_resumes(20)
for text in texts:
    aicareers.assess(text=text)
times = []
for _ in range({repeats}):
    for text in texts:
        start = time.perf_counter()
        aicareers.assess(text=text)
        times.append((time.perf_counter() - start) * 1000)
print(json.dumps({{"p50_ms": statistics.median(times), "n": len(times)}}))
"""


def tree_env(tree: Path) -> dict[str, str]:
    """This interpreter, with ``tree``'s aicareers first on the path."""
    return {**os.environ, "PYTHONPATH": str(tree / "src")}


def cold_start(tree: Path, runs: int) -> float:
    """Median wall seconds of ``python -m aicareers careers list`` in fresh processes."""
    argv = [sys.executable, "-m", "aicareers", "careers", "list"]
    subprocess.run(argv, env=tree_env(tree), check=True, capture_output=True)  # warm the cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=tree_env(tree), check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def warm_assess(tree: Path, repeats: int) -> float:
    """Median milliseconds of a warm ``aicareers.assess`` on template resumes."""
    code = WARM.format(bench=str(HERE), repeats=repeats)
    done = subprocess.run(
        [sys.executable, "-c", code], env=tree_env(tree), check=True, capture_output=True, text=True
    )
    return float(json.loads(done.stdout.strip().splitlines()[-1])["p50_ms"])


def web(tree: Path, duration: int) -> dict[str, float]:
    """Requests/s of two career pages under wrk, and the p50 of POST /api/v1/assess."""
    sys.path.insert(0, str(HERE))
    import web_speed  # the same server setup as the web benchmark

    saved = dict(os.environ)
    os.environ.update(tree_env(tree))
    try:
        options = argparse.Namespace(threads=2, connections=32, duration=duration)
        with web_speed.server() as (url, pid):
            result = {}
            for page in ("/careers", "/careers/mlops-engineer"):
                warmup = argparse.Namespace(threads=2, connections=32, duration=2)
                web_speed.wrk_run(url + page, pid, warmup)
                run = web_speed.wrk_run(url + page, pid, options)
                result[page] = run["requests_per_s"]
                # Requests per second of the server's own CPU: steadier on a shared machine.
                result[f"{page} per CPU-s"] = run["requests_per_server_cpu_s"]
            timed = web_speed.assess_run(url, pid, 30, 5)
            result["POST /api/v1/assess p50 ms"] = timed["p50_ms"]
            return result
    finally:
        os.environ.clear()
        os.environ.update(saved)


def main() -> None:
    """Measure every tree, taking turns, and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", required=True, help="LABEL=PATH")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--runs", type=int, default=15, help="cold starts per round")
    parser.add_argument("--repeats", type=int, default=5, help="warm passes over 20 resumes")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--web-only", action="store_true", help="skip cold start and assess")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results file to write")
    args = parser.parse_args()
    pairs = (given.partition("=") for given in args.tree)
    trees = {label: Path(path).resolve() for label, _, path in pairs}
    rounds: list[dict[str, Any]] = []
    for number in range(args.rounds):
        for label, tree in trees.items():
            row = {"round": number, "tree": label, "load_before": os.getloadavg()[0]}
            if not args.web_only:
                row["cold_start_s"] = cold_start(tree, args.runs)
                row["warm_assess_ms"] = warm_assess(tree, args.repeats)
            row.update(web(tree, args.duration))
            row["load_after"] = os.getloadavg()[0]
            print(json.dumps(row), flush=True)
            rounds.append(row)
    keys = [k for k in rounds[0] if k not in ("round", "tree", "load_before", "load_after")]
    summary = {
        label: {k: statistics.median(r[k] for r in rounds if r["tree"] == label) for k in keys}
        for label in trees
    }
    args.out.write_text(json.dumps({"rounds": rounds, "median": summary}, indent=1) + "\n")
    print("| measure | " + " | ".join(trees) + " |")
    print("| --- |" + " --- |" * len(trees))
    for key in keys:
        print(f"| {key} | " + " | ".join(f"{summary[t][key]:.3f}" for t in trees) + " |")


if __name__ == "__main__":
    main()
