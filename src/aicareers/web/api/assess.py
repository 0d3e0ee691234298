"""``POST /api/v1/assess``: rank the careers for a person, from JSON or an uploaded resume.

The body is read once, with a size limit, then parsed by its content type: JSON validated
by ``AssessRequest``, or multipart with a ``file`` and the same fields as form fields. Nothing
is stored; the answer is the CLI's ``assess --format json`` document.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from ...documents.assessment import Assessment
from ...service import assess as service
from ...service.isolation import Abandoned, Isolated, unless_abandoned
from ..deps import get_settings
from ..errors import ApiError
from ..limits import FRAMING_BYTES
from .common import ApiRoute, documented, errors, form_properties, json_response, read_body
from .nesting import check_body, check_pasted_text
from .schemas import AssessRequest, clean_text

router = APIRouter(tags=["assess"], route_class=ApiRoute)
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
# Form fields that may be repeated (or given once, comma separated).
LIST_FIELDS = ("skills", "past_titles")
CLIENT_GONE = 499  # nginx's "client closed request": the client left before the answer

_FORM_SCHEMA = {
    "type": "object",
    "properties": {
        "file": {
            "type": "string",
            "format": "binary",
            "description": "PDF, DOCX, text, Markdown, JSON Resume or a LinkedIn export zip.",
        },
        **form_properties(AssessRequest),
    },
}
_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": AssessRequest.model_json_schema()},
            "multipart/form-data": {"schema": _FORM_SCHEMA},
        },
    }
}


@router.post(
    "/assess",
    summary="Rank the 20 careers for a person",
    responses={
        **documented(Assessment, "The careers ranked, with evidence and gaps."),
        **errors(413, 415, 422),
    },
    openapi_extra=_BODY,
)
async def assess(request: Request) -> Response:
    """Fit scores, reasons, evidence from the person's own words, and gaps (`assess --format json`).

    Send JSON (`text`, `title`, `skills`, `years`, `location`, `top`, ...) or multipart form
    data with a `file` field and the same fields. Give at least one of text, title, skills or
    file; with both a file and text, the file is read and `profile.notes` says the text was set
    aside. Empty text is 422, a file that is not what it claims 415 or 422, over 10 MB 413.
    Nothing is stored.
    """
    limit = get_settings(request).max_upload_bytes
    body = await read_body(request, limit + FRAMING_BYTES)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind in FORM_TYPES:
        fields, data, filename = await _from_form(request, limit)
    elif kind in ("application/json", "") or kind.endswith("+json"):
        fields, data, filename = _from_json(body), None, None
    else:
        raise ApiError(
            415, "unsupported-media-type",
            "Send the request as application/json, or as form data (multipart/form-data to "
            "upload a file).",
            {"content_type": kind},
        )  # fmt: skip
    if data is None:  # only text that will be read is scanned; with a file it is set aside
        check_pasted_text(fields.text)
    settings = get_settings(request)
    isolated = Isolated()  # the file or text is read in the reader pool, cancelled with us
    try:
        work = _run(fields, data, filename, settings.semantic, isolated)
        report = await unless_abandoned(work, request.is_disconnected, isolated)
    except Abandoned:
        return Response(status_code=CLIENT_GONE)  # nobody reads it; the access log does
    return json_response(report)


def _from_json(body: bytes) -> AssessRequest:
    check_body(body)
    try:
        return AssessRequest.model_validate_json(body or b"{}")
    except ValidationError as exc:
        raise _invalid(exc) from None


async def _from_form(
    request: Request, limit: int
) -> tuple[AssessRequest, bytes | None, str | None]:
    try:
        form = await request.form(max_files=1, max_fields=100, max_part_size=limit)
    except HTTPException as exc:  # malformed multipart, too many parts
        raise ApiError(
            422, "invalid-request", f"The form could not be read: {exc.detail}"
        ) from None
    raw: dict[str, Any] = {}
    upload: UploadFile | None = None
    for name, value in form.multi_items():
        if name == "file":
            if not isinstance(value, UploadFile):
                raise ApiError(422, "invalid-request", "The field 'file' must be a file upload.")
            upload = value
        elif name in LIST_FIELDS:
            raw.setdefault(name, []).append(value)
        else:
            raw[name] = value
    if "skills" in raw:
        raw["skills"] = ", ".join(str(s) for s in raw["skills"])
    try:
        fields = AssessRequest.model_validate(raw)
    except ValidationError as exc:
        raise _invalid(exc) from None
    if upload is None:
        return fields, None, None
    data = await upload.read()
    return fields, data, clean_text(upload.filename) or None


def _invalid(exc: ValidationError) -> ApiError:
    found = [
        {"field": ".".join(str(p) for p in err["loc"]) or "body", "message": err["msg"]}
        for err in exc.errors(include_url=False, include_context=False, include_input=False)
    ]
    shown = "; ".join(f"{f['field']}: {f['message']}" for f in found[:3])
    return ApiError(422, "invalid-request", f"The request is not valid ({shown}).",
                    {"fields": found})  # fmt: skip


async def _run(
    fields: AssessRequest,
    data: bytes | None,
    filename: str | None,
    semantic: bool,
    isolated: Isolated,
) -> Assessment:
    """Assess in a worker thread (the engine is CPU-bound), the reading in the reader pool."""
    from starlette.concurrency import run_in_threadpool

    person = service.AssessInput(
        text=fields.text, file=data, filename=filename, title=fields.title,
        past_titles=tuple(fields.past_titles), skills=_skills(fields.skills), years=fields.years,
        location=fields.location, education=fields.education, interests=fields.interests,
        quiz=fields.quiz, hours_per_week=fields.hours_per_week,
    )  # fmt: skip
    run = partial(service.assess, person, top=fields.top, semantic=semantic, isolated=isolated)
    return await run_in_threadpool(run)


def _skills(given: list[str] | str | None) -> str | tuple[str, ...] | None:
    return tuple(given) if isinstance(given, list) else given
