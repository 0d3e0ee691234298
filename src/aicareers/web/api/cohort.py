"""``POST /api/v1/cohort/report``: the cohort report of an uploaded batch results file.

The answer is the document ``aicareers cohort report --format json`` prints and the cohort
page offers to download: counts only, unless ``include_text`` asks for people's words. The
upload (JSON Lines, gzip-compressed or not, at most the upload limit) is read from the
request's spooled file and not kept.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from ...documents.cohort import CohortReport
from ...service.cohort import CohortRequest, cohort_report_stream
from ..deps import get_settings
from ..limits import FRAMING_BYTES
from .common import (
    ApiRoute,
    documented,
    errors,
    form_properties,
    json_response,
    read_body,
    request_body,
)
from .file_form import read_file_form

router = APIRouter(tags=["cohort"], route_class=ApiRoute)

UNPACKED_TIMES = 50  # a gzip upload may unpack to this many times the upload limit


class CohortForm(BaseModel):
    """The form fields beside the file; they mirror the CLI's options."""

    model_config = {"extra": "forbid"}

    by: str | None = Field(
        None, min_length=1, max_length=200, description="Also report each group by this column."
    )
    include_text: bool = Field(False, description="Include quotes, reasons and error messages.")


_FORM_SCHEMA = {
    "type": "object",
    "required": ["file"],
    "properties": {
        "file": {
            "type": "string",
            "format": "binary",
            "description": "The JSON Lines a batch assessment wrote (gzip or not).",
        },
        **form_properties(CohortForm),
    },
}
_BODY = request_body(_FORM_SCHEMA)


@router.post(
    "/cohort/report",
    summary="Report on a cohort from its batch results",
    responses={**documented(CohortReport, "The cohort report."), **errors(413, 415, 422)},
    openapi_extra=_BODY,
)
async def report(request: Request) -> Response:
    """How the cohort spreads over the careers, the skills missing most, the backgrounds found
    and why rows were not assessed (`aicareers cohort report --format json`).

    Send multipart form data with a `file` (the JSON Lines of `aicareers batch assess`, gzip
    or not), optionally `by` (a column kept with `batch assess --keep`) and `include_text`.
    """
    limit = get_settings(request).max_upload_bytes
    await read_body(request, limit + FRAMING_BYTES)
    options, upload = await read_file_form(request, CohortForm, "the results", 10)
    wanted = CohortRequest(by=options.by, include_text=options.include_text,
                           max_unpacked=UNPACKED_TIMES * limit)  # fmt: skip
    name = (upload.filename or "results.jsonl").replace("\\", "/").rsplit("/", 1)[-1]
    document = await run_in_threadpool(cohort_report_stream, upload.file, name, wanted)
    return json_response(document)
