"""Failed sign-ins counted in a sliding window, per e-mail and address, in memory.

One process keeps its own counts (a restart forgets them); with several workers each
enforces the limit, so an attacker gets at most ``workers x limit`` tries per window.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable


class SlidingWindow:
    """At most ``limit`` failures per key in any ``window`` seconds."""

    def __init__(
        self, limit: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._hits: dict[Hashable, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: Hashable, now: float) -> deque[float]:
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        return hits

    def retry_after(self, key: Hashable) -> int | None:
        """Seconds until ``key`` may try again; None when it may try now."""
        with self._lock:
            now = self.clock()
            hits = self._recent(key, now)
            if len(hits) < self.limit:
                if not hits:
                    self._hits.pop(key, None)
                return None
            return max(1, math.ceil(hits[0] + self.window - now))

    def fail(self, key: Hashable) -> None:
        """Count one failure for ``key``."""
        with self._lock:
            now = self.clock()
            self._recent(key, now).append(now)
            if len(self._hits) > 100_000:  # never grow without bound under a flood
                self._prune(now)

    def reset(self, key: Hashable) -> None:
        """Forget ``key``'s failures (after a successful sign-in)."""
        with self._lock:
            self._hits.pop(key, None)

    def _prune(self, now: float) -> None:
        for key in list(self._hits):
            if not self._recent(key, now):
                del self._hits[key]
