"""Throughput of ``POST /api/v1/assess`` under concurrent clients, through ``aicareers serve``.

    .venv/bin/python bench/assess_load.py [--workers N] [--clients 50] [--duration 20]

Starts the real command (``python -m aicareers serve --port P [--workers N]``) with a temporary
SQLite database and data folder, waits until it answers, warms every worker up, then runs
``--clients`` asyncio clients (httpx, one connection each) that post about-600-word resumes
(bench/resume_texts.py, a different one per request) as JSON ``{"text": ...}`` back to back for
``--duration`` seconds. Prints requests/s, p50/p99 latency, the statuses seen and the load
average; ``--out`` writes the same as JSON. wrk is not needed: the clients are Python, so they
share the machine's cores with the server (the load average is printed beside the figure).
With ``--upload PATH`` each request uploads that file (multipart) instead of posting text.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from resume_texts import template_resumes
from web_speed import free_port, launched, percentile

URL = "/api/v1/assess"


@contextmanager
def serving(workers: int | None) -> Iterator[str]:
    """``aicareers serve`` on a free port of 127.0.0.1; yields its base URL."""
    with tempfile.TemporaryDirectory(prefix="aicareers-assess-load-") as tmp:
        env = dict(os.environ)
        env.update(AICAREERS_DATABASE_URL=f"sqlite:///{tmp}/web.db", AICAREERS_DATA_DIR=tmp,
                   AICAREERS_SECRET_KEY="assess-load-bench")  # fmt: skip
        port = free_port()
        command = [sys.executable, "-m", "aicareers", "serve", "--port", str(port)]
        if workers is not None:
            command += ["--workers", str(workers)]
        url = f"http://127.0.0.1:{port}"
        log = Path(tmp) / "server.log"
        with launched(command, env, log, url, ready_timeout=120, stop_timeout=20):
            yield url


def request_for(args: argparse.Namespace, text: str) -> dict[str, Any]:
    """The keyword arguments of one POST: the upload when asked, else the JSON text."""
    if args.upload is not None:
        return {"files": {"file": (args.upload.name, args.upload.read_bytes())}}
    return {"json": {"text": text}}


async def client_loop(
    client: httpx.AsyncClient, args: argparse.Namespace, texts: list[str], start: int,
    until: float, seen: Counter[int], times: list[float],
) -> None:  # fmt: skip
    """One client: post back to back until ``until`` (monotonic), recording status and time."""
    i = start
    while time.monotonic() < until:
        began = time.perf_counter()
        try:
            answer = await client.post(URL, **request_for(args, texts[i % len(texts)]))
            seen[answer.status_code] += 1
        except httpx.HTTPError:
            seen[0] += 1  # 0: a transport error or a timeout
        times.append((time.perf_counter() - began) * 1000)
        i += args.clients


async def load(url: str, args: argparse.Namespace) -> dict[str, Any]:
    """Warm up, then ``args.clients`` clients for ``args.duration`` seconds."""
    texts = template_resumes(400)
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        # Enough warm-up requests, at once, that every worker has loaded its engine.
        warm = await asyncio.gather(*(client.post(URL, **request_for(args, t))
                                      for t in texts[: 4 * args.clients // 5 or 1]))  # fmt: skip
        if any(a.status_code != 200 for a in warm):
            bad = next(a for a in warm if a.status_code != 200)
            return {"error": f"warm-up answered {bad.status_code}: {bad.text[:300]}"}
        seen: Counter[int] = Counter()
        times: list[float] = []
        load_before = os.getloadavg()[0]
        began = time.monotonic()
        until = began + args.duration
        await asyncio.gather(*(client_loop(client, args, texts, k, until, seen, times)
                               for k in range(args.clients)))  # fmt: skip
        wall = time.monotonic() - began
    return {
        "requests": len(times),
        "requests_per_s": round(len(times) / wall, 1),
        "p50_ms": round(percentile(times, 0.5), 1),
        "p99_ms": round(percentile(times, 0.99), 1),
        "statuses": {str(k): v for k, v in sorted(seen.items())},
        "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=None, help="default: serve's default")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=20)
    parser.add_argument("--upload", type=Path, default=None, help="upload this file instead")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    with serving(args.workers) as url:
        measured = asyncio.run(load(url, args))
    cores = len(os.sched_getaffinity(0))
    result = {"workers": args.workers or "default", "clients": args.clients, "cores": cores,
              **measured}  # fmt: skip
    print(json.dumps(result, indent=2))
    if args.out is not None:
        args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
