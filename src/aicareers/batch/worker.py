"""What a batch worker does: build the engine once, then turn requests into JSONL lines.

The same ``Worker`` runs in-process (``--workers 1``) and inside each pool process, where
``init_process`` builds it from a factory. Factories are module-level functions so that they
pickle by name into the pool.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import msgspec

from ..errors import AicareersError, UserInputError

if TYPE_CHECKING:
    from ..engine.assessment.assess import Assessor

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


class EngineLoadError(Exception):
    """The engine could not be built in a worker; carries the message and the exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message, exit_code)
        self.message = message
        self.exit_code = exit_code


def light_assessor() -> Assessor:
    """The engine from the shipped catalog alone: no taxonomy, title coder or encoder."""
    from ..engine.assessment.assess import Assessor
    from ..engine.assessment.vocabulary import Vocabulary
    from ..knowledge import default_catalog
    from ..knowledge.space import default_space

    catalog = default_catalog()
    return Assessor(catalog=catalog, space=default_space(), vocabulary=Vocabulary(catalog.skills))


def full_assessor(semantic: bool = True) -> Assessor:
    """The engine with every index installed (``runtime.load_assessor``)."""
    from ..service.runtime import load_assessor

    return load_assessor(semantic)


def build_engine(factory: AssessorFactory) -> Assessor:
    """Call ``factory``; any failure becomes an ``EngineLoadError``, which pickles."""
    try:
        return factory()
    except AicareersError as exc:
        raise EngineLoadError(str(exc), exc.exit_code) from exc
    except Exception as exc:
        message = f"The assessment engine could not be loaded ({type(exc).__name__}: {exc})."
        raise EngineLoadError(message, 1) from exc


class Worker:
    """An engine and the code that assesses one request with it."""

    def __init__(self, factory: AssessorFactory) -> None:
        self.assessor = build_engine(factory)

    def lines(self, requests: Sequence[Request], top: int | None) -> list[Line]:
        """One JSON line (without newline) per request, in order, flagged ok or error."""
        results = (self.result(request, top) for request in requests)
        return [("error" not in result, _ENCODER.encode(result)) for result in results]

    def result(self, request: Request, top: int | None) -> dict[str, Any]:
        """``{"row", "careers"}`` or ``{"row", "error"}``: never raises."""
        if request.error is not None:
            return {"row": request.row, "error": request.error}
        try:
            return {"row": request.row, "careers": self._careers(request, top)}
        except UserInputError as exc:
            return {"row": request.row, "error": str(exc)}
        except Exception as exc:  # one odd row must not end a batch of thousands
            return {"row": request.row, "error": f"Unexpected {type(exc).__name__}: {exc}"}

    def _careers(self, request: Request, top: int | None) -> list[dict[str, Any]]:
        from ..engine.assessment.report import careers_json
        from ..engine.profile.model import build_profile

        profile = build_profile(
            text=request.text, title=request.title or None, skills=request.skills
        )
        return careers_json(self.assessor.assess(profile), top)


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
