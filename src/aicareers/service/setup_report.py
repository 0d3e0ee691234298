"""Where the encoder's first-use setup reports: its progress lines and the one failure.

Apart from ``encoder_setup`` so that the CLI can say at start-up where these go without
importing what fetching and building need (subprocess, zipfile, hashlib, ...): `careers list`
starts without them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import ModelNotBuiltError


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _stderr_failure(error: ModelNotBuiltError) -> None:
    # Python callers and server consoles get the command too; the CLI words it its own way.
    hint = error.hint
    _stderr(f"{error} To {hint.goal}: {hint.command}" if hint and hint.command else str(error))


@dataclass
class Reporter:
    """Where the setup's words go: progress lines, and the one failure that stops it."""

    progress: Callable[[str], None] = _stderr
    unavailable: Callable[[ModelNotBuiltError], None] = _stderr_failure


_current = Reporter()


def report_with(reporter: Reporter) -> None:
    """Send progress and the failure to ``reporter`` (each adapter words them its own way)."""
    global _current
    _current = reporter


def reporter() -> Reporter:
    """The reporter in use (the default writes to stderr)."""
    return _current
