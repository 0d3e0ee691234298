"""``POST /api/v1/match``: a resume against one job posting, from JSON or an uploaded resume.

The body is read once, with a size limit, then parsed by its content type, as
``POST /api/v1/assess`` does: JSON validated by ``MatchRequest``, or multipart with a resume
``file`` and the same fields as form fields. Nothing is stored and no link is fetched: the
posting is its text. The answer is the CLI's ``match --format json`` document.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from ...documents.match import MatchReport
from ...service import match as service
from ...service.isolation import Abandoned, Isolated, unless_abandoned
from ..deps import get_settings
from ..errors import ApiError
from ..limits import FRAMING_BYTES
from .common import ApiRoute, documented, errors, form_properties, json_response, read_body
from .nesting import check_body, check_pasted_text
from .schemas import clean_text

router = APIRouter(tags=["match"], route_class=ApiRoute)
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
LIST_FIELDS = ("resume_skills",)  # may be repeated in a form, or given once, comma separated
CLIENT_GONE = 499  # nginx's "client closed request": the client left before the answer


class MatchRequest(BaseModel):
    """A resume (text, title or skills; or a file in multipart) and the posting's text."""

    # Unknown keys are refused, so a typo is reported rather than ignored (as schemas.py does).
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "resume_text": "Data analyst, 6 years. Built dashboards in Tableau; SQL.",
                    "posting": "Data Scientist\nRequirements\n- SQL\n- Python\n",
                }
            ]
        },
    )

    resume_text: str | None = Field(None, description="Your resume, or a few sentences.")
    resume_title: str | None = Field(None, max_length=300, description="Current job title.")
    resume_skills: list[str] | str | None = Field(
        None, description='A list, or one comma-separated string: "Python, SQL".'
    )
    posting: str = Field(
        description=f"The posting's text (up to {service.MAX_POSTING_CHARS:,} characters); "
        "a link is not fetched."
    )
    posting_title: str | None = Field(
        None, max_length=300, description="The job's title (default: the posting's first line)."
    )

    @field_validator("*", mode="before")
    @classmethod
    def _clean(cls, value: Any) -> Any:
        return clean_text(value)  # a lone surrogate could not be quoted back in an error


_FORM_SCHEMA = {
    "type": "object",
    "required": ["posting"],
    "additionalProperties": False,  # a field we do not know is refused, as in JSON
    "properties": {
        "file": {
            "type": "string",
            "format": "binary",
            "description": "The resume: PDF, DOCX, text, Markdown, JSON Resume or a LinkedIn "
            "export zip.",
        },
        **form_properties(MatchRequest),
    },
}
_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": MatchRequest.model_json_schema()},
            "multipart/form-data": {"schema": _FORM_SCHEMA},
        },
    }
}


@router.post(
    "/match",
    summary="Match a resume to a job posting",
    responses={
        **documented(MatchReport, "The fit, each skill met or missing, and the gaps' hours."),
        **errors(413, 415, 422),
    },
    openapi_extra=_BODY,
)
async def match(request: Request) -> Response:
    """The fit (0-100) and its parts, each skill the posting asks for met or missing with the
    posting's words and the resume's side by side, and the hours the missing ones take
    (`match --format json`).

    Send JSON (`resume_text`, `resume_title`, `resume_skills`, `posting`, `posting_title`) or
    multipart form data with a resume `file` and the same fields. An empty or over-long
    posting is 422, a resume file that is not what it claims 415 or 422, over 10 MB 413.
    Nothing is stored and no link is fetched: send the posting's text.
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
            "upload a resume file).",
            {"content_type": kind},
        )  # fmt: skip
    if data is None:  # only text that will be read is scanned; with a file it is set aside
        check_pasted_text(fields.resume_text)
    settings = get_settings(request)
    isolated = Isolated()  # the file or text is read in the reader pool, cancelled with us
    try:
        work = _run(fields, data, filename, settings.semantic, isolated)
        report = await unless_abandoned(work, request.is_disconnected, isolated)
    except Abandoned:
        return Response(status_code=CLIENT_GONE)  # nobody reads it; the access log does
    return json_response(report)


def _from_json(body: bytes) -> MatchRequest:
    check_body(body)
    try:
        return MatchRequest.model_validate_json(body or b"{}")
    except ValidationError as exc:
        raise _invalid(exc) from None


async def _from_form(request: Request, limit: int) -> tuple[MatchRequest, bytes | None, str | None]:
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
    if "resume_skills" in raw:
        raw["resume_skills"] = ", ".join(str(s) for s in raw["resume_skills"])
    try:
        fields = MatchRequest.model_validate(raw)
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
    fields: MatchRequest,
    data: bytes | None,
    filename: str | None,
    semantic: bool,
    isolated: Isolated,
) -> MatchReport:
    """Match in a worker thread (the engine is CPU-bound), the reading in the reader pool."""
    from starlette.concurrency import run_in_threadpool

    given = fields.resume_skills
    person = service.AssessInput(
        text=fields.resume_text, file=data, filename=filename, title=fields.resume_title,
        skills=tuple(given) if isinstance(given, list) else given,
    )  # fmt: skip
    run = partial(
        service.match, person, fields.posting, fields.posting_title,
        semantic=semantic, isolated=isolated,
    )  # fmt: skip
    return await run_in_threadpool(run)
