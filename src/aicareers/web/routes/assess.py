"""The assessment pages: a form (paste, upload or type), and the careers it ranks for you.

``POST /assess`` runs the assessment exactly as ``aicareers assess`` does (``service.assess``)
and stores nothing: the result is rendered into the answer and forgotten. Bad input gives the
form back with the message and a 4xx status.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup, escape

from ...documents.assessment import Assessment, CareerFit, ProfileRead, Quote
from ...documents.reading import SCORE_LEGEND
from ...errors import AicareersError, ProfileError
from ...service import assess as service
from ...service.intake import (
    DEFAULT_HOURS_PER_WEEK,
    EDUCATION_LEVELS,
    QUIZ,
    RATING_LABELS,
    RIASEC_TYPES,
)
from ...service.isolation import Abandoned, Isolated
from ..api.nesting import check_pasted_text
from ..errors import classify, page_message
from ..templating import render
from ..uploads import CLIENT_GONE, Upload, form_field, in_reader_pool, read_upload

router = APIRouter()

FORM = "assess.html"
RESULTS = "assess_results.html"
FIELDS = ("text", "title", "skills", "years", "location", "education")
DETAILS = 5  # careers explained in full, each with its own "make a plan" form
QUOTES = 3  # evidence quotes shown per matched skill
CONTEXT = 60  # characters of the person's text shown around a quote
_SPACE = re.compile(r"\s+")
TITLE_PREFILL = 200  # characters of a job title taken from a link


@router.get("/assess")
def assess_form(request: Request, quiz: bool = False, title: str = "") -> Response:
    """The assessment form; ``?quiz=1`` opens the interests quiz, ``?title=`` fills the job
    title (the guide's Step 1 table links here with a background's typical title)."""
    values = dict.fromkeys(FIELDS, "")
    values["title"] = title.strip()[:TITLE_PREFILL]
    return render(request, FORM, form_context(request, values, open_quiz=quiz))


@router.post("/assess")
async def assess_submit(request: Request) -> Response:
    """Assess what was pasted, uploaded or typed; the form again with a message if we cannot."""
    form = await request.form()
    values = {name: form_field(form, name) for name in FIELDS}
    answers = {item.id: form_field(form, f"quiz-{item.id}") for item in QUIZ}
    settings = request.app.state.settings
    try:
        upload = await read_upload(form.get("file"), settings.max_upload_bytes)
        if upload is None:  # pasted JSON is parsed recursively: refuse absurd nesting first
            check_pasted_text(values["text"])
        job = partial(run_assessment, values, answers, upload, settings.semantic)
        report = await in_reader_pool(request, job)
    except Abandoned:
        return Response(status_code=CLIENT_GONE)  # nobody reads it; the access log does
    except AicareersError as exc:
        status, _code, _details = classify(exc)
        if status >= 500:
            raise  # the installation is broken, not the input: the app's error page says so
        opened = any(answers.values())
        context = form_context(request, values, answers, error=page_message(exc), open_quiz=opened)
        return render(request, FORM, context, status_code=status)
    return render(request, RESULTS, results_context(report))


def run_assessment(
    values: dict[str, str],
    answers: dict[str, str],
    upload: Upload | None,
    semantic: bool,
    isolated: Isolated | None = None,
) -> Assessment:
    """The assessment of what the form holds (notes say what was set aside or not matched)."""
    person = service.AssessInput(
        text=values["text"] or None, file=upload.data if upload else None,
        filename=upload.filename if upload else None, title=values["title"] or None,
        skills=values["skills"] or None, years=parse_years(values["years"]),
        location=values["location"] or None, education=values["education"] or None,
        quiz=quiz_answers(answers),
    )  # fmt: skip
    return service.assess(person, semantic=semantic, isolated=isolated)


def parse_years(value: str) -> float | None:
    """Years of experience from the form; blank means not given."""
    if not value.strip():
        return None
    try:
        return float(value.replace(",", "."))
    except ValueError:
        raise ProfileError(
            "years", f"Years of experience must be a number, like 6 or 2.5 (got '{value}')."
        ) from None


def quiz_answers(answers: dict[str, str]) -> str | None:
    """The quiz ratings in QUIZ order as ``"4,2,..."``; None when the quiz was not taken.

    A half-answered quiz is passed on as it is, so the engine names what is missing.
    """
    given = [answers.get(item.id, "").strip() for item in QUIZ]
    if not any(given):
        return None
    if not all(given):
        missing = sum(1 for g in given if not g)
        raise ProfileError(
            "quiz", f"Rate all 12 activities of the interests quiz, or none ({missing} unrated)."
        )
    return ",".join(given)


def form_context(
    request: Request,
    values: dict[str, str] | None = None,
    answers: dict[str, str] | None = None,
    *,
    error: str | None = None,
    open_quiz: bool = False,
) -> dict[str, Any]:
    """What the form template needs: the values to show again, the quiz and any error."""
    return {
        "values": values or dict.fromkeys(FIELDS, ""),
        "answers": answers or {},
        "quiz": QUIZ,
        "ratings": sorted(RATING_LABELS.items()),
        "education_levels": EDUCATION_LEVELS,
        "error": error,
        "open_quiz": open_quiz,
        "max_upload_mb": request.app.state.settings.max_upload_bytes // 1_048_576,
    }


def results_context(report: Assessment) -> dict[str, Any]:
    """The ranked careers, the best few explained with quotes of the person's own text."""
    text = report.profile.text
    found = report.skills.project
    marked = highlight(text, _spans(text, [quote for s in found for quote in s.evidence]))
    return {
        "report": report,
        "careers": report.careers,
        "details": [career_detail(career, text) for career in report.careers[:DETAILS]],
        "highlighted": _lines(marked),
        "have": ",".join(s.id for s in found),
        "interests": interests_line(report.profile),
        "notes": report.profile.notes,
        "today": dt.date.today().isoformat(),
        "default_hours": DEFAULT_HOURS_PER_WEEK,
        "score_legend": SCORE_LEGEND,
    }


def interests_line(profile: ProfileRead) -> str | None:
    """``"Investigative, Conventional and Social (from your answers)"``: the top three types."""
    scores = profile.interests
    if not scores:
        return None
    top = sorted(scores, key=lambda k: -scores[k])[:3]
    names = [RIASEC_TYPES.get(k, k).capitalize() for k in top]
    source = profile.interests_source
    how = "from your answers" if source == "given" else (source or "estimated")
    return f"{', '.join(names[:-1])} and {names[-1]} ({how})"


def career_detail(career: CareerFit, text: str) -> dict[str, Any]:
    """One career explained: each matched skill with its quotes, and the gaps."""
    matched = []
    for match in career.matched:
        spans = _spans(text, match.evidence)[:QUOTES]
        quotes = [snippet(text, start, end) for start, end in spans]
        matched.append({"name": match.name, "how": match.how, "quotes": quotes})
    return {"career": career, "matched": matched, "missing": career.missing}


def _spans(text: str, evidence: Iterable[Quote]) -> list[tuple[int, int]]:
    """Evidence offsets that really point at their quote in ``text`` (others are dropped)."""
    spans = set()
    for quote in evidence:
        start, end = quote.start, quote.end
        if 0 <= start < end <= len(text) and text[start:end] == quote.text:
            spans.add((start, end))
    return sorted(spans)


def highlight(text: str, spans: Sequence[tuple[int, int]]) -> Markup:
    """``text`` escaped, with ``<mark>`` around each span (overlapping spans merged)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    parts: list[Markup] = []
    position = 0
    for start, end in merged:
        parts.append(escape(text[position:start]))
        parts.append(Markup("<mark>{}</mark>").format(text[start:end]))
        position = end
    parts.append(escape(text[position:]))
    return Markup("").join(parts)


def _lines(html: Markup) -> Markup:
    """Line breaks of the person's text kept on the page."""
    return Markup("<br>\n").join(html.split("\n"))


def snippet(text: str, start: int, end: int, context: int = CONTEXT) -> Markup:
    """The quote with some of its surroundings, on one line, the quote itself marked."""
    left = min(start, _word_start(text, max(0, start - context)))
    right = max(end, _word_end(text, min(len(text), end + context)))
    inner = highlight(text[left:right], [(start - left, end - left)])
    line = Markup(" ").join(inner.split())  # newlines and runs of spaces read as one space
    return Markup("{}{}{}").format("… " if left else "", line, " …" if right < len(text) else "")


def _word_start(text: str, index: int) -> int:
    """Move ``index`` forward past a partial word, so a snippet never opens mid-word."""
    if index == 0 or text[index - 1].isspace():
        return index
    found = _SPACE.search(text, index)
    return index if found is None else found.end()


def _word_end(text: str, index: int) -> int:
    """Move ``index`` back before a partial word."""
    if index >= len(text) or text[index].isspace():
        return index
    starts = [m.start() for m in _SPACE.finditer(text, 0, index)]
    return starts[-1] if starts else index
