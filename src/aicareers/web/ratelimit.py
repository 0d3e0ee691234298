"""Sign-in attempts counted in a sliding window, per e-mail and address, in memory.

An attempt is reserved (counted) before its password is checked and given back only when it
succeeds, so that many concurrent requests cannot all pass the check before any of them is
recorded: the slow argon2 verification runs at most ``limit`` times per key and window.

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

    def reserve(self, key: Hashable) -> tuple[float | None, int | None]:
        """Count an attempt for ``key`` now, if it may make one.

        Returns (the attempt's stamp, None), or (None, seconds to wait) when it may not. The
        check and the count are one step under the lock, so concurrent callers cannot all
        pass before any is counted.
        """
        with self._lock:
            now = self.clock()
            hits = self._recent(key, now)
            if len(hits) >= self.limit:
                return None, max(1, math.ceil(hits[0] + self.window - now))
            hits.append(now)
            if len(self._hits) > 100_000:  # never grow without bound under a flood
                self._prune(now)
            return now, None

    def release(self, key: Hashable, stamp: float) -> None:
        """Give back one reserved attempt (it succeeded, or it was never made)."""
        with self._lock:
            hits = self._hits.get(key)
            if hits is not None and stamp in hits:
                hits.remove(stamp)
                if not hits:
                    del self._hits[key]

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


class Reservation:
    """Attempts reserved in several windows at once; ``release`` gives them all back."""

    def __init__(self, held: list[tuple[SlidingWindow, Hashable, float]]) -> None:
        self.held = held

    def release(self) -> None:
        """Give back every reserved attempt (the attempt succeeded or was never made)."""
        for window, key, stamp in self.held:
            window.release(key, stamp)
        self.held = []


def reserve_all(keys: list[tuple[SlidingWindow, Hashable]]) -> Reservation | int:
    """Reserve one attempt in each window, or none: the seconds to wait when one is full."""
    held: list[tuple[SlidingWindow, Hashable, float]] = []
    for window, key in keys:
        stamp, wait = window.reserve(key)
        if stamp is None:
            Reservation(held).release()
            return wait or 1
        held.append((window, key, stamp))
    return Reservation(held)
