"""Measure local-pay queries (issue 16): the wage survey's load and warm query latency.

Cold: a fresh process loads the wage part of the artifact and answers one lookup. Warm, in one
process, many times each: one occupation in one state (``Wages.row``), a career's base
occupations in a state (the survey part of a career page), and the whole ``career_pay`` (the
three sources, job links included: what the page and ``salaries --career ID --state XX`` ask).
p50 and p95 go to ``bench/results/local_pay.json``.

    .venv/bin/python bench/local_pay.py [--runs 500] [--cold 5]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "local_pay.json"
COLD = (
    "import time; t = time.perf_counter(); "
    "from aicareers.taxonomy.wages import load_wages; load_wages().row('29-1141', 'OH'); "
    "print(time.perf_counter() - t)"
)


def timed(fn: Callable[[], object], runs: int) -> dict[str, float]:
    fn()  # warm
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 3),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 3)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--cold", type=int, default=5)
    args = parser.parse_args()
    from aicareers.knowledge.space import default_space
    from aicareers.market.local_pay import base_occupations
    from aicareers.service.pay import career_pay
    from aicareers.taxonomy.wages import load_wages

    cold = [float(subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True,
                                 check=True).stdout) * 1000 for _ in range(args.cold)]  # fmt: skip
    wages = load_wages()
    target = next(t for t in default_space() if t.career == "ai-assisted-healthcare-coordinator")
    warm = {
        "one occupation in one state": timed(lambda: wages.row("29-1141", "OH"), args.runs),
        "a career's base occupations in a state": timed(
            lambda: base_occupations(target, wages, "TX"), args.runs),
        "career_pay (three sources + links), state": timed(
            lambda: career_pay("ai-assisted-healthcare-coordinator", "TX"), args.runs),
        "career_pay, another country (Germany)": timed(
            lambda: career_pay("ai-assisted-healthcare-coordinator", "Germany"), args.runs),
    }  # fmt: skip
    result = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "runs": args.runs,
        "cold_load_and_first_lookup_ms": {
            "median": round(statistics.median(cold), 1), "runs": args.cold
        },
        "warm": warm,
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
