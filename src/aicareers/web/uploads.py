"""A resume sent to the web app (pasted or uploaded), and the work done on it.

Shared by the pages and the JSON API of assessment and matching: the upload is read with its
size limit, the CPU-bound work runs in a worker thread with the reading in the reader pool, and
both are cancelled when the client leaves (the caller answers ``CLIENT_GONE`` then).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from ..errors import DocumentTooLargeError
from ..service.isolation import Isolated, unless_abandoned

CLIENT_GONE = 499  # nginx's "client closed request": the client left before the answer
T = TypeVar("T")


@dataclass(frozen=True)
class Upload:
    """An uploaded resume: its bytes and the name it came with (a hint to its format)."""

    data: bytes
    filename: str | None


async def read_upload(part: object, limit: int) -> Upload | None:
    """The uploaded file, or None when no file was chosen; too large -> 413."""
    if not isinstance(part, UploadFile) or not (part.filename or part.size):
        return None
    data = await part.read(limit + 1)
    if len(data) > limit:
        raise DocumentTooLargeError(max(part.size or 0, len(data)), limit, part.filename)
    return Upload(data, part.filename or None)


def form_field(form: FormData, name: str) -> str:
    """A text field of a submitted form ("" when absent or a file)."""
    value = form.get(name)
    return value if isinstance(value, str) else ""


async def in_reader_pool(request: Request, job: Callable[[Isolated], T]) -> T:
    """``job(isolated)`` in a worker thread (the engine is CPU-bound), its file or text read
    in the reader pool; ``Abandoned`` when the client leaves first, and the reading stops."""
    isolated = Isolated()
    return await unless_abandoned(
        run_in_threadpool(job, isolated), request.is_disconnected, isolated
    )
