"""Read documents in a small pool of worker processes, each read with a time and a memory limit.

A hostile upload (a PDF whose one content stream inflates to 20 MB of operators, a DOCX of 48 MB
of empty paragraphs) can keep a parser busy for minutes and take gigabytes. Read in the web
server itself, that would hold a thread, the GIL and the server's memory long after the
client has gone. Here each read runs in a long-lived reader process instead:

    document = reader_pool().read(data, filename)          # from a worker thread
    report = await unless_abandoned(work, request.is_disconnected, isolated)   # from a route

- The pool keeps ``size`` readers (default: the usable cores, or ``AICAREERS_READERS``)
  warm: each is a fresh interpreter (``reader_process``) that loads the document reader once,
  and only it, never the assessment engine, so a normal read costs a pipe round trip. A
  replacement starts at once, in the background of the next read's wait.
- A read gets ``seconds`` of wall-clock time (``AICAREERS_READ_SECONDS``, default 5); past
  that its reader is killed, replaced, and the caller gets ``DocumentTookTooLongError``.
- A reader's address space is capped (``RLIMIT_AS``, ``AICAREERS_READ_MEMORY_MB``, default
  512): an allocation past it fails inside the reader, which is replaced, and the caller gets
  ``DocumentNeedsTooMuchMemoryError``. A reader that keeps more than ``RECYCLE_MB`` after a
  read (memory the allocator never gives back) is replaced too.
- ``Isolated.cancel()`` kills the reader of a read in progress (the client went away): the
  waiting thread gets ``ReadCancelled`` and the pool gets a fresh reader.

Documents and our own errors come back pickled; any other exception in a reader is a bug and
comes back as a ``RuntimeError`` with the reader's traceback.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Awaitable, Callable
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ..cpu import usable_cores
from ..errors import AicareersError, DocumentNeedsTooMuchMemoryError, DocumentTookTooLongError
from .reader_process import READ_DOCUMENT

if TYPE_CHECKING:
    from ..engine.profile.documents.model import Document

T = TypeVar("T")

SECONDS = 5.0  # issue 13: a hostile file gets its 4xx within 5 s
MEMORY_MB = 512  # a resume needs tens of MB; the probe's bombs needed 1.3 to 4 GB
RECYCLE_MB = 256
START_SECONDS = 60.0  # a new reader imports the document reader (about 0.3 s when idle)
POLL_SECONDS = 0.2  # how often a waiting route asks whether its client is still there
MB = 1_048_576
_ENTRY = "from aicareers.service.reader_process import main; main()"


class ReadCancelled(Exception):  # noqa: N818 (a state, like asyncio.CancelledError)
    """The read was cancelled (its client went away); nobody is waiting for an answer."""


class Abandoned(Exception):  # noqa: N818
    """The client went away before its answer was ready; its read was cancelled."""


class _Killable(Protocol):
    def kill(self) -> None: ...


def _env_number(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    return float(value) if value else default


def default_size() -> int:
    """Readers per process: ``AICAREERS_READERS``, else the usable cores."""
    return max(1, int(_env_number("AICAREERS_READERS", usable_cores())))


class _Reader:
    """The web server's end of one reader process (``reader_process``).

    A fresh interpreter rather than a fork: forking a threaded server is unsafe, and
    multiprocessing's spawn and forkserver re-run the server's ``__main__`` in each child.
    """

    def __init__(self, read: str, memory_bytes: int, seconds: float) -> None:
        jobs_r, jobs_w = os.pipe()
        answers_r, answers_w = os.pipe()
        command = [sys.executable, "-c", _ENTRY, str(jobs_r), str(answers_w), read,
                   str(memory_bytes), str(seconds)]  # fmt: skip
        try:
            self.process = subprocess.Popen(
                command, pass_fds=(jobs_r, answers_w), stdin=subprocess.DEVNULL
            )
        finally:
            os.close(jobs_r)  # the reader's ends: its death then reads as end-of-file here
            os.close(answers_w)
        self.jobs = Connection(jobs_w, readable=False)
        self.answers = Connection(answers_r, writable=False)
        self.ready = False

    def wait_ready(self) -> None:
        """Block until the reader has loaded what it reads with (once)."""
        if self.ready:
            return
        if not self.answers.poll(START_SECONDS):
            raise RuntimeError(f"A document reader did not start within {START_SECONDS:g} s.")
        try:
            kind = self.answers.recv()[0]
        except EOFError:
            kind = "exited"
        if kind != "ready":
            raise RuntimeError(f"A document reader failed to start ({kind}); see its log.")
        self.ready = True

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=5)
        self.jobs.close()
        self.answers.close()


# ------------------------------------------------------------------------------ one read


class Isolated:
    """One read in the pool; ``cancel()``, from any thread, stops it and frees its reader."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: _Killable | None = None
        self.cancelled = False

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            if self._process is not None:
                self._process.kill()  # the waiting thread sees end-of-file at once

    def attach(self, process: _Killable | None) -> None:
        """The reader working for this read (None: none any more)."""
        with self._lock:
            self._process = process
            if process is not None and self.cancelled:
                process.kill()


# ------------------------------------------------------------------------------ the pool


class ReaderPool:
    """``size`` reader processes; ``read`` is thread-safe and blocks until its answer.

    ``read_function`` (``"module:function"``, taking bytes and a file name) is what the
    readers call: ``read_document`` unless a test wants a reader that hangs or allocates.
    """

    def __init__(
        self,
        size: int | None = None,
        *,
        seconds: float | None = None,
        memory_mb: int | None = None,
        read_function: str = READ_DOCUMENT,
    ) -> None:
        self.size = size or default_size()
        self.seconds = seconds or _env_number("AICAREERS_READ_SECONDS", SECONDS)
        self.memory_mb = memory_mb or int(_env_number("AICAREERS_READ_MEMORY_MB", MEMORY_MB))
        self.replaced = 0  # readers killed and replaced: a breach, a crash or a cancelled read
        self.reading = 0  # reads in progress
        self.closed = False
        self._read = read_function
        self._lock = threading.Lock()
        self._idle: queue.SimpleQueue[_Reader] = queue.SimpleQueue()
        self._all: set[_Reader] = set()
        for _ in range(self.size):
            self._idle.put(self._start())

    def _start(self) -> _Reader:
        reader = _Reader(self._read, self.memory_mb * MB, self.seconds)
        with self._lock:
            self._all.add(reader)
        return reader

    def read(
        self, data: bytes, filename: str | None = None, isolated: Isolated | None = None
    ) -> Document:
        """The document in ``data``, read by the next free reader within the limits."""
        isolated = isolated or Isolated()
        reader = self._acquire(isolated)
        kind, value, rss = "died", None, 0.0
        try:
            kind, value, rss = self._exchange(reader, data, filename, isolated)
        finally:
            self._release(reader, healthy=kind in ("ok", "error") and rss <= RECYCLE_MB)
        return self._outcome(kind, value, filename)

    def _acquire(self, isolated: Isolated) -> _Reader:
        while True:
            if isolated.cancelled:
                raise ReadCancelled
            if self.closed:
                raise RuntimeError("The document reader pool is closed.")
            try:
                reader = self._idle.get(timeout=POLL_SECONDS)
            except queue.Empty:
                continue
            if reader.alive():
                try:
                    reader.wait_ready()
                except RuntimeError:
                    self._release(reader, healthy=False)
                    raise
                return reader
            self._release(reader, healthy=False)  # killed from outside: start another

    def _exchange(
        self, reader: _Reader, data: bytes, filename: str | None, isolated: Isolated
    ) -> tuple[str, Any, float]:
        """Send the job and wait for the answer, the time limit, or the reader's death."""
        isolated.attach(reader.process)
        self._count(+1)
        try:
            reader.jobs.send((data, filename))
            # The answer, or end-of-file when the reader dies (a kill, a crash).
            if not wait([reader.answers], timeout=self.seconds):
                return "timeout", None, 0.0
            answer: tuple[str, Any, float] = reader.answers.recv()
            return answer
        except (EOFError, OSError):
            return ("cancelled" if isolated.cancelled else "died"), None, 0.0
        finally:
            isolated.attach(None)
            self._count(-1)

    def _count(self, change: int) -> None:
        with self._lock:
            self.reading += change

    def _release(self, reader: _Reader, *, healthy: bool) -> None:
        if healthy and not self.closed:
            self._idle.put(reader)
            return
        reader.stop()
        with self._lock:
            self._all.discard(reader)
            if self.closed:
                return
            self.replaced += 1
        self._idle.put(self._start())

    def _outcome(self, kind: str, value: Any, filename: str | None) -> Document:
        if kind == "ok":
            document: Document = value
            return document
        if kind == "error":
            raise _rebuilt(*value)
        if kind == "timeout":
            raise DocumentTookTooLongError(self.seconds, filename)
        if kind in ("memory", "died"):  # a reader dies when a library cannot allocate
            raise DocumentNeedsTooMuchMemoryError(self.memory_mb, filename)
        if kind == "cancelled":
            raise ReadCancelled
        raise RuntimeError(f"The document reader failed:\n{value}")

    def close(self) -> None:
        """Stop every reader; reads waiting for one get a RuntimeError."""
        with self._lock:
            self.closed = True
            readers, self._all = list(self._all), set()
        for reader in readers:
            reader.stop()


def _rebuilt(kind: type[AicareersError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    """Our error as the reader raised it (its ``__init__`` takes other arguments than
    ``args``, so it is rebuilt, not called)."""
    error = kind.__new__(kind, *args)
    error.args = args
    error.__dict__.update(state)
    return error


# ------------------------------------------------------------------------------ per process

_POOL: ReaderPool | None = None
_POOL_LOCK = threading.Lock()


def reader_pool() -> ReaderPool:
    """This process's pool, started on first use (``warm`` starts it sooner)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None or _POOL.closed:
            _POOL = ReaderPool()
            atexit.register(_POOL.close)
        return _POOL


def install(pool: ReaderPool | None) -> ReaderPool | None:
    """Use ``pool`` as this process's pool (None: a default one on next use); the old one."""
    global _POOL
    with _POOL_LOCK:
        previous, _POOL = _POOL, pool
    return previous


def warm() -> None:
    """Start the readers now, so the first upload does not wait for them."""
    reader_pool()


def read_isolated(
    data: bytes, filename: str | None = None, isolated: Isolated | None = None
) -> Document:
    """``read_document`` in this process's reader pool."""
    return reader_pool().read(data, filename, isolated)


async def unless_abandoned(
    work: Awaitable[T], abandoned: Callable[[], Awaitable[bool]], isolated: Isolated
) -> T:
    """``await work``, unless ``abandoned()`` turns true first (the client disconnected):
    then the read is cancelled, the work's answer dropped, and ``Abandoned`` raised."""
    task = asyncio.ensure_future(work)
    try:
        while True:
            done, _ = await asyncio.wait({task}, timeout=POLL_SECONDS)
            if done:
                return task.result()
            if await abandoned():
                raise Abandoned
    except (Abandoned, asyncio.CancelledError):
        isolated.cancel()
        task.add_done_callback(_drop)
        raise


def _drop(task: asyncio.Future[Any]) -> None:
    """Retrieve a dropped task's outcome, so that asyncio does not log it as never retrieved."""
    if not task.cancelled():
        task.exception()
