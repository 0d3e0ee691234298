"""The hostile files of issue 13 uploaded to a real server (``aicareers serve`` in its own process).

Each gets its answer (never a hang: reads are cut at 5 s inside the reader; the bound here only
catches a read that escaped that limit, so it leaves room for the assessment after the read and
for a busy machine, and is not a speed test), the server's memory grows by less than 300 MB over
the whole run, and a normal page keeps being answered while the uploads are read. The files
are made at test time (tests/hostile_files.py).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .hostile_files import MAKERS

# The reader's own limit is 5 s (AICAREERS_READ_SECONDS); a file read in part is then assessed,
# which on a loaded 2-core machine took 5.1 s once: six times the limit still catches a hang.
SAFETY_SECONDS = 30.0
EXTRA_MB = 300
# Read in part rather than refused: the answer is a ranking whose notes say what was left out.
READ_IN_PART = {"long-text", "pdf-under-the-caps"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _memory_mb(pid: int, field: str) -> float:
    """VmRSS or VmHWM (peak) of a process, in MB (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no {field} for {pid}")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """``aicareers serve`` on a free port with one worker; its base URL and process id."""
    port = _free_port()
    env = {**os.environ, "AICAREERS_DATA_DIR": str(tmp_path_factory.mktemp("served"))}
    command = [sys.executable, "-m", "aicareers", "serve", "--port", str(port), "--workers", "1"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(url + "/careers", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise AssertionError("the server did not start")
        yield url, process.pid
    finally:
        process.terminate()
        process.wait(10)


def _upload(url: str, name: str) -> tuple[httpx.Response, float]:
    filename, data = MAKERS[name]()
    started = time.perf_counter()
    answer = httpx.post(url + "/api/v1/assess", files={"file": (filename, data)}, timeout=60)
    return answer, time.perf_counter() - started


def test_hostile_uploads_are_answered_in_time_in_bounded_memory_and_pages_go_on(
    served: tuple[str, int],
) -> None:
    url, pid = served
    warm = httpx.post(url + "/api/v1/assess", json={"title": "Registered nurse"}, timeout=60)
    assert warm.status_code == 200  # the engine is loaded: the baseline includes it
    baseline = _memory_mb(pid, "VmRSS")
    pages: list[int] = []
    stop = threading.Event()

    def browse() -> None:
        while not stop.is_set():
            pages.append(httpx.get(url + "/careers", timeout=10).status_code)

    browser = threading.Thread(target=browse)
    browser.start()
    try:
        for name in MAKERS:
            answer, seconds = _upload(url, name)
            assert seconds < SAFETY_SECONDS, (name, seconds)
            if name in READ_IN_PART:
                assert answer.status_code == 200, (name, answer.text[:300])
                assert answer.json()["profile"]["notes"], name
            else:
                assert 400 <= answer.status_code < 500, (name, answer.status_code)
                assert answer.json()["error"]["message"], name
    finally:
        stop.set()
        browser.join(15)
    assert pages
    assert set(pages) == {200}
    assert _memory_mb(pid, "VmHWM") - baseline < EXTRA_MB
