"""What a batch worker does: build the engine once, then turn requests into JSONL lines.

The same ``Worker`` runs in-process (``--workers 1``) and inside each pool process, where
``init_process`` builds it from a factory. Factories are module-level functions so that they
pickle by name into the pool.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

import msgspec

from ..documents.assessment import RowResult
from ..errors import UserInputError
from ..service.assess import AssessInput, assess_with
from ..service.runtime import light_assessor, load_assessor, sentence_memories
from ..service.tables import EngineLoadError, build_engine

__all__ = [
    "AssessorFactory", "EngineLoadError", "Line", "Request", "Worker", "full_assessor",
    "init_process", "light_assessor", "process_chunk",
]  # fmt: skip

if TYPE_CHECKING:
    from ..service.runtime import Assessor

AssessorFactory = Callable[[], "Assessor"]
Line = tuple[bool, bytes]  # (assessed without error, the JSON line)
# msgspec keeps dict order and is several times faster than json.dumps on these results.
_ENCODER = msgspec.json.Encoder()


class Request(NamedTuple):
    """One row to assess, or the reason it cannot be (then ``error`` is set)."""

    row: int
    text: str = ""
    title: str | None = None
    skills: tuple[str, ...] = ()
    error: str | None = None
    columns: dict[str, str] | None = None  # copied to the output line (``--keep``)


def full_assessor(semantic: bool = True) -> Assessor:
    """The engine with every index installed (matching by meaning if ``semantic``)."""
    return load_assessor(semantic)


class Worker:
    """An engine and the code that assesses one request with it."""

    def __init__(self, factory: AssessorFactory) -> None:
        self.assessor = build_engine(factory)
        self._memories = sentence_memories(self.assessor)

    def lines(self, requests: Sequence[Request], top: int | None) -> list[Line]:
        """One JSON line (without newline) per request, in order, flagged ok or error."""
        results = (self.result(request, top) for request in requests)
        return [(result.error is None, _ENCODER.encode(result)) for result in results]

    def result(self, request: Request, top: int | None) -> RowResult:
        """The row's careers, or why it could not be assessed: never raises."""
        row, kept = request.row, request.columns
        for memory in self._memories:
            memory.forget()
        if request.error is not None:
            return RowResult(row=row, columns=kept, error=request.error)
        person = AssessInput(text=request.text, title=request.title or None,
                             skills=request.skills)  # fmt: skip
        try:
            careers = assess_with(self.assessor, person, top).careers
        except UserInputError as exc:
            return RowResult(row=row, columns=kept, error=str(exc))
        except Exception as exc:  # one odd row must not end a batch of thousands
            return RowResult(row=row, columns=kept, error=f"Unexpected {type(exc).__name__}: {exc}")
        return RowResult(row=row, columns=kept, careers=careers)


# State of one pool process: set once by its initializer.
_PROCESS: dict[str, Worker | EngineLoadError] = {}


def init_process(factory: AssessorFactory) -> None:
    """Pool initializer: build this process's engine, or remember why it failed."""
    # Ctrl-C is the parent's to handle (it stops the pool); workers would only print tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _PROCESS["worker"] = Worker(factory)
    except EngineLoadError as exc:
        # Raising here would only break the pool with no message; the first chunk reports it.
        _PROCESS["worker"] = exc


def process_chunk(requests: Sequence[Request], top: int | None) -> list[Line]:
    """Assess a chunk in a pool process (see ``init_process``)."""
    worker = _PROCESS["worker"]
    if isinstance(worker, EngineLoadError):
        raise worker
    return worker.lines(requests, top)
