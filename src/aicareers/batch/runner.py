"""Run a batch: rows in, one JSONL line per row out, in input order, over a pool of processes.

Rows go to workers in chunks (one round trip per chunk, not per row) and at most ``window``
chunks are in flight, so memory stays flat however long the input is. Results are written in
submission order, which is input order, whatever order the workers finish in.
"""

from __future__ import annotations

import math
import os
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import IO, Any, TypeVar

import msgspec

from ..cpu import usable_cores
from ..service.tables import Row, engine_or_error
from .worker import (
    AssessorFactory,
    Line,
    Request,
    Worker,
    init_process,
    process_chunk,
)

CHUNK_ROWS = 16
CHUNKS_PER_WORKER = 4
SKILL_SEPARATORS = re.compile(r"[,;|\n]")

Progress = Callable[[int], None]
T = TypeVar("T")


@dataclass(frozen=True)
class Columns:
    """Which input columns hold the text and, optionally, a current title and a skill list;
    ``keep``: columns copied as they are into each output line (to group results by later)."""

    text: str
    title: str | None = None
    skills: str | None = None
    keep: tuple[str, ...] = ()

    def names(self) -> list[str]:
        """The column names to read, text first, each once."""
        named = [c for c in (self.text, self.title, self.skills) if c is not None]
        return list(dict.fromkeys([*named, *self.keep]))


@dataclass
class Summary:
    """What a run did: rows written, how many assessed and how many failed, and how fast."""

    rows: int = 0
    ok: int = 0
    errors: int = 0
    seconds: float = 0.0
    started: float = field(default_factory=time.perf_counter, repr=False)

    @property
    def rate(self) -> float:
        """Rows per second."""
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready values."""
        return {
            "rows": self.rows,
            "ok": self.ok,
            "errors": self.errors,
            "seconds": round(self.seconds, 3),
            "rows_per_second": round(self.rate, 2),
        }


def _kind(value: object) -> str:
    return "a number" if isinstance(value, int | float) else f"a {type(value).__name__}"


def to_request(row: Row, columns: Columns) -> Request:
    """The engine's input from one row; a missing or non-text value becomes an error request."""
    if row.fields is None:
        return Request(row.number, error=row.error or "The row could not be read.")
    kept = kept_columns(row.fields, columns.keep)
    text = row.fields.get(columns.text)
    if text is None:
        error = f"The row has no value in column {columns.text!r}."
        return Request(row.number, error=error, columns=kept)
    if not isinstance(text, str):
        error = f"Column {columns.text!r} holds {_kind(text)}, not text."
        return Request(row.number, error=error, columns=kept)
    title = row.fields.get(columns.title) if columns.title else None
    skills = row.fields.get(columns.skills) if columns.skills else None
    return Request(
        row.number,
        text=text,
        title=title if isinstance(title, str) else None,
        skills=split_skills(skills),
        columns=kept,
    )


def kept_columns(fields: dict[str, Any], keep: Sequence[str]) -> dict[str, str] | None:
    """The ``keep`` columns as text: a missing value is "", a number or list its JSON text,
    so a group-by reads the same key whatever format the input was in."""
    if not keep:
        return None
    return {name: _as_text(fields.get(name)) for name in keep}


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float | list | tuple | dict):
        try:
            return msgspec.json.encode(value).decode()
        except (TypeError, msgspec.EncodeError):  # a list of values JSON has no word for
            pass
    return str(value)  # a date, a decimal: their usual text


def split_skills(value: object) -> tuple[str, ...]:
    """Skills from a list value or from text separated by commas, semicolons, bars or lines."""
    if isinstance(value, str):
        items: Iterable[object] = SKILL_SEPARATORS.split(value)
    elif isinstance(value, list | tuple):
        items = value
    else:
        return ()
    return tuple(s.strip() for s in items if isinstance(s, str) and s.strip())


def chunk_size(total: int | None, workers: int) -> int:
    """Rows per chunk: big enough to amortise IPC, small enough that every worker gets some."""
    if total is None or workers <= 1:
        return CHUNK_ROWS
    return max(1, min(CHUNK_ROWS, math.ceil(total / (workers * CHUNKS_PER_WORKER))))


def _chunks(requests: Iterable[Request], size: int) -> Iterator[list[Request]]:
    iterator = iter(requests)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _write(out: IO[bytes], lines: list[Line], summary: Summary) -> None:
    for ok, line in lines:
        out.write(line)
        out.write(b"\n")
        summary.ok += ok
    summary.rows += len(lines)
    summary.errors = summary.rows - summary.ok


def run_batch(
    rows: Iterable[Row],
    out: IO[bytes],
    *,
    columns: Columns,
    factory: AssessorFactory,
    workers: int = 1,
    top: int | None = None,
    total: int | None = None,
    progress: Progress | None = None,
) -> Summary:
    """Assess every row and write its JSONL line to ``out``; ``progress`` gets rows done."""
    summary = Summary()
    if total is not None and total <= CHUNK_ROWS:
        workers = 1  # starting processes and engines would cost more than the rows
    requests = (to_request(row, columns) for row in rows)
    chunks = _chunks(requests, chunk_size(total, workers))
    results = (
        _in_process(chunks, factory, top)
        if workers <= 1
        else _in_pool(chunks, factory, top, workers)
    )
    for lines in results:
        _write(out, lines, summary)
        if progress is not None:
            progress(len(lines))
    summary.seconds = time.perf_counter() - summary.started
    return summary


def _in_process(
    chunks: Iterable[list[Request]], factory: AssessorFactory, top: int | None
) -> Iterator[list[Line]]:
    worker = engine_or_error(lambda: Worker(factory))
    for chunk in chunks:
        yield worker.lines(chunk, top)


def _in_pool(
    chunks: Iterable[list[Request]], factory: AssessorFactory, top: int | None, workers: int
) -> Iterator[list[Line]]:
    window = workers * CHUNKS_PER_WORKER
    pending: deque[Future[list[Line]]] = deque()
    # Each worker's encoder would otherwise start a thread per core: split the cores instead.
    os.environ.setdefault("AICAREERS_ENCODER_THREADS", str(max(1, usable_cores() // workers)))
    pool = ProcessPoolExecutor(workers, initializer=init_process, initargs=(factory,))
    finished = False
    try:
        for chunk in chunks:
            pending.append(pool.submit(process_chunk, chunk, top))
            if len(pending) >= window:
                yield engine_or_error(pending.popleft().result)
        while pending:
            yield engine_or_error(pending.popleft().result)
        finished = True
    finally:
        # After an error or an interrupt, drop queued chunks rather than wait for them.
        pool.shutdown(wait=finished, cancel_futures=True)
