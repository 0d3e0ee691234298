"""The part of the Dask support that runs inside each worker: its engine, built once.

Imported only where ``distributed`` is installed (``cluster.open_client`` checks first).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from distributed import WorkerPlugin, get_worker

from .workers import EngineLoadError, build_engine

PLUGIN = "aicareers-engine"


class EnginePlugin(WorkerPlugin):
    """Builds the engine when a worker starts (also one that replaces a dead worker)."""

    def __init__(self, factory: Callable[[], Any]) -> None:
        self.factory = factory
        self.engine: Any = None

    def setup(self, worker: Any) -> None:
        """Build this worker's engine, or keep why it failed for the first task to report."""
        # One thread per worker process: an encoder that started a thread per core in every
        # worker would have them all fight over the same cores.
        os.environ.setdefault("AICAREERS_ENCODER_THREADS", "1")
        try:
            self.engine = build_engine(self.factory)
        except EngineLoadError as exc:  # raising here would only be logged by the worker
            self.engine = exc


def worker_engine() -> Any:
    """The engine of the worker running the current task; raises EngineLoadError if its
    build failed (the client turns that into the run's error)."""
    plugin = get_worker().plugins[PLUGIN]
    assert isinstance(plugin, EnginePlugin)
    if plugin.engine is None:  # the plugin has not run its setup in this worker yet
        plugin.setup(get_worker())
    if isinstance(plugin.engine, EngineLoadError):
        raise plugin.engine
    return plugin.engine
