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
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ...documents.match import MatchReport
from ...service import match as service
from ...service.isolation import Isolated
from .common import ApiRoute, documented, errors, form_properties, request_body
from .nesting import check_pasted_text
from .resume_body import answer, read_resume_body, skills_given
from .schemas import clean_text

router = APIRouter(tags=["match"], route_class=ApiRoute)
LIST_FIELDS = ("resume_skills",)  # may be repeated in a form, or given once, comma separated


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
_BODY = request_body(_FORM_SCHEMA, MatchRequest)


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
    fields, data, filename = await read_resume_body(
        request, MatchRequest, LIST_FIELDS, "resume_skills"
    )
    if data is None:  # only text that will be read is scanned; with a file it is set aside
        check_pasted_text(fields.resume_text)
    return await answer(request, partial(_run, fields, data, filename))


def _run(
    fields: MatchRequest,
    data: bytes | None,
    filename: str | None,
    semantic: bool,
    isolated: Isolated,
) -> MatchReport:
    """The match (run in a worker thread, the reading in the reader pool)."""
    person = service.AssessInput(
        text=fields.resume_text, file=data, filename=filename, title=fields.resume_title,
        skills=skills_given(fields.resume_skills),
    )  # fmt: skip
    return service.match(
        person, fields.posting, fields.posting_title, semantic=semantic, isolated=isolated
    )
