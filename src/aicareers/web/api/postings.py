"""``POST /api/v1/postings/analyze``: careers, skills and pay in an uploaded file of postings.

The upload (CSV, JSONL or Parquet, at most the upload limit) is written to a private
temporary folder under its own base name, analysed in this process, and removed. The answer
is ``postings analyze --format json`` plus the first ``rows`` per-posting records.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from ...service.postings import PostingsRequest, analyze_upload, record
from ..deps import get_settings
from ..limits import FRAMING_BYTES
from .common import ApiRoute, errors, form_properties, json_response, read_body, request_body
from .file_form import read_file_form
from .schemas import PostingsAnalysis

router = APIRouter(tags=["postings"], route_class=ApiRoute)

MAX_ROWS_SHOWN = 1000
DEFAULT_ROWS_SHOWN = 100


class PostingsForm(BaseModel):
    """The form fields beside the file; they mirror the CLI's options."""

    model_config = {"extra": "forbid"}

    title_col: str | None = Field(None, max_length=200)
    text_col: str | None = Field(None, max_length=200)
    salary_col: str | None = Field(None, max_length=200)
    input_format: Literal["csv", "jsonl", "parquet"] | None = None
    currency: str | None = Field(None, min_length=3, max_length=3)
    limit: int | None = Field(None, ge=1, le=10**9, description="Analyse only the first N rows.")
    rows: int = Field(DEFAULT_ROWS_SHOWN, ge=0, le=MAX_ROWS_SHOWN)
    semantic: bool = False


_FORM_SCHEMA = {
    "type": "object",
    "required": ["file"],
    "properties": {
        "file": {"type": "string", "format": "binary", "description": "CSV, JSONL or Parquet."},
        **form_properties(PostingsForm),
    },
}
_BODY = request_body(_FORM_SCHEMA)


class ListSink:
    """Keeps the first ``cap`` per-posting records and counts the rest."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.records: list[dict[str, Any]] = []
        self.count = 0

    def write(self, results: Sequence[Any]) -> None:
        """Keep results while there is room."""
        for result in results:
            if len(self.records) < self.cap:
                self.records.append(record(result))
            self.count += 1

    def close(self) -> None:
        """Nothing to flush."""


@router.post(
    "/postings/analyze",
    summary="Analyse a file of job postings",
    response_model=PostingsAnalysis,
    responses=errors(413, 415, 422),
    openapi_extra=_BODY,
)
async def analyze(request: Request) -> Response:
    """Each posting's career, skills and yearly salary, and the totals (`postings analyze`).

    Send multipart form data with a `file` (CSV, JSONL or Parquet; columns detected as in the
    CLI, or named with `title_col`, `text_col`, `salary_col`). `postings` holds the first
    `rows` per-posting records (at most 1000); the totals cover every row analysed.
    """
    limit = get_settings(request).max_upload_bytes
    await read_body(request, limit + FRAMING_BYTES)
    options, upload = await read_file_form(request, PostingsForm, "the postings", 20)
    data = await upload.read()
    if len(data) > limit:
        from .common import too_large

        raise too_large(len(data), limit)
    summary = await run_in_threadpool(_analyse, data, upload.filename, options)
    return json_response(summary)


def _analyse(data: bytes, filename: str | None, options: PostingsForm) -> dict[str, Any]:
    request = PostingsRequest(
        input_format=options.input_format, title_col=options.title_col,
        text_col=options.text_col, salary_col=options.salary_col, currency=options.currency,
        limit=options.limit, semantic=options.semantic,
    )  # fmt: skip
    sink = ListSink(options.rows)
    summary = analyze_upload(data, filename, request, sink)
    return {
        **summary,
        "postings": sink.records,
        "postings_truncated": sink.count > len(sink.records),
    }
