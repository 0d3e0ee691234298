"""The postings page, for coaches: upload job postings and see careers, skills and pay.

The file is analysed in a temporary folder and deleted; nothing is stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from ...errors import UserInputError
from ...service.postings import PostingsRequest, analyze_upload, skills_chart
from ..deps import SettingsDep
from ..errors import page_message
from ..page_parts import Chart, inline_svg
from ..settings import WebSettings
from ..templating import render

router = APIRouter()

POSTING_FIELDS = ("title_col", "text_col", "salary_col", "currency")
MALFORMED_SHOWN = 50
MB = 1_048_576


class UploadTooLargeError(UserInputError):
    """An uploaded file over the size limit."""

    def __init__(self, limit: int) -> None:
        size = f"{limit / MB:.0f} MB" if limit >= MB else f"{max(limit // 1024, 1)} KB"
        super().__init__(
            f"The file is over the {size} limit. Upload fewer postings at "
            "once (split the file), or run `aicareers postings analyze FILE` on your own machine."
        )


def _read_upload(source: IO[bytes], limit: int) -> bytes:
    """The upload's bytes, refused as soon as they pass ``limit``."""
    data = source.read(limit + 1)
    if len(data) > limit:
        raise UploadTooLargeError(limit)
    return data


def analyse_upload(upload: UploadFile, values: dict[str, str], limit: int) -> dict[str, Any]:
    """Analyse an uploaded postings file (in a temporary folder, deleted afterwards)."""
    request = PostingsRequest(
        title_col=values["title_col"] or None, text_col=values["text_col"] or None,
        salary_col=values["salary_col"] or None, currency=values["currency"] or None,
    )  # fmt: skip
    return analyze_upload(_read_upload(upload.file, limit), upload.filename, request)


def chart_of_skills(summary: dict[str, Any]) -> Chart | None:
    """The skills named most across the postings, as a bar chart."""
    if not summary["skills"]:
        return None
    title = f"Skills named most in {summary['rows']['analysed']:,} postings"
    return inline_svg(lambda path: skills_chart(summary, path), title, "skills",
                      "Share of the postings that name each skill.")  # fmt: skip


def _postings_context(settings: WebSettings, values: dict[str, str]) -> dict[str, Any]:
    return {"values": values, "summary": None, "problem": None, "skills_chart": None,
            "limit_mb": settings.max_upload_bytes / MB,
            "malformed_shown": MALFORMED_SHOWN}  # fmt: skip


@router.get("/postings", response_class=HTMLResponse)
def postings_form(request: Request, settings: SettingsDep) -> HTMLResponse:
    """The form to upload a file of job postings."""
    values = dict.fromkeys(POSTING_FIELDS, "")
    return render(request, "postings.html", _postings_context(settings, values))


@router.post("/postings", response_class=HTMLResponse)
async def postings_upload(request: Request, settings: SettingsDep) -> HTMLResponse:
    """Careers, skills and pay in an uploaded postings file; nothing is kept afterwards."""
    form = await request.form()
    values = {k: v.strip() if isinstance(v := form.get(k), str) else "" for k in POSTING_FIELDS}
    context = _postings_context(settings, values)
    upload = form.get("file")
    status = 200
    try:
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise UserInputError("Choose a file of job postings to upload.")
        context["filename"] = Path(upload.filename).name
        summary = await run_in_threadpool(
            analyse_upload, upload, values, settings.max_upload_bytes
        )
        context["summary"] = summary
        context["skills_chart"] = await run_in_threadpool(chart_of_skills, summary)
    except UploadTooLargeError as exc:
        context["problem"], status = page_message(exc), 413
    except UserInputError as exc:
        context["problem"], status = page_message(exc), 422
    finally:
        await form.close()
    return render(request, "postings.html", context, status_code=status)
