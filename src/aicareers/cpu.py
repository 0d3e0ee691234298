"""How many CPU cores this process may use (its affinity, where the OS tells)."""

from __future__ import annotations

import os


def usable_cores() -> int:
    """The cores this process may run on; at least 1."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)
