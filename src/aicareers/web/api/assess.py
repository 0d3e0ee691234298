"""``POST /api/v1/assess``: rank the careers for a person, from JSON or an uploaded resume.

The body is read once, with a size limit, then parsed by its content type: JSON validated
by ``AssessRequest``, or multipart with a ``file`` and the same fields as form fields. Nothing
is stored; the answer is the CLI's ``assess --format json`` document.
"""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ...documents.assessment import Assessment
from ...service import assess as service
from ...service.isolation import Isolated
from .common import ApiRoute, documented, errors, form_properties, request_body
from .nesting import check_pasted_text
from .resume_body import answer, read_resume_body, skills_given
from .schemas import AssessRequest

router = APIRouter(tags=["assess"], route_class=ApiRoute)
# Form fields that may be repeated (or given once, comma separated).
LIST_FIELDS = ("skills", "past_titles")

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
_BODY = request_body(_FORM_SCHEMA, AssessRequest)


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
    fields, data, filename = await read_resume_body(request, AssessRequest, LIST_FIELDS, "skills")
    if data is None:  # only text that will be read is scanned; with a file it is set aside
        check_pasted_text(fields.text)
    return await answer(request, partial(_run, fields, data, filename))


def _run(
    fields: AssessRequest,
    data: bytes | None,
    filename: str | None,
    semantic: bool,
    isolated: Isolated,
) -> Assessment:
    """The assessment (run in a worker thread, the reading in the reader pool)."""
    person = service.AssessInput(
        text=fields.text, file=data, filename=filename, title=fields.title,
        past_titles=tuple(fields.past_titles), skills=skills_given(fields.skills),
        years=fields.years, location=fields.location, education=fields.education,
        interests=fields.interests, quiz=fields.quiz, hours_per_week=fields.hours_per_week,
    )  # fmt: skip
    return service.assess(person, top=fields.top, semantic=semantic, isolated=isolated)

