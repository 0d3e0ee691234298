"""Building an engine inside a worker process, so that a failure reaches the parent intact.

A pool initializer that raises only breaks the pool with no message; building through
``build_engine`` turns any failure into an ``EngineLoadError`` that pickles, which the first
chunk then reports. Shared by batch assessment and postings analysis.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ..errors import AicareersError

T = TypeVar("T")


class EngineLoadError(Exception):
    """The engine could not be built in a worker; carries the message and the exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message, exit_code)
        self.message = message
        self.exit_code = exit_code


def build_engine(factory: Callable[[], T]) -> T:
    """Call ``factory``; any failure becomes an ``EngineLoadError``, which pickles."""
    try:
        return factory()
    except EngineLoadError:  # from a factory that builds through here itself
        raise
    except AicareersError as exc:
        raise EngineLoadError(str(exc), exc.exit_code) from exc
    except Exception as exc:
        message = f"The assessment engine could not be loaded ({type(exc).__name__}: {exc})."
        raise EngineLoadError(message, 1) from exc


def engine_or_error(call: Callable[[], T]) -> T:
    """Run ``call``; an engine that could not be built ends the run with its message (and the
    exit code of the error that stopped it)."""
    try:
        return call()
    except EngineLoadError as exc:
        error = AicareersError(exc.message)
        error.exit_code = exc.exit_code
        raise error from None
