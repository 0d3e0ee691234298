"""The match pages: a resume beside a job posting, and how well the two fit.

``POST /match`` runs ``service.match`` as ``aicareers match`` does and stores nothing: the
result is rendered into the answer and forgotten. The resume is read in the reader pool, as
on the assessment page; the posting is only ever pasted text, never a link to fetch. Bad
input gives the form back, with what was typed kept and the message, and a 4xx status.
"""

from __future__ import annotations

from functools import partial
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup

from ...documents.match import MatchReport, SkillMatch
from ...errors import AicareersError
from ...service import match as service
from ...service.isolation import Abandoned, Isolated
from ..api.nesting import check_pasted_text
from ..errors import classify, page_message
from ..templating import money, render
from ..uploads import CLIENT_GONE, Upload, form_field, in_reader_pool, read_upload
from .assess import snippet

router = APIRouter()

FORM = "match.html"
RESULTS = "match_results.html"
FIELDS = ("text", "posting", "posting_title")
TITLE_LIMIT = 200  # characters of a posting's title: a title, not a second posting
# The four parts of the fit, in the order the page shows them, each with what it measures.
PARTS = (
    ("must", "Must-have skills", "the share of the must-have skills your resume shows"),
    ("nice", "Nice-to-have skills", "the share of the nice-to-have skills your resume shows"),
    ("level", "Experience", "your years of work against the years the posting asks for"),
    ("background", "Background", "how well your whole background fits this kind of role"),
)
KIND_TEXT = {"must": "Must-have", "nice": "Nice-to-have", "duties": "Named in the duties"}
OTHER = "other"  # the career of a posting that is none of the guide's 20 (postings.classify)


@router.get("/match")
def match_form(request: Request) -> Response:
    """The form: your resume on one side, the job posting on the other."""
    return render(request, FORM, form_context(request, dict.fromkeys(FIELDS, "")))


@router.post("/match")
async def match_submit(request: Request) -> Response:
    """Match what was pasted or uploaded to the posting; the form again with a message if we
    cannot."""
    form = await request.form()
    values = {name: form_field(form, name) for name in FIELDS}
    settings = request.app.state.settings
    upload: Upload | None = None
    try:
        upload = await read_upload(form.get("file"), settings.max_upload_bytes)
        if upload is None:  # pasted JSON is parsed recursively: refuse absurd nesting first
            check_pasted_text(values["text"])
        report = await in_reader_pool(
            request, partial(run_match, values, upload, settings.semantic)
        )
    except Abandoned:
        return Response(status_code=CLIENT_GONE)  # nobody reads it; the access log does
    except AicareersError as exc:
        status, _code, _details = classify(exc)
        if status >= 500:
            raise  # the installation is broken, not the input: the app's error page says so
        context = form_context(request, values, error=page_message(exc), had_file=bool(upload))
        return render(request, FORM, context, status_code=status)
    return render(request, RESULTS, results_context(report, values["posting"]))


def run_match(
    values: dict[str, str], upload: Upload | None, semantic: bool, isolated: Isolated | None = None
) -> MatchReport:
    """The match of the form's resume (file or pasted text) and posting."""
    person = service.AssessInput(
        text=values["text"] or None,
        file=upload.data if upload else None,
        filename=upload.filename if upload else None,
    )
    title = values["posting_title"].strip()[:TITLE_LIMIT] or None
    return service.match(person, values["posting"], title, semantic=semantic, isolated=isolated)


def form_context(
    request: Request,
    values: dict[str, str],
    *,
    error: str | None = None,
    had_file: bool = False,
) -> dict[str, Any]:
    """What the form needs: the values to show again, any error and the upload limit."""
    return {
        "values": values,
        "error": error,
        "had_file": had_file,  # a browser cannot keep a chosen file: we ask for it again
        "max_upload_mb": request.app.state.settings.max_upload_bytes // 1_048_576,
        "max_posting": service.MAX_POSTING_CHARS,
    }


def results_context(report: MatchReport, posting: str) -> dict[str, Any]:
    """The fit, its parts, the posting as read and every skill it asks for, laid out."""
    text = posting.strip()  # the quotes point into the posting as the service read it
    career = report.posting.career
    known = career != OTHER and report.posting.career_name is not None
    return {
        "report": report,
        "parts": [
            {"label": label, "means": means, "value": getattr(report.parts, name)}
            for name, label, means in PARTS
        ],
        "rows": [skill_row(skill, text) for skill in report.skills],
        "musts": sum(skill.kind == "must" for skill in report.skills),
        "career_known": known,
        "plan_link": plan_link(report) if known else None,
        "pay": pay_text(report),
    }


def skill_row(skill: SkillMatch, posting: str) -> dict[str, Any]:
    """One asked skill as the table shows it: the posting's words and the resume's."""
    quote = skill.posting_quote
    start, end = quote.start, quote.end
    fits = 0 <= start < end <= len(posting) and posting[start:end] == quote.text
    return {
        "skill": skill,
        "kind": KIND_TEXT.get(skill.kind, skill.kind),
        "posting_words": snippet(posting, start, end) if fits else Markup("{}").format(quote.text),
        "resume_words": skill.resume_quote.text if skill.resume_quote else None,
    }


def plan_link(report: MatchReport) -> str:
    """``/plans/new`` for the posting's career on the fast path, with the skills you already
    show filled in and the posting's missing must-haves as what to learn. Ids, not names: a
    name may hold a comma, and the plan form splits on commas ("tech:" and "esco:" skills are
    not the guide's)."""
    have = [s.id for s in report.skills if s.matched and ":" not in s.id]
    # The missing must-haves the guide has learning paths for: the plan teaches those.
    gaps = [s.id for s in report.skills if s.kind == "must" and not s.matched and s.learn_hours
            and ":" not in s.id]  # fmt: skip
    query = {"career": report.posting.career, "path": "fast"}
    if have:
        query["skills"] = ", ".join(have)
    if gaps:
        query["gaps"] = ", ".join(gaps)
    return "/plans/new?" + urlencode(query)


def pay_text(report: MatchReport) -> str | None:
    """The pay the posting states, as a year's figure in its own currency."""
    pay = report.pay
    if pay is None:
        return None
    low, high = money(pay.min, pay.currency), money(pay.max, pay.currency)
    if pay.min is not None and pay.max is not None and pay.min != pay.max:
        shown = f"{low} to {high}"
    elif pay.min is None:
        shown = f"up to {high}"
    elif pay.max is None:
        shown = f"from {low}"
    else:
        shown = low
    said = "" if pay.period == "year" else f" (the posting gives it by the {pay.period})"
    return f"{shown} a year{said}"
