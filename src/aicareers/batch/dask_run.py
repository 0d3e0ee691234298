"""Batch assessment on Dask: the input in partitions, each assessed by a worker into its part.

The client reads the input once, in order, and sends each partition's requests to the
cluster (so workers need not see the input file; they do need to see the output folder, as
LocalCluster workers do). A worker assesses a partition with the engine its plugin built once
and writes ``part-0000k`` itself (``Parts.write``: whole or not at all), returning only
counts. At most ``PARTITIONS_PER_WORKER`` partitions per worker are out at once, so the client
holds a bounded number of rows however long the input is. A partition whose worker dies is
run again by Dask on another worker, and one that raises is retried; either way the same part
is written again under the same name, so every row is in the output exactly once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import Any

from ..errors import AicareersError
from ..service.tables import Cluster, Row, open_client, result, submit, worker_count
from ..service.tables import worker_engine as _engine
from .parts import Parts
from .runner import Columns, Summary, to_request
from .worker import AssessorFactory, Request, Worker

# 500 rows take about 15 s on one core with the full engine (30 ms a row, measured): long
# enough that the scheduler's 1.6 ms per task is 0.01 % of it, short enough that a killed
# worker costs at most 15 s to redo and the last wave at 512 workers one task (the model is in
# docs/benchmarks.md, "Cohorts on Dask").
PARTITION_ROWS = 500
PARTITIONS_PER_WORKER = 2


@dataclass(frozen=True)
class DaskRun:
    """Where the parts go, the cluster, and the partition size."""

    parts: Parts
    cluster: Cluster
    partition_rows: int = PARTITION_ROWS
    resume: bool = False


Counts = tuple[int, int]  # rows, rows assessed without error


def assess_part(index: int, requests: list[Request], top: int | None, parts: Parts) -> Counts:
    """On a worker: assess one partition and write its part; (rows, rows assessed)."""
    worker: Worker = _engine()
    lines = worker.lines(requests, top)
    parts.write(index, lines)
    return len(lines), sum(ok for ok, _ in lines)


def _partitions(requests: Iterable[Request], size: int) -> Iterator[tuple[int, list[Request]]]:
    iterator = iter(requests)
    index = 0
    while chunk := list(islice(iterator, size)):
        yield index, chunk
        index += 1


def run_on_dask(
    rows: Iterable[Row],
    run: DaskRun,
    settings: dict[str, Any],
    *,
    columns: Columns,
    factory: AssessorFactory,
    top: int | None = None,
    progress: Callable[[int], None] | None = None,
    on_client: Callable[[Any], None] | None = None,
) -> Summary:
    """Assess every row into ``run.parts``; ``progress`` gets rows done (skipped parts too).

    ``settings`` (input, columns, options) go into the manifest a resumed run is checked with.
    ``on_client`` is called with the Dask client once the cluster is up.
    """
    summary = Summary()
    skip = set(run.parts.start({**settings, "partition_rows": run.partition_rows}, run.resume))
    requests = (to_request(row, columns) for row in rows)
    with open_client(run.cluster, partial(Worker, factory)) as client:
        if on_client is not None:
            on_client(client)
        window = worker_count(client) * PARTITIONS_PER_WORKER
        for done, assessed in _run(client, _partitions(requests, run.partition_rows), run, skip,
                                   top, window):  # fmt: skip
            summary.rows += done
            summary.ok += assessed
            if progress is not None:
                progress(done)
    summary.errors = summary.rows - summary.ok
    summary.seconds = time.perf_counter() - summary.started
    return summary


def _run(
    client: Any,
    partitions: Iterable[tuple[int, list[Request]]],
    run: DaskRun,
    skip: set[int],
    top: int | None,
    window: int,
) -> Iterator[Counts]:
    """(rows, assessed) per partition as each finishes; a skipped one counted from its part."""
    from distributed import as_completed

    pending: Any = as_completed()  # type: ignore[no-untyped-call]
    live: set[Any] = set()  # submitted and not yet counted

    def finished(future: Any) -> Counts:
        live.discard(future)
        try:
            counts: Counts = result(future)
        except OSError as exc:  # after the retries: most often a folder the worker cannot see
            raise AicareersError(
                f"A Dask worker could not write its part in {run.parts.folder} ({exc}); the "
                "workers must be able to write to the output folder."
            ) from None
        return counts

    try:
        for index, requests in partitions:
            if index in skip:
                yield run.parts.counts(index)
                continue
            future = submit(client, assess_part, index, requests, top, run.parts)
            live.add(future)
            pending.add(future)
            while len(live) >= window:
                yield finished(next(pending))
        for future in pending:
            yield finished(future)
    finally:
        for future in live:  # after an error or Ctrl-C, the rest is not wanted
            future.cancel()
