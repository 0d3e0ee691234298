"""The cohort page, for coaches: upload a batch's results file and read the cohort report.

The report is the one ``aicareers cohort report`` makes, laid out by the same code: shown in
the page, or sent back as the self-contained HTML file or as JSON to download. The upload is
read as a stream from the request's temporary file and nothing is kept.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec
from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from ...documents.cohort import CohortReport
from ...errors import UserInputError
from ...service.cohort import (
    CohortRequest,
    cohort_html,
    cohort_report_stream,
    report_css,
    report_fragment,
)
from ..deps import SettingsDep
from ..errors import page_message
from ..templating import render
from ..uploads import form_field

router = APIRouter()

TEMPLATE = "cohort.html"
DOWNLOADS = ("html", "json")  # any other action shows the report in the page
UNPACKED_TIMES = 50  # a gzip upload may unpack to this many times the upload limit
MB = 1_048_576
DOWNLOAD_NAME = "cohort-report"


class ResultsTooLargeError(UserInputError):
    """An uploaded results file over the upload limit."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"The file is {_size(size)}; the limit here is {_size(limit)}. Compress "
            "it with gzip (results shrink about twenty times), or make the report on your own "
            "machine with `aicareers cohort report RESULTS --format html`."
        )


def _size(count: int) -> str:
    """'10 MB', '1.5 MB' or, under a megabyte, '2 KB'."""
    if count >= MB:
        return f"{count / MB:.1f}".removesuffix(".0") + " MB"
    return f"{max(round(count / 1024), 1)} KB"


def _context(limit: int, values: dict[str, Any]) -> dict[str, Any]:
    return {"values": values, "problem": None, "report": None, "fragment": None,
            "css": Markup(report_css()), "limit_mb": limit / MB}  # fmt: skip


@router.get("/cohort")
def cohort_form(request: Request, settings: SettingsDep) -> Response:
    """The form to upload a results file."""
    values = {"by": "", "include_text": False}
    return render(request, TEMPLATE, _context(settings.max_upload_bytes, values))


def make_report(upload: UploadFile, request: CohortRequest, limit: int) -> CohortReport:
    """The report of an uploaded results file (run in a worker thread: it reads and counts)."""
    if upload.size is not None and upload.size > limit:
        raise ResultsTooLargeError(upload.size, limit)
    name = (upload.filename or "results.jsonl").replace("\\", "/").rsplit("/", 1)[-1]
    return cohort_report_stream(upload.file, name, request)


def _download(report: CohortReport, action: str) -> Response:
    if action == "json":
        body = json.dumps(msgspec.to_builtins(report), indent=2, ensure_ascii=False) + "\n"
        kind, suffix = "application/json", "json"
    else:
        body, kind, suffix = cohort_html(report), "text/html; charset=utf-8", "html"
    disposition = f'attachment; filename="{DOWNLOAD_NAME}.{suffix}"'
    return Response(body, media_type=kind, headers={"Content-Disposition": disposition})


@router.post("/cohort")
async def cohort_upload(request: Request, settings: SettingsDep) -> Response:
    """The report of an uploaded results file: in the page, or as a file to download."""
    form = await request.form()
    limit = settings.max_upload_bytes
    by = form_field(form, "by").strip()
    include_text = form_field(form, "include_text") == "yes"
    values: dict[str, Any] = {"by": by, "include_text": include_text}
    action = form_field(form, "action")
    context = _context(limit, values)
    status = 200
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise UserInputError("Choose a results file to upload.")
        wanted = CohortRequest(by=by or None, include_text=include_text,
                               max_unpacked=UNPACKED_TIMES * limit)  # fmt: skip
        report = await run_in_threadpool(make_report, upload, wanted, limit)
        if action in DOWNLOADS:
            return _download(report, action)
        context["report"] = report
        context["fragment"] = Markup(report_fragment(report))
    except ResultsTooLargeError as exc:
        context["problem"], status = page_message(exc), 413
    except UserInputError as exc:
        context["problem"], status = page_message(exc), 422
    finally:
        await form.close()
    return render(request, TEMPLATE, context, status_code=status)
