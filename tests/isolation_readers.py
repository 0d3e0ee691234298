"""Readers that misbehave on purpose, for ``tests/test_isolation.py``.

The pool's reader processes import them by name (``"tests.isolation_readers:hang"``), so they
live in a module of their own rather than in the test module.
"""

from __future__ import annotations

import os
import time

from aicareers.errors import EmptyDocumentError

MB = 1_048_576


def hang(data: bytes, filename: str | None) -> None:
    """A parsing bomb that never finishes."""
    time.sleep(600)


def allocate(data: bytes, filename: str | None) -> bytes:
    """A decompression bomb: 2 GB, far past any memory limit a test sets."""
    return bytes(2048 * MB)


def crash(data: bytes, filename: str | None) -> None:
    """A parser that takes the process down (a segfault in a C library, say)."""
    os._exit(3)


def refuse(data: bytes, filename: str | None) -> None:
    """A reader that finds nothing to read: one of our errors, with its file name."""
    raise EmptyDocumentError(filename, "resume")


def bug(data: bytes, filename: str | None) -> None:
    """A reader with a bug in it."""
    raise ZeroDivisionError("a bug in the reader")


def echo(data: bytes, filename: str | None) -> tuple[bytes, str | None]:
    """Answer what was sent, to show the pool still works."""
    return data, filename
