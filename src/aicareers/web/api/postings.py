"""``POST /api/v1/postings/analyze``: careers, skills and pay in an uploaded file of postings.

The upload (CSV, JSONL or Parquet, at most the upload limit) is written to a private
temporary folder under its own base name, analysed in this process, and removed. The answer
is ``postings analyze --format json`` plus the first ``rows`` per-posting records.
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from ...errors import AicareersError, UserInputError
from ..deps import get_settings
from ..errors import ApiError
from ..limits import FRAMING_BYTES
from .common import errors, json_response, read_body
from .schemas import PostingsAnalysis

router = APIRouter(tags=["postings"])

MAX_ROWS_SHOWN = 1000
DEFAULT_ROWS_SHOWN = 100
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


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
        **PostingsForm.model_json_schema()["properties"],
    },
}
_BODY = {
    "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": _FORM_SCHEMA}}}
}


class ListSink:
    """Keeps the first ``cap`` per-posting records and counts the rest."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.records: list[dict[str, Any]] = []
        self.count = 0

    def write(self, results: Sequence[Any]) -> None:
        """Keep results while there is room."""
        from ...postings.output import record

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
    responses=errors(413, 422),
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
    options, upload = await _form(request)
    data = await upload.read()
    if len(data) > limit:
        from .common import too_large

        raise too_large(len(data), limit)
    name = _file_name(upload.filename, options.input_format)
    summary = await run_in_threadpool(_analyse, data, name, options)
    return json_response(summary)


async def _form(request: Request) -> tuple[PostingsForm, UploadFile]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in ("multipart/form-data", "application/x-www-form-urlencoded"):
        raise ApiError(415, "unsupported-media-type",
                       "Send the postings as multipart/form-data with a 'file' field.")  # fmt: skip
    try:
        form = await request.form(max_files=1, max_fields=20)
    except HTTPException as exc:
        raise ApiError(
            422, "invalid-request", f"The form could not be read: {exc.detail}"
        ) from None
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise ApiError(422, "invalid-request", "Attach the postings as a file in the 'file' field.")
    fields = {k: v for k, v in form.multi_items() if k != "file"}
    try:
        return PostingsForm.model_validate(fields), upload
    except ValidationError as exc:
        found = [
            {"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]}
            for e in exc.errors(include_url=False, include_context=False, include_input=False)
        ]
        raise ApiError(
            422,
            "invalid-request",
            "The form is not valid: "
            + "; ".join(f"{f['field']}: {f['message']}" for f in found[:3])
            + ".",
            {"fields": found},
        ) from None


def _file_name(given: str | None, fmt: str | None) -> str:
    """A safe base name for the temporary copy (the summary reports it as ``input.file``)."""
    base = (given or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = _SAFE_NAME.sub("_", base).strip("._")[:120]
    if not base:
        base = f"postings.{fmt or 'csv'}"
    return base


def _analyse(data: bytes, name: str, options: PostingsForm) -> dict[str, Any]:
    from functools import partial

    from ...batch.worker import EngineLoadError, full_assessor
    from ...postings.analyze import analyze_table, open_postings
    from ...postings.runner import Options

    run = Options(semantic=options.semantic,
                  currency=options.currency.upper() if options.currency else None)  # fmt: skip
    sink = ListSink(options.rows)
    with tempfile.TemporaryDirectory(prefix="aicareers-postings-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            table, columns = open_postings(
                path, options.input_format, title=options.title_col, text=options.text_col,
                salary=options.salary_col,
            )  # fmt: skip
            summary = analyze_table(
                table, columns, sink, factory=partial(full_assessor, semantic=options.semantic),
                options=run, workers=1, limit=options.limit,
            )  # fmt: skip
        except AicareersError:
            raise
        except EngineLoadError as exc:  # a broken installation, not a bad upload
            raise ApiError(503, "unavailable", exc.message) from None
        except (ValueError, OSError, EOFError, csv.Error) as exc:  # readers of odd files
            raise UserInputError(f"{name} could not be read as {table_kind(name)}: {exc}") from None
    return {
        **summary,
        "postings": sink.records,
        "postings_truncated": sink.count > len(sink.records),
    }


def table_kind(name: str) -> str:
    """How we tried to read a file, for the message when that failed."""
    suffix = Path(name).suffix.lower().lstrip(".")
    return f"a {suffix.upper()} file" if suffix else "a table"
