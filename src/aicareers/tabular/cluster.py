"""Dask for the commands that process many rows: a cluster to run on, an engine per worker.

Dask is optional (the ``dask`` extra) and imported only here, when a run asks for it, so the
rest of aicareers starts without it. ``open_client`` connects to a scheduler, or starts a
LocalCluster sized to the machine: one process per worker and one thread each (the engines
are CPU-bound Python, so more threads would only contend for one interpreter lock), with a
memory limit per worker. The engine is built once per worker by a worker plugin
(``tabular.dask_worker``), also in a worker that replaces a killed one; tasks fetch it with
``worker_engine``.
"""

from __future__ import annotations

import importlib.util
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..errors import AicareersError, UserInputError
from .workers import engine_or_error

T = TypeVar("T")
R = TypeVar("R")

GIB = 1024**3
# Enough for the full engine (about 0.6 GB measured, docs/benchmarks.md) with room to spare;
# the nanny restarts a worker that passes 95 % of it instead of letting the machine swap.
MAX_WORKER_MEMORY = 4 * GIB
MIN_WORKER_MEMORY = 1 * GIB
RETRIES = 2  # a task that raised is run again this many times before the run fails


@dataclass(frozen=True)
class Cluster:
    """Where to run: a scheduler's address, or None for a LocalCluster of ``workers``;
    ``announce`` is told the dashboard's address (None without one) once the cluster is up."""

    scheduler: str | None = None
    workers: int = 1
    announce: Callable[[str | None], None] | None = field(default=None, compare=False)


def dask_installed() -> bool:
    """Whether ``distributed`` can be imported (the ``dask`` extra)."""
    return importlib.util.find_spec("distributed") is not None


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise UserInputError(
            "Running on Dask needs the dask extra: pip install 'aicareers[dask]'."
        ) from None
    return distributed


def worker_memory(workers: int) -> int:
    """Bytes each LocalCluster worker may hold: a share of the machine's memory, capped."""
    from distributed.system import MEMORY_LIMIT  # the machine's memory, or its cgroup's

    share = int(MEMORY_LIMIT) // max(1, workers)
    return int(max(MIN_WORKER_MEMORY, min(MAX_WORKER_MEMORY, share)))


@contextmanager
def open_client(cluster: Cluster, factory: Callable[[], Any]) -> Iterator[Any]:
    """A ``distributed.Client`` whose every worker holds ``factory()`` (see ``worker_engine``).

    The cluster started here, if any, is closed on the way out, also after an error.
    """
    distributed = _distributed()
    from .dask_worker import PLUGIN, EnginePlugin

    with ExitStack() as stack:
        if cluster.scheduler is None:
            local = distributed.LocalCluster(
                n_workers=cluster.workers, threads_per_worker=1, processes=True,
                memory_limit=worker_memory(cluster.workers),
                # Any free port: a fixed one (8787) is often taken by another cluster. Its
                # pages need bokeh; without it the server answers only health and metrics.
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            )  # fmt: skip
            stack.enter_context(local)
            client = stack.enter_context(distributed.Client(local))
        else:
            client = stack.enter_context(_connect(distributed, cluster.scheduler))
        client.register_plugin(EnginePlugin(factory), name=PLUGIN)
        if cluster.announce is not None:
            cluster.announce(dashboard(client))
        yield client


def _connect(distributed: Any, address: str) -> Any:
    try:
        return distributed.Client(address, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise UserInputError(f"Cannot reach the Dask scheduler at {address}: {exc}") from None


def dashboard(client: Any) -> str | None:
    """The dashboard's address, when the cluster serves one."""
    if importlib.util.find_spec("bokeh") is None:
        return None
    link = getattr(client, "dashboard_link", None)
    return str(link) if link else None


def worker_count(client: Any) -> int:
    """Workers connected now (at least 1, for sizing windows)."""
    return max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))


def submit(client: Any, function: Callable[..., R], *args: Any) -> Any:
    """Run ``function(*args)`` on the cluster, again if it raises (``RETRIES``); a Future.

    ``pure=False``: two tasks with equal arguments are still two tasks.
    """
    return client.submit(function, *args, pure=False, retries=RETRIES)


def result(future: Any) -> Any:
    """A task's value; an engine that failed to load, or a worker that kept dying, ends the run
    with a message (``KilledWorker``: Dask gave up after the task's workers died repeatedly)."""
    try:
        return engine_or_error(future.result)
    except AicareersError:
        raise
    except Exception as exc:
        if type(exc).__name__ == "KilledWorker":
            raise AicareersError(
                "Dask workers kept dying while running one part of the input (out of memory?); "
                f"the parts already written are kept. ({exc})"
            ) from None
        raise


def ordered(
    client: Any, function: Callable[[T], R], items: Iterable[T], window: int
) -> Iterator[tuple[T, R]]:
    """Each item with ``function(item)`` run on the cluster, in the order of ``items``, with at
    most ``window`` tasks out at once, so memory stays flat however many items come."""
    pending: deque[tuple[T, Any]] = deque()
    try:
        for item in items:
            pending.append((item, submit(client, function, item)))
            if len(pending) >= window:
                sent, future = pending.popleft()
                yield sent, result(future)
        while pending:
            sent, future = pending.popleft()
            yield sent, result(future)
    finally:
        for _, future in pending:  # after an error or Ctrl-C, the rest is not wanted
            future.cancel()



def worker_engine() -> Any:
    """In a task: the engine of the worker running it (built once by the plugin)."""
    from .dask_worker import worker_engine as engine

    return engine()
