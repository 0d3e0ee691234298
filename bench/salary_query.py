"""Measure salary queries: cold load, and warm query latency for several query shapes.

Cold: a fresh process imports aicareers.market, reads the Parquet and the title map and
answers one query (what ``aicareers salaries`` pays before printing). Warm: the same process
answers each query shape many times; p50 and p95 are reported. DuckDB over the same Parquet
(loaded into an in-memory table) is timed on the same shapes for comparison when it is
installed. Results go to ``bench/results/salary_query.json``.

    .venv/bin/python bench/salary_query.py [--runs 200] [--cold 7]
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
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "salary_query.json"
PARQUET = ROOT / "src" / "aicareers" / "market" / "data" / "salaries.parquet"
# name: (filters, group_by); every shape also computes the trend by year.
SHAPES: dict[str, tuple[dict[str, Any], str | None]] = {
    "all rows": ({}, None),
    "career": ({"career": "mlops-engineer"}, None),
    "career + level + country": ({"career": "data-scientist", "level": "SE", "country": "US"},
                                 None),
    "job title (case-insensitive)": ({"job_title": "machine learning engineer"}, None),
    "career, group by level": ({"career": "ml-engineer"}, "level"),
    "all rows, group by country": ({}, "country"),
    "all rows, group by year": ({}, "year"),
    "remote + year": ({"remote": 100, "year": 2024}, None),
}  # fmt: skip
COLD = (
    "import time; t=time.perf_counter();"
    "from aicareers.market.filters import SalaryFilters;"
    "from aicareers.market.report import salary_report;"
    "salary_report(SalaryFilters(career='mlops-engineer'));"
    "print(time.perf_counter()-t)"
)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile of timings."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(run: Any, runs: int) -> dict[str, float]:
    """p50, p95 and max wall milliseconds of ``runs`` calls (after one warm-up call), and the
    p50 of CPU milliseconds, which moves much less than wall time when the machine is shared."""
    run()
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return {
        "p50_ms": round(statistics.median(walls), 3),
        "p95_ms": round(percentile(walls, 0.95), 3),
        "max_ms": round(max(walls), 3),
        "cpu_p50_ms": round(statistics.median(cpus), 3),
    }


def cold(runs: int) -> dict[str, float]:
    """Seconds from a fresh interpreter to the first answer (imports, read, query)."""
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", COLD], capture_output=True, check=True)
        times.append(float(out.stdout))
    return {"p50_s": round(statistics.median(times), 3), "max_s": round(max(times), 3)}


def warm_numpy(runs: int) -> dict[str, dict[str, float]]:
    """Warm timings of the shipped implementation (numpy over the loaded arrays)."""
    from aicareers.market.filters import SalaryFilters
    from aicareers.market.hubs import hubs_report
    from aicareers.market.report import salary_report

    found = {}
    for name, (filters, group_by) in SHAPES.items():
        query = SalaryFilters(**filters)
        found[name] = timed(lambda q=query, g=group_by: salary_report(q, g), runs)  # type: ignore[misc]
    found["hubs --from-data"] = timed(hubs_report, max(20, runs // 10))
    return found


def duckdb_where(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    """The WHERE clause and parameters of a shape, for the DuckDB comparison."""
    columns = {
        "career": "role = ?", "job_title": "lower(job_title) = lower(?)",
        "level": "experience_level = ?", "country": "company_location = ?",
        "remote": "remote_ratio = ?", "year": "work_year = ?",
    }  # fmt: skip
    clauses = [columns[key] for key in filters]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", list(filters.values())


def duckdb_queries(filters: dict[str, Any], group_by: str | None) -> list[tuple[str, list[Any]]]:
    """Summary, trend (without the year filter) and groups, as the shipped code computes."""
    quantiles = "quantile_cont(salary_in_usd, [0.1, 0.25, 0.5, 0.75, 0.9])"
    stats = f"count(*), {quantiles}, avg(salary_in_usd)"
    where, params = duckdb_where(filters)
    trend_where, trend_params = duckdb_where({k: v for k, v in filters.items() if k != "year"})
    queries = [
        (f"SELECT {stats} FROM r{where}", params),
        (f"SELECT work_year, count(*), median(salary_in_usd) FROM r{trend_where} GROUP BY 1",
         trend_params),
    ]  # fmt: skip
    if group_by:
        column = {"level": "experience_level", "country": "company_location",
                  "year": "work_year", "remote": "remote_ratio"}[group_by]  # fmt: skip
        queries.append((f"SELECT {column}, {stats} FROM r{where} GROUP BY 1", params))
    return queries


def warm_duckdb(runs: int) -> dict[str, Any] | None:
    """The same shapes in DuckDB over an in-memory copy of the Parquet, role column joined."""
    try:
        import duckdb
    except ImportError:
        return None
    from aicareers.market.titles import load_title_map

    title_map = load_title_map()
    con = duckdb.connect()
    con.execute(f"CREATE TABLE s AS SELECT * FROM read_parquet('{PARQUET}')")
    titles = [row[0] for row in con.execute("SELECT DISTINCT job_title FROM s").fetchall()]
    con.execute("CREATE TABLE roles (job_title VARCHAR, role VARCHAR)")
    con.executemany("INSERT INTO roles VALUES (?, ?)", [(t, title_map.role_of(t)) for t in titles])
    con.execute("CREATE TABLE r AS SELECT s.*, roles.role FROM s JOIN roles USING (job_title)")
    found: dict[str, Any] = {"version": duckdb.__version__, "threads": 1}
    con.execute("SET threads = 1")  # like numpy here: one core, on a shared 2-core machine
    for name, (filters, group_by) in SHAPES.items():
        queries = duckdb_queries(filters, group_by)
        found[name] = timed(
            lambda qs=queries: [con.execute(q, p).fetchall() for q, p in qs],
            runs,  # type: ignore[misc]
        )
    return found


def main() -> None:
    """Run everything, print a Markdown table and write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--cold", type=int, default=7)
    args = parser.parse_args()
    load_before = os.getloadavg()
    result: dict[str, Any] = {
        "when_utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "processor": platform.processor() or platform.machine()},
        "load_average_before": [round(x, 2) for x in load_before],
        "cold_first_answer": cold(args.cold),
        "warm_numpy": warm_numpy(args.runs),
        "warm_duckdb": warm_duckdb(args.runs),
    }  # fmt: skip
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print_table(result)


def print_table(result: dict[str, Any]) -> None:
    """The results as a Markdown table."""
    print(f"load average {result['load_average_before']} -> {result['load_average_after']}")
    print(f"cold (fresh process to first answer): {result['cold_first_answer']}")
    duck = result["warm_duckdb"] or {}
    print("| query | p50 | p95 | CPU p50 | DuckDB p50 | DuckDB p95 |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, numbers in result["warm_numpy"].items():
        other = duck.get(name, {})
        print(f"| {name} | {numbers['p50_ms']} ms | {numbers['p95_ms']} ms | "
              f"{numbers['cpu_p50_ms']} ms | {other.get('p50_ms', '-')} ms | "
              f"{other.get('p95_ms', '-')} ms |")  # fmt: skip


if __name__ == "__main__":
    main()
