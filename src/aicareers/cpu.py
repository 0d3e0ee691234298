"""How many CPU cores this process may use (its affinity, where the OS tells)."""

from __future__ import annotations

import os


def usable_cores() -> int:
    """The cores this process may run on; at least 1."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


# numpy's BLAS (OpenBLAS) starts a thread per core for every matrix product. Ours are small
# (a few sentences against 1,016 occupations or 85 skills): a second thread halves nothing but
# doubles the CPU an assessment burns (53.7 -> 28.6 ms of CPU per text with one thread, and
# batch on 2 workers 31.8 -> 70.3 texts/s: docs/benchmarks.md, issue 12).
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def single_threaded_blas() -> None:
    """Ask numpy's BLAS for one thread, unless the user chose a number; before numpy loads."""
    for name in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
