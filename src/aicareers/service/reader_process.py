"""The reader side of ``service.isolation``: a process that reads documents, one at a time.

Started by the pool as ``python -c "...; main()" JOBS_FD ANSWERS_FD READ MEMORY_BYTES SECONDS``
(a fresh interpreter, not a fork of the threaded web server, and one that never runs the web
server's ``__main__``). It loads the document reader, and only it (never the assessment
engine), says it is ready, then answers ``(data, filename)`` jobs with ``(kind, value, rss_mb)``:

    ("ok", Document, rss)                        the document
    ("error", (type, args, state), rss)          one of our errors (a DocumentError, say)
    ("memory", None, 0)                          an allocation failed under the memory limit
    ("bug", traceback, 0)                        any other exception
"""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import sys
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from ..errors import AicareersError

ReadFunction = Callable[[bytes, "str | None"], Any]
READ_DOCUMENT = "aicareers.engine.profile.documents:read_document"
# Loaded before the reader says it is ready, so that no read pays for an import.
PRELOAD = (
    "aicareers.engine.profile.documents",
    "aicareers.engine.profile.documents.pdf",
    "aicareers.engine.profile.documents.docx",
    "aicareers.engine.profile.documents.linkedin",
    "pypdf",
)
MB = 1_048_576


def main() -> None:
    """The reader process's entry point (arguments as the module's docstring says)."""
    jobs_fd, answers_fd, read_name, memory, seconds = sys.argv[1:6]
    jobs = Connection(int(jobs_fd), writable=False)
    answers = Connection(int(answers_fd), readable=False)
    # Ctrl+C reaches the whole process group; the pool, not the terminal, stops readers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    read = _load(read_name)
    for name in PRELOAD:
        with contextlib.suppress(ImportError):  # a missing optional parser fails when used
            importlib.import_module(name)
    _limit_memory(int(memory))
    answers.send(("ready", None, _rss_mb()))
    serve(jobs, answers, read, float(seconds))


def serve(jobs: Connection, answers: Connection, read: ReadFunction, seconds: float) -> None:
    """Answer jobs until the pool closes the pipe (or the web server is gone)."""
    while True:
        try:
            data, filename = jobs.recv()
        except (EOFError, OSError):
            return
        _limit_cpu(seconds)
        answer = _answer(read, data, filename)
        del data
        try:
            answers.send(answer)
        except Exception:  # an answer that does not pickle is a bug in the reader
            answers.send(("bug", traceback.format_exc(), 0.0))
        if answer[0] == "memory":
            return  # the heap may be left in pieces: the pool starts a fresh reader


def _load(name: str) -> ReadFunction:
    """``"package.module:function"`` -> the function."""
    module, _, function = name.partition(":")
    found: ReadFunction = getattr(importlib.import_module(module), function)
    return found


def _limit_memory(memory_bytes: int) -> None:
    """Cap this process's address space: an allocation past it raises MemoryError."""
    import resource

    # Where it cannot be set (macOS does not enforce it), the time limit still holds.
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


def _limit_cpu(seconds: float) -> None:
    """A backstop to the pool's wall-clock limit: if the web server died mid-read, nobody
    would kill this reader, so the kernel does after twice the time limit of CPU."""
    import resource

    used = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
    soft = int(used + 2 * seconds) + 1
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (soft, resource.RLIM_INFINITY))


def _answer(read: ReadFunction, data: bytes, filename: str | None) -> tuple[str, Any, float]:
    try:
        return "ok", read(data, filename), _rss_mb()
    except MemoryError:
        return "memory", None, 0.0
    except AicareersError as exc:
        return "error", (type(exc), exc.args, exc.__dict__), _rss_mb()
    except Exception:
        return "bug", traceback.format_exc(), 0.0


def _rss_mb() -> float:
    """This process's resident memory now (Linux), else its peak."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
