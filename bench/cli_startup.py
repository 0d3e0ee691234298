"""Measure how fast ``aicareers careers list`` starts from cold, and which imports cost most.

Each run is a fresh process, so every run pays for interpreter start-up, imports and reading
the catalog, exactly as a person typing the command does. Results go to
``bench/results/cli_startup.json`` and are printed as a Markdown table.

    .venv/bin/python bench/cli_startup.py [--runs 30]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "cli_startup.json"
COMMANDS = {
    "careers list": ["careers", "list"],
    "careers list --format json": ["careers", "list", "--format", "json"],
}
IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")


def executable() -> Path:
    """The installed ``aicareers`` script next to the running interpreter."""
    script = Path(sys.executable).with_name("aicareers")
    if not script.exists():
        raise SystemExit(f"{script} is missing: run `make setup` first.")
    return script


def env() -> dict[str, str]:
    """The environment of a pipe: no colour and a fixed width."""
    return {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}


def time_runs(argv: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU (user + system) seconds of ``runs`` cold runs of ``argv``.

    CPU time is reported too because it barely moves when other work shares the machine,
    while wall time does.
    """
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env())
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` fall (nearest rank)."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(fraction * len(ordered)) - 1))
    return ordered[index]


def import_top(args: list[str], top: int = 10) -> list[dict[str, object]]:
    """The ``top`` imports by their own time (microseconds), from ``-X importtime``."""
    argv = [sys.executable, "-X", "importtime", "-m", "aicareers", *args]
    done = subprocess.run(argv, capture_output=True, text=True, check=True, env=env())
    rows = []
    for line in done.stderr.splitlines():
        match = IMPORT_LINE.match(line)
        if match:
            own, cumulative, indent, name = match.groups()
            rows.append(
                {
                    "module": name,
                    "self_us": int(own),
                    "cumulative_us": int(cumulative),
                    "depth": len(indent) // 2,
                }
            )
    rows.sort(key=lambda row: -int(str(row["self_us"])))
    return rows[:top]


def main() -> None:
    """Run the benchmark, write the results file and print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="cold runs per command")
    runs = parser.parse_args().runs
    script = executable()
    subprocess.run([str(script), "careers", "list"], check=True, stdout=subprocess.DEVNULL)
    results: dict[str, object] = {
        "runs": runs,
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
    commands: dict[str, dict[str, float]] = {}
    table = [
        "| command | p50 (s) | p95 (s) | max (s) | CPU p50 (s) |",
        "|---|---|---|---|---|",
    ]
    # The bare interpreter is the floor no command can beat; it puts the others in context.
    argvs = {label: [str(script), *args] for label, args in COMMANDS.items()}
    argvs["(python -c pass, for reference)"] = [sys.executable, "-c", "pass"]
    for label, argv in argvs.items():
        walls, cpus = time_runs(argv, runs)
        stats = {
            "p50_s": round(statistics.median(walls), 4),
            "p95_s": round(percentile(walls, 0.95), 4),
            "max_s": round(max(walls), 4),
            "cpu_p50_s": round(statistics.median(cpus), 4),
        }
        commands[label] = stats
        name = f"`aicareers {label}`" if label in COMMANDS else label
        cells = [stats[key] for key in ("p50_s", "p95_s", "max_s", "cpu_p50_s")]
        table.append(f"| {name} | " + " | ".join(f"{cell:.3f}" for cell in cells) + " |")
    results["commands"] = commands
    top = import_top(["careers", "list"])
    results["top_imports_careers_list"] = top
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(
        f"Cold start over {runs} runs ({results['machine']}, Python {results['python']}, "
        f"load average {results['load_average_1min']} at the start)\n"
    )
    print("\n".join(table))
    print("\nTop 10 imports of `aicareers careers list` by own time\n")
    print("| module | self (ms) | cumulative (ms) |\n|---|---|---|")
    for row in top:
        own, cumulative = int(str(row["self_us"])), int(str(row["cumulative_us"]))
        print(f"| {row['module']} | {own / 1000:.1f} | {cumulative / 1000:.1f} |")
    print(f"\nWritten to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
