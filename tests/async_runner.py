"""Run a coroutine to completion from a test, whatever the main thread's event loop is doing.

Playwright's sync API (the browser tests) keeps an event loop running in the main thread for
the whole session, and ``asyncio.run`` refuses to start inside one; a fresh thread has none.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(coroutine)`` in a thread of its own."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
