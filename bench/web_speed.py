"""Speed of the web app on one uvicorn worker: career pages and the JSON API under wrk, assess.

    .venv/bin/python bench/web_speed.py [--duration 10] [--connections 32] [--assess 50]

Starts the real app (``uvicorn --factory aicareers.web.app:create_app``, one worker, no
reload, log level warning, no access log) on a free port of 127.0.0.1 with a temporary SQLite
database and data folder (the engine's user cache is the normal one, as after ``make setup``).

(a) ``wrk -t2 -c32 -d10s --latency`` against 127.0.0.1 only, one bounded run per URL:
    /careers, /careers/mlops-engineer and /api/v1/careers, each after a short warm-up.
    Requests/s, latency percentiles, non-2xx answers and socket errors, and the server's own
    CPU seconds over the run (from /proc) so that a number taken beside other jobs can be read.
    Target: career pages >= 1,000 requests/s on one worker.
(b) ``POST /api/v1/assess`` with about-600-word resumes (bench/resume_texts.py, our own
    templates, a different one for every request), JSON ``{"text": ...}``, one request at a
    time with httpx after a warm-up: p50/p95/mean/max over ``--assess`` requests, and the
    server's CPU time per request. Target: p50 <= 100 ms.

wrk and the server share this machine's cores, so the load average (``os.getloadavg()``) is
written beside every number. Writes bench/results/web_speed.json and prints a markdown table.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from resume_texts import template_resumes

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results" / "web_speed.json"
PAGES = ("/careers", "/careers/mlops-engineer", "/api/v1/careers")
# References: the app's cheapest route (all middleware, no template), and a bare FastAPI app
# answering a page of the same size as /careers (the framework's ceiling on this machine).
REFERENCE_PAGES = ("/healthz",)
FLOOR_PAGES = ("/sync", "/async")
FLOOR_BYTES = 24_000
TARGET_RPS = 1000
TARGET_ASSESS_P50_MS = 100
CLK_TCK = os.sysconf("SC_CLK_TCK")


def loadavg() -> list[float]:
    """The 1, 5 and 15-minute load averages."""
    return [round(x, 2) for x in os.getloadavg()]


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used so far (from /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    )  # fmt: skip
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False)
    return {
        "nproc": os.cpu_count(),
        "affinity": len(os.sched_getaffinity(0)),
        "cpu_model": model,
        "python": platform.python_version(),
        "uvicorn_http": "httptools" if importlib.util.find_spec("httptools") else "h11",
        "uvicorn_loop": "uvloop" if importlib.util.find_spec("uvloop") else "asyncio",
        "wrk": (wrk.stdout or wrk.stderr).splitlines()[0] if (wrk.stdout or wrk.stderr) else "",
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
    }


# ------------------------------------------------------------------------------ the server


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def floor_app() -> Any:
    """A bare FastAPI app with a sync and an async route answering the same fixed page."""
    from fastapi import FastAPI
    from fastapi.responses import HTMLResponse

    app = FastAPI()
    body = "<!doctype html><title>floor</title>" + "<p>x</p>" * ((FLOOR_BYTES - 40) // 8)

    @app.get("/sync")
    def sync_page() -> HTMLResponse:
        return HTMLResponse(body)

    @app.get("/async")
    async def async_page() -> HTMLResponse:
        return HTMLResponse(body)

    return app


@contextmanager
def server(factory: str = "aicareers.web.app:create_app") -> Iterator[tuple[str, int]]:
    """The app on one uvicorn worker; yields (base URL, server pid)."""
    with tempfile.TemporaryDirectory(prefix="aicareers-web-speed-") as tmp:
        env = dict(os.environ)
        env.update(
            AICAREERS_DATABASE_URL=f"sqlite:///{tmp}/web.db",
            AICAREERS_DATA_DIR=tmp,
            AICAREERS_SECRET_KEY="web-speed-bench",
        )
        port = free_port()
        command = [
            sys.executable, "-m", "uvicorn", "--app-dir", str(Path(__file__).parent),
            "--factory", factory, "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
            "--log-level", "warning", "--no-access-log",
        ]  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        with launched(command, env, Path(tmp) / "server.log", url) as pid:
            yield url, pid


@contextmanager
def launched(
    command: list[str],
    env: dict[str, str],
    log: Path,
    url: str,
    ready_timeout: float = 60,
    stop_timeout: float = 10,
) -> Iterator[int]:
    """Run a server command (output to ``log``) until it answers at ``url``; yield its pid."""
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)
    try:
        wait_ready(url, process, log, timeout=ready_timeout)
        yield process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=stop_timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_ready(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 60) -> None:
    """Wait until the app answers; exit with its log if it dies or never answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"the app exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(url + "/", timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    sys.exit(f"the app did not answer within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


# ------------------------------------------------------------------------------ (a) wrk

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def to_ms(text: str) -> float:
    """wrk's '1.23ms' / '850.00us' / '1.02s' as milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return round(float(match.group(1)) * UNITS[match.group(2)], 3)


def parse_wrk(out: str) -> dict[str, Any]:
    """Requests/s, latency (mean, stdev, max, percentiles), totals and errors from wrk --latency."""
    result: dict[str, Any] = {}
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    result["requests_per_s"] = round(float(rps.group(1)), 1) if rps else None
    lat = re.search(r"Latency\s+(\S+)\s+(\S+)\s+(\S+)", out)
    if lat:
        result["latency_ms"] = {
            "mean": to_ms(lat.group(1)), "stdev": to_ms(lat.group(2)), "max": to_ms(lat.group(3)),
        }  # fmt: skip
    for pct, value in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)$", out, re.MULTILINE):
        result.setdefault("latency_ms", {})[f"p{pct}"] = to_ms(value)
    total = re.search(r"(\d+) requests in ([\d.]+\w+), ([\d.]+\w+) read", out)
    if total:
        result["requests"] = int(total.group(1))
        result["read"] = total.group(3)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    result["non_2xx_3xx"] = int(non2xx.group(1)) if non2xx else 0
    errors = re.search(r"Socket errors: (.+)", out)
    result["socket_errors"] = errors.group(1).strip() if errors else "none"
    return result


def wrk_run(url: str, pid: int, args: argparse.Namespace) -> dict[str, Any]:
    """One bounded wrk run against ``url``, with the server's CPU time and the load around it."""
    command = [
        "wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s",
        "--timeout", "5s", "--latency", url,
    ]  # fmt: skip
    load_before, cpu_before = loadavg(), cpu_seconds(pid)
    wall = time.perf_counter()
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=args.duration + 60, check=False
    )
    wall = time.perf_counter() - wall
    if done.returncode != 0:
        sys.exit(f"wrk failed ({done.returncode}): {done.stderr}")
    result = parse_wrk(done.stdout)
    server_cpu = cpu_seconds(pid) - cpu_before
    result.update(
        command=" ".join(command),
        wall_s=round(wall, 2),
        server_cpu_s=round(server_cpu, 2),
        server_cpu_share=round(server_cpu / wall, 2),
        requests_per_server_cpu_s=(
            round(result["requests"] / server_cpu, 1)
            if server_cpu and "requests" in result
            else None
        ),
        load_before=load_before,
        load_after=loadavg(),
        meets_target=(result["requests_per_s"] or 0) >= TARGET_RPS,
    )
    return result


def check_page(client: httpx.Client, path: str) -> dict[str, Any]:
    """Warm ``path`` up (20 GETs) and say what it answers: status, type and size."""
    for _ in range(20):
        response = client.get(path)
    return {
        "status": response.status_code,
        "content_type": response.headers.get("content-type", ""),
        "bytes": len(response.content),
    }


# ------------------------------------------------------------------------------ (b) assess


def percentile(values: list[float], q: float) -> float:
    """The q-quantile (0..1) by linear interpolation, like numpy's default."""
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def assess_run(url: str, pid: int, requests: int, warmup: int) -> dict[str, Any]:
    """p50/p95 of POST /api/v1/assess with 600-word resumes, one at a time, after a warm-up."""
    # Every request sends a different resume, so no cache (the encoder's, say) answers twice.
    warmup = max(1, warmup)
    texts = template_resumes(warmup + requests)
    with httpx.Client(base_url=url, timeout=60) as client:
        for text in texts[:warmup]:
            first = client.post("/api/v1/assess", json={"text": text})
        if first.status_code != 200:
            return {"error": f"status {first.status_code}: {first.text[:300]}"}
        body = first.json()
        load_before, cpu_before = loadavg(), cpu_seconds(pid)
        times, statuses = [], set()
        for text in texts[warmup:]:
            start = time.perf_counter()
            response = client.post("/api/v1/assess", json={"text": text})
            times.append((time.perf_counter() - start) * 1000)
            statuses.add(response.status_code)
        server_cpu = cpu_seconds(pid) - cpu_before
    ms = [round(t, 2) for t in times]
    return {
        "requests": requests,
        "warmup": warmup,
        "distinct_texts": len(set(texts)),
        "mean_words": round(statistics.mean(len(t.split()) for t in texts)),
        "statuses": sorted(statuses),
        "response_keys": sorted(body)[:12] if isinstance(body, dict) else type(body).__name__,
        "p50_ms": round(percentile(ms, 0.5), 1),
        "p95_ms": round(percentile(ms, 0.95), 1),
        "mean_ms": round(statistics.mean(ms), 1),
        "min_ms": round(min(ms), 1),
        "max_ms": round(max(ms), 1),
        "server_cpu_ms_per_request": round(server_cpu * 1000 / requests, 1),
        "load_before": load_before,
        "load_after": loadavg(),
        "meets_target": percentile(ms, 0.5) <= TARGET_ASSESS_P50_MS,
    }


# ------------------------------------------------------------------------------ report


def table(result: dict[str, Any]) -> str:
    """The markdown table that docs/web.md quotes."""
    rows = [
        "| measure | value | latency | server CPU | load avg (1 min) before/after |",
        "|---|---|---|---|---|",
    ]
    runs = [*result["wrk"].items(), *((f"({k})", v) for k, v in result["reference"].items())]
    for path, run in runs:
        lat = run.get("latency_ms", {})
        rows.append(
            f"| wrk {path} | {run['requests_per_s']:,} req/s | p50 {lat.get('p50')} ms, "
            f"p99 {lat.get('p99')} ms | {run['server_cpu_share']} cores, "
            f"{run['requests_per_server_cpu_s']} req per CPU-s | "
            f"{run['load_before'][0]} / {run['load_after'][0]} |"
        )
    a = result["assess"]
    if "error" in a:
        rows.append(f"| POST /api/v1/assess | {a['error']} | | | |")
    else:
        rows.append(
            f"| POST /api/v1/assess ({a['mean_words']} words) | {a['requests']} requests | "
            f"p50 {a['p50_ms']} ms, p95 {a['p95_ms']} ms | "
            f"{a['server_cpu_ms_per_request']} ms CPU each | "
            f"{a['load_before'][0]} / {a['load_after'][0]} |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--assess", type=int, default=50, help="timed assess requests")
    parser.add_argument("--warmup", type=int, default=5, help="assess requests before timing")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install -y wrk)")
    result: dict[str, Any] = {"machine": machine(), "targets": {
        "career_pages_requests_per_s": TARGET_RPS, "assess_p50_ms": TARGET_ASSESS_P50_MS,
    }}  # fmt: skip
    result["wrk"], result["reference"] = {}, {}
    with server("web_speed:floor_app") as (url, pid):
        for path in FLOOR_PAGES:
            with httpx.Client(base_url=url, timeout=30) as client:
                check_page(client, path)
            result["reference"][f"bare FastAPI {path}"] = wrk_run(url + path, pid, args)
            print(f"done: wrk bare FastAPI {path}", file=sys.stderr, flush=True)
    with server() as (url, pid):
        with httpx.Client(base_url=url, timeout=30) as client:
            result["pages"] = {path: check_page(client, path) for path in PAGES + REFERENCE_PAGES}
        for path in REFERENCE_PAGES:
            result["reference"][f"app {path}"] = wrk_run(url + path, pid, args)
            print(f"done: wrk {path}", file=sys.stderr, flush=True)
        for path in PAGES:
            result["wrk"][path] = wrk_run(url + path, pid, args)
            print(f"done: wrk {path}", file=sys.stderr, flush=True)
        result["assess"] = assess_run(url, pid, args.assess, args.warmup)
        result["server_peak_rss_mb"] = peak_rss_mb(pid)
    args.out.parent.mkdir(exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(table(result))


def peak_rss_mb(pid: int) -> float | None:
    """The server's peak resident set size (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


if __name__ == "__main__":
    main()
