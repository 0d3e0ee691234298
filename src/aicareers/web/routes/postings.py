"""The postings page, for coaches: upload job postings and see careers, skills and pay.

The file is analysed in a temporary folder and deleted; nothing is stored.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from ...errors import AicareersError, UserInputError
from ..deps import SettingsDep
from ..settings import WebSettings
from ..templating import render

if TYPE_CHECKING:
    from ...postings.runner import EngineFactory
from ..page_parts import CHART_ROWS, Chart, inline_svg, web_words

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


def posting_engine() -> Any:
    """The engine that reads postings: the installed one, else the catalog alone."""
    from ...batch.worker import full_assessor, light_assessor

    try:
        return full_assessor(semantic=False)
    except AicareersError:  # no taxonomy installed: careers and skills still work
        return light_assessor()


def _save_upload(source: IO[bytes], path: Path, limit: int) -> None:
    """Copy the upload to ``path``, refusing it as soon as it passes ``limit`` bytes."""
    written = 0
    with path.open("wb") as out:
        while chunk := source.read(1 << 20):
            written += len(chunk)
            if written > limit:
                raise UploadTooLargeError(limit)
            out.write(chunk)


def analyse_upload(
    upload: UploadFile, values: dict[str, str], limit: int, factory: EngineFactory
) -> dict[str, Any]:
    """Analyse an uploaded postings file in a temporary folder, deleted afterwards."""
    from ...postings import Options, analyze_table, open_postings
    from ...tabular.readers import EXTENSIONS

    name = Path(upload.filename or "").name
    fmt = EXTENSIONS.get(Path(name).suffix.lower())
    if fmt is None:
        raise UserInputError(
            f"We read job postings from .csv, .jsonl or .parquet files; '{name}' is none of them."
        )
    currency = values["currency"].upper() or None
    if currency is not None and not re.fullmatch(r"[A-Z]{3}", currency):
        raise UserInputError(
            f"A currency is a three-letter code (USD, EUR, GBP), not '{currency}'."
        )
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name).lstrip(".")[-80:] or f"postings.{fmt}"
    with tempfile.TemporaryDirectory(prefix="aicareers-postings-") as folder:
        path = Path(folder) / safe
        _save_upload(upload.file, path, limit)
        table, columns = open_postings(
            path, fmt, title=values["title_col"] or None, text=values["text_col"] or None,
            salary=values["salary_col"] or None,
        )  # fmt: skip
        return analyze_table(table, columns, None, factory=factory, options=Options(
            currency=currency))  # fmt: skip


def skills_chart(summary: dict[str, Any]) -> Chart | None:
    """The skills named most across the postings, as a bar chart."""
    from ...charts import bar_chart

    top = summary["skills"][:CHART_ROWS]
    if not top:
        return None
    title = f"Skills named most in {summary['rows']['analysed']:,} postings (% of postings)"
    labels = [s["name"] for s in top]
    shares = [round(100 * s["share"], 1) for s in top]

    def bars(path: Path) -> object:
        return bar_chart(labels, shares, title, "% of postings", path)

    return inline_svg(bars, title, "skills", "Share of the postings that name each skill.")


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
            analyse_upload, upload, values, settings.max_upload_bytes, posting_engine
        )
        context["summary"] = summary
        context["skills_chart"] = await run_in_threadpool(skills_chart, summary)
    except UploadTooLargeError as exc:
        context["problem"], status = str(exc), 413
    except UserInputError as exc:
        context["problem"], status = web_words(str(exc)), 422
    finally:
        await form.close()
    return render(request, "postings.html", context, status_code=status)
