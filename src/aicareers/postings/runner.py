"""Analyse a stream of postings in chunks, in this process or a pool, keeping input order.

Chunks of ``CHUNK_ROWS`` rows go to the workers and at most ``CHUNKS_PER_WORKER`` chunks per
worker are in flight, so memory stays flat however long the input is. Each result is
counted into the ``Aggregates`` and handed to the sink as its chunk comes back, in input
order. Every worker builds its own engine once (about half a second).
"""

from __future__ import annotations

import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from ..cpu import usable_cores
from ..tabular.cluster import Cluster
from ..tabular.workers import EngineLoadError, build_engine, engine_or_error
from .aggregate import Aggregates
from .classify import PostingClassifier, PostingResult
from .dask_run import DASK_CHUNK_ROWS, on_dask
from .output import Sink
from .salary_text import parse_salary
from .stream import Item, Malformed, Posting, chunks

if TYPE_CHECKING:
    from ..engine.assessment.assess import Assessor

CHUNK_ROWS = 64
CHUNKS_PER_WORKER = 4
EngineFactory = Callable[[], "Assessor"]
Outcome = PostingResult | Malformed
T = TypeVar("T")


@dataclass(frozen=True)
class Options:
    """How postings are analysed: matching skills by meaning, and an assumed currency."""

    semantic: bool = False
    currency: str | None = None


class ChunkAnalyser:
    """An engine and the code that turns a chunk of rows into outcomes with it."""

    def __init__(self, factory: EngineFactory, options: Options) -> None:
        assessor = build_engine(factory)
        self.classifier = PostingClassifier.from_assessor(assessor, options.semantic)
        self.currency = options.currency

    def analyse(self, items: Sequence[Item]) -> list[Outcome]:
        """One outcome per item, in order; never raises for a single bad row."""
        return [self._one(item) for item in items]

    def _one(self, item: Item) -> Outcome:
        if isinstance(item, Malformed):
            return item
        try:
            salary = parse_salary(item.salary, self.currency)
            return self.classifier.classify(item.row, item.title, item.text, salary)
        except Exception as exc:  # one odd row must not end a file of millions
            return Malformed(item.row, f"could not be analysed ({type(exc).__name__}: {exc})")


@dataclass
class Progress:
    """Rows done so far and the time taken, for progress bars and the summary."""

    rows: int = 0
    started: float = 0.0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Rows per second."""
        return self.rows / self.seconds if self.seconds > 0 else 0.0


def analyse_stream(
    items: Iterable[Item],
    sink: Sink | None,
    *,
    factory: EngineFactory,
    options: Options = Options(),
    workers: int = 1,
    on_malformed: Callable[[Malformed], None] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    cluster: Cluster | None = None,
) -> tuple[Aggregates, Progress]:
    """Analyse every item, write results to ``sink``, and return the totals and timing.

    With a ``cluster``, the chunks are analysed on Dask (``dask_run``) instead of here.
    """
    aggregates = Aggregates()
    progress = Progress(started=time.perf_counter())
    done: Done
    if cluster is not None:
        analyser = partial(ChunkAnalyser, factory, options)
        done = on_dask(chunks(items, DASK_CHUNK_ROWS), analyser, cluster)
    elif workers <= 1:
        done = _in_process(chunks(items, CHUNK_ROWS), factory, options)
    else:
        done = _in_pool(chunks(items, CHUNK_ROWS), factory, options, workers)
    for chunk, outcomes in done:
        results = []
        for item, outcome in zip(chunk, outcomes, strict=True):
            if isinstance(outcome, Malformed):
                aggregates.add_malformed(outcome)
                if on_malformed is not None:
                    on_malformed(outcome)
            else:
                aggregates.add(outcome, item.salary if isinstance(item, Posting) else None)
                results.append(outcome)
        if sink is not None and results:
            sink.write(results)
        progress.rows += len(chunk)
        progress.seconds = time.perf_counter() - progress.started
        if on_progress is not None:
            on_progress(progress)
    progress.seconds = time.perf_counter() - progress.started
    return aggregates, progress


Done = Iterator[tuple[list[Item], list[Outcome]]]


def _in_process(batches: Iterable[list[Item]], factory: EngineFactory, options: Options) -> Done:
    analyser = engine_or_error(lambda: ChunkAnalyser(factory, options))
    for batch in batches:
        yield batch, analyser.analyse(batch)


def _in_pool(
    batches: Iterable[list[Item]], factory: EngineFactory, options: Options, workers: int
) -> Done:
    window = workers * CHUNKS_PER_WORKER
    pending: deque[tuple[list[Item], Future[list[Outcome]]]] = deque()
    # Each worker's text encoder would otherwise start a thread per core: split the cores.
    os.environ.setdefault("AICAREERS_ENCODER_THREADS", str(max(1, usable_cores() // workers)))
    pool = ProcessPoolExecutor(workers, initializer=_init_process, initargs=(factory, options))
    finished = False
    try:
        for batch in batches:
            pending.append((batch, pool.submit(_process_chunk, batch)))
            if len(pending) >= window:
                sent, future = pending.popleft()
                yield sent, engine_or_error(future.result)
        while pending:
            sent, future = pending.popleft()
            yield sent, engine_or_error(future.result)
        finished = True
    finally:
        # After an error or Ctrl-C, drop queued chunks rather than wait for them.
        pool.shutdown(wait=finished, cancel_futures=True)


# The analyser of one pool process, set once by its initializer.
_PROCESS: dict[str, ChunkAnalyser | EngineLoadError] = {}


def _init_process(factory: EngineFactory, options: Options) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        _PROCESS["analyser"] = ChunkAnalyser(factory, options)
    except EngineLoadError as exc:  # raising here would break the pool with no message
        _PROCESS["analyser"] = exc


def _process_chunk(items: list[Item]) -> list[Outcome]:
    analyser = _PROCESS["analyser"]
    if isinstance(analyser, EngineLoadError):
        raise analyser
    return analyser.analyse(items)
