"""Plan pages: make a plan, follow it step by step, export it; and the portfolio zip.

Every page here acts for the signed-in user through ``planning.Planner`` (one user's plans
in one store), so another user's plan id answers 404 exactly like a missing one. The rules
(how a plan is built, which status may follow which) live in the engine; this module turns
form fields into calls and results into pages.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel

from ...errors import UnknownIdError, UserInputError, listing
from ...service.plan_shares import Sharing
from ...service.plans import (
    DEFAULT_HOURS_PER_WEEK,
    EXPORT_FORMATS,
    MEDIA_TYPES,
    Planner,
    PlanRecord,
    PlanRequest,
    parse_status,
)
from ..deps import UserDep, WebUser, current_user, get_navigator, get_planner, get_store
from ..errors import page_message
from ..plan_view import PATH_TEXT, STATUS_TEXT, plan_view
from ..templating import render

router = APIRouter()

NOTE_LIMIT = 1000  # characters; a note says what happened, it is not a journal
FormField = Annotated[str, Form()]


@router.get("/plans")
def plans_page(request: Request, user: UserDep) -> Response:
    """The user's plans with their progress."""
    records = get_planner(request, user).all()
    return render(request, "plans.html", {"records": records, "status_text": STATUS_TEXT})


class PlanFields(BaseModel):
    """The new-plan form's fields, as typed (checked when the plan is built)."""

    career: str = ""
    skills: str = ""
    hours_per_week: str = ""
    start: str = ""
    free_only: str = ""
    path: str = ""
    background: str = ""
    gaps: str = ""  # skill ids to learn, comma-separated: a job posting's missing must-haves


@router.get("/plans/new")
def new_plan_page(
    request: Request, user: UserDep, fields: Annotated[PlanFields, Query()]
) -> Response:
    """The form for a new plan, filled from the query (as the assessment page links it)."""
    return render(request, "plan_new.html", new_plan_context(request, fields.model_dump()))


@router.post("/plans")
def create_plan(request: Request, fields: Annotated[PlanFields, Form()]) -> Response:
    """Build and save a plan, then show it (303); a visitor signs in first and comes back."""
    values = fields.model_dump()
    user = current_user(request)
    if user is None:
        # Back to a filled-in form after signing in, so nothing typed or assessed is lost.
        back = "/plans/new?" + urlencode({k: v for k, v in values.items() if v})
        return RedirectResponse(f"/signin?next={quote(back, safe='')}", 303)
    p = get_planner(request, user)
    plan = PlanRequest(
        career=fields.career, skills=fields.skills, hours_per_week=fields.hours_per_week,
        start=fields.start or None, free_only=bool(fields.free_only), path=fields.path or None,
        background=fields.background or None, gaps=split_ids(fields.gaps),
    )  # fmt: skip
    try:
        record = p.create_from(plan)
    except UserInputError as exc:
        context = new_plan_context(request, values, error=page_message(exc))
        return render(request, "plan_new.html", context, status_code=422)
    return RedirectResponse(f"/plans/{record.id}", 303)


@router.get("/plans/{plan_id:int}")
def plan_page(request: Request, plan_id: int, user: UserDep) -> Response:
    """One plan: this week's to-do, the timeline, the paths, and every step by track."""
    return render_plan(request, user, get_planner(request, user).get(plan_id))


def render_plan(
    request: Request,
    user: WebUser,
    record: PlanRecord,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> Response:
    """The plan page of ``record`` and whether it is shared; ``extra``: an error, a new link."""
    since = Sharing(get_store(request), user.id).since(record.id)
    context = {**plan_context(record, **extra), "shared_since": since}
    return render(request, "plan.html", context, status_code=status_code, headers=headers)


@router.post("/plans/{plan_id:int}/steps/{step_id}")
def update_step(
    request: Request,
    plan_id: int,
    step_id: str,
    user: UserDep,
    action: FormField = "",
    note: FormField = "",
) -> Response:
    """Record progress on a step, then back to the plan (HTMX: just the step and progress)."""
    p = get_planner(request, user)
    htmx = request.headers.get("HX-Request") == "true"
    error, status = _apply(p, plan_id, step_id, action, note)
    record = p.get(plan_id)
    context = plan_context(record, error=error, error_step=step_id)
    if step_id not in context["steps"]:  # reached only when the form itself was bad
        raise UnknownIdError("step", step_id, [], listing(page=f"/plans/{plan_id}"))
    if htmx:
        # htmx swaps only 2xx answers; the message is shown inside the step instead.
        return render(request, "plan_step_update.html", {**context, "step_id": step_id})
    if error is not None:
        return render_plan(request, user, record, status, error=error, error_step=step_id)
    return RedirectResponse(f"/plans/{plan_id}#step-{step_id}", 303)


@router.get("/plans/{plan_id:int}/export.{fmt}")
def export_plan(request: Request, plan_id: int, fmt: str, user: UserDep) -> Response:
    """The plan as a download: Markdown, iCalendar, JSON, CSV or the timeline (SVG)."""
    if fmt not in EXPORT_FORMATS:
        raise HTTPException(404, f"Plans export as {', '.join(EXPORT_FORMATS)}; not as '{fmt}'.")
    p = get_planner(request, user)
    text = p.export(plan_id, fmt)  # narrowed to ExportFormat by the check above
    career = p.get(plan_id).plan.career
    name = f"aicareers-plan-{plan_id}-{career}.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(text.encode("utf-8"), media_type=MEDIA_TYPES[fmt], headers=headers)


@router.get("/careers/{career_id}/portfolio.zip")
def portfolio_zip(request: Request, career_id: str, name: str | None = None) -> Response:
    """A starter portfolio for one career as a zip: READMEs, project briefs and checklists."""
    from ...service import portfolio

    found = portfolio.zipped(portfolio.scaffold(get_navigator(request).catalog, career_id, name))
    headers = {"Content-Disposition": f'attachment; filename="{found.filename}"'}
    return Response(found.data, media_type="application/zip", headers=headers)


def _apply(
    p: Planner, plan_id: int, step_id: str, action: str, note: str
) -> tuple[str | None, int]:
    """Record the change; a refused one gives its message and status (422 bad form, 409 rule)."""
    try:
        change, text = parse_status(action), _note(note)
    except UserInputError as exc:
        return page_message(exc), 422
    try:
        p.record(plan_id, step_id, change, note=text)
    except UnknownIdError:
        raise  # another user's plan, or a step this plan does not have: 404
    except UserInputError as exc:
        return page_message(exc), 409  # the step's current status does not allow this change
    return None, 200


def _note(note: str) -> str | None:
    text = " ".join(note.split())
    if len(text) > NOTE_LIMIT:
        raise UserInputError(f"A note can be at most {NOTE_LIMIT} characters ({len(text)} given).")
    return text or None


def split_ids(text: str) -> tuple[str, ...] | None:
    """``"sql, python"`` -> ``("sql", "python")``; None when empty (the career's own gaps)."""
    ids = tuple(part.strip() for part in text.split(",") if part.strip())
    return ids or None


def new_plan_context(
    request: Request, values: dict[str, str], error: str | None = None
) -> dict[str, Any]:
    """The new-plan form: the careers to choose from and the values to show again."""
    names = {s.id: s.name for s in get_navigator(request).catalog.skills}
    return {
        "values": values,
        "gap_names": [names.get(i, i) for i in split_ids(values.get("gaps", "")) or ()],
        "careers": [(c.id, c.title) for c in get_navigator(request).catalog.careers],
        "error": error,
        "today": dt.date.today().isoformat(),
        "default_hours": DEFAULT_HOURS_PER_WEEK,
        "paths": PATH_TEXT,
        "backgrounds": sorted(
            ((b.id, b.name) for b in get_navigator(request).catalog.backgrounds),
            key=lambda b: b[1].lower(),
        ),
    }


def plan_context(
    record: PlanRecord,
    *,
    error: str | None = None,
    error_step: str | None = None,
    share_link: str | None = None,
) -> dict[str, Any]:
    """The owner's plan page: the plan's view with its id, exports, and what just happened."""
    return {
        **plan_view(record.plan, record.progress, owner=True),
        "plan_id": record.id,
        "formats": [(f, EXPORT_LABELS.get(f, f.upper())) for f in EXPORT_FORMATS],
        "error": error,
        "error_step": error_step,
        "share_link": share_link,
    }


EXPORT_LABELS = {
    "md": "Markdown",
    "ics": "Calendar (iCalendar)",
    "json": "JSON",
    "csv": "CSV",
    "svg": "Timeline picture (SVG)",
}
