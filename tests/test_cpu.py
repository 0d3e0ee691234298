"""numpy's BLAS gets one thread unless the user chose otherwise (see aicareers/cpu.py)."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = "import os, aicareers; print(os.environ['OPENBLAS_NUM_THREADS'])"


def probe(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env={**clean, **env}, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    return out.stdout.strip()


def test_one_blas_thread_by_default() -> None:
    assert probe() == "1"


def test_a_users_choice_is_kept() -> None:
    assert probe(OPENBLAS_NUM_THREADS="4") == "4"
