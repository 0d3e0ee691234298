"""Postings on Dask: chunks analysed by the workers, results back to the client in order.

Postings are cheap (about 1,500 a second per core), so each task is a large chunk
(``DASK_CHUNK_ROWS``, about a second of work) to keep the scheduler's per-task cost small.
The client counts the totals and writes the results in input order exactly as a local run
does, so both engines give the same report and the same output file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from ..tabular.cluster import Cluster, open_client, ordered, worker_count, worker_engine
from .classify import PostingResult
from .stream import Item, Malformed

DASK_CHUNK_ROWS = 2000
CHUNKS_PER_WORKER = 2
Outcome = PostingResult | Malformed


def analyse_chunk(items: Sequence[Item]) -> list[Outcome]:
    """On a worker: one chunk's outcomes, with the analyser its plugin built once."""
    outcomes: list[Outcome] = worker_engine().analyse(items)
    return outcomes


def on_dask(
    batches: Iterable[list[Item]], analyser: Callable[[], Any], cluster: Cluster
) -> Iterator[tuple[list[Item], list[Outcome]]]:
    """Each chunk with its outcomes, in input order, analysed on ``cluster``; ``analyser``
    builds (in each worker, once) what analyses a chunk (``runner.ChunkAnalyser``)."""
    with open_client(cluster, analyser) as client:
        window = worker_count(client) * CHUNKS_PER_WORKER
        yield from ordered(client, analyse_chunk, batches, window)
