"""Plans and progress for the owner of a personal API token (``Authorization: Bearer``).

Every call acts for the token's account only: another account's plan answers exactly like
a plan that does not exist (404). Documents equal the CLI's ``plan ... --format json``.
A shared plan (``/shared/{token}``) needs no token: its link is the key, and it reads like a
missing plan once the owner stops sharing.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from ...documents.plan import EventResult, PlanDocument, PlanHistory, StepDoc
from ...service.plan_shares import ShareLink, Sharing, read_shared, share_url, shared_document
from ...service.plans import MEDIA_TYPES, Planner, PlanRequest, parse_day, plan_document
from ..deps import ApiUserDep, StoreDep
from ..headers import SHARED_PLAN
from .common import ApiRoute, documented, errors, json_response
from .schemas import EventCreate, PlanCreate, day_pattern

# No prefix: the shared plans live beside /plans. Every route but those needs a token (401).
router = APIRouter(tags=["plans"], responses=errors(404), route_class=ApiRoute)
TOKEN = errors(401)

# Ids are 32-bit in PostgreSQL; a larger number can only be a plan nobody has.
MAX_ID = 2**31 - 1
PlanId = Annotated[int, Path(ge=1, le=MAX_ID, description="A plan id of yours.")]
Today = Annotated[
    dt.date | None,
    Query(
        description="Progress as of this day, YYYY-MM-DD, from 2000 to five years ahead "
        "(default: today).",
        json_schema_extra={"pattern": day_pattern()},
    ),
]


def _today(day: dt.date | None) -> dt.date | None:
    return None if day is None else parse_day(day.isoformat(), "today")


@router.get(
    "/plans",
    summary="Your plans",
    responses={**documented(list[PlanDocument], "Your plans."), **TOKEN},
)
def list_plans(user: ApiUserDep, store: StoreDep) -> Response:
    """Every plan of yours with its progress, oldest first (`plan list --format json`)."""
    return json_response([plan_document(r) for r in Planner(store, user.id).all()])


@router.post(
    "/plans",
    status_code=201,
    summary="Create a plan",
    responses={**documented(PlanDocument, "The new plan.", 201), **TOKEN, **errors(400, 422)},
)
def create_plan(body: PlanCreate, user: ApiUserDep, store: StoreDep) -> Response:
    """Build and save a dated plan towards a career (`plan create --format json`)."""
    request = PlanRequest(
        career=body.career, skills=body.skills, assessment_id=body.assessment_id,
        hours_per_week=body.hours_per_week, start=body.start, free_only=body.free_only,
        platforms=tuple(body.platforms), path=body.path, background=body.background,
    )  # fmt: skip
    return json_response(plan_document(Planner(store, user.id).create_from(request)), 201)


@router.get(
    "/plans/{plan_id}",
    summary="One plan",
    responses={**documented(PlanDocument, "The plan."), **TOKEN},
)
def show_plan(plan_id: PlanId, user: ApiUserDep, store: StoreDep, today: Today = None) -> Response:
    """A plan with every step, its progress, next and overdue steps (`plan show --format json`)."""
    return json_response(plan_document(Planner(store, user.id).get(plan_id, today=_today(today))))


@router.get(
    "/plans/{plan_id}/steps",
    summary="The steps of a plan",
    responses={**documented(list[StepDoc], "Every step, in order."), **TOKEN},
)
def plan_steps(plan_id: PlanId, user: ApiUserDep, store: StoreDep, today: Today = None) -> Response:
    """Every step in order, with its due date and current status (the plan's `steps`)."""
    record = Planner(store, user.id).get(plan_id, today=_today(today))
    return json_response(plan_document(record).steps)


@router.post(
    "/plans/{plan_id}/events",
    status_code=201,
    summary="Record progress on a step",
    responses={
        **documented(EventResult, "The change and the progress after it.", 201),
        **TOKEN,
        **errors(400, 422),
    },
)
def record_event(plan_id: PlanId, body: EventCreate, user: ApiUserDep, store: StoreDep) -> Response:
    """Append a change (done, in_progress, skipped, reopened) to the plan's log.

    It is saved before the answer; the answer is the event and the progress after it, as
    `plan step --format json` prints them. A change the step's state does not allow is 422.
    """
    result = Planner(store, user.id).step(plan_id, body.step, body.status, note=body.note)
    return json_response(result, 201)


@router.get(
    "/plans/{plan_id}/events",
    summary="The progress log of a plan",
    responses={**documented(PlanHistory, "Every change, oldest first."), **TOKEN},
)
def plan_events(plan_id: PlanId, user: ApiUserDep, store: StoreDep) -> Response:
    """Every change recorded on a plan, oldest first (`plan history --format json`)."""
    _, history = Planner(store, user.id).history_document(plan_id)
    return json_response(history)


@router.get(
    "/plans/{plan_id}/export",
    summary="Export a plan",
    response_class=Response,
    responses={
        200: {"description": "The file.", "content": {t: {} for t in MEDIA_TYPES.values()}},
        **TOKEN,
    },
)
def export_plan(
    plan_id: PlanId,
    user: ApiUserDep,
    store: StoreDep,
    fmt: Annotated[
        Literal["md", "ics", "json", "csv", "svg"],
        Query(
            alias="format",
            description="md (Markdown), ics (calendar), json, csv or svg (the timeline).",
        ),
    ],
) -> Response:
    """The plan as a Markdown, iCalendar, JSON, CSV or SVG file (`plan export --format F`)."""
    text = Planner(store, user.id).export(plan_id, fmt)
    disposition = f'attachment; filename="plan-{plan_id}.{fmt}"'
    return Response(
        text.encode("utf-8"),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": disposition},
    )


# Read-only links (the shared plan's headers: see ``headers.SHARED_PLAN``).


@router.post(
    "/plans/{plan_id}/share",
    status_code=201,
    summary="Share a plan read-only",
    responses={
        **documented(ShareLink, "The new link; the plan's previous link stops working.", 201),
        **TOKEN,
    },
)
def share_plan(plan_id: PlanId, request: Request, user: ApiUserDep, store: StoreDep) -> Response:
    """Make a read-only link to the plan: anyone with it can read the plan and its progress
    (never the notes) until you stop sharing. The link is shown only in this answer."""
    token = Sharing(store, user.id).share(plan_id)
    link = ShareLink(plan=plan_id, url=share_url(str(request.base_url), token))
    answer = json_response(link, 201)
    answer.headers["Cache-Control"] = "no-store"
    return answer


@router.delete(
    "/plans/{plan_id}/share",
    status_code=204,
    summary="Stop sharing a plan",
    response_class=Response,
    responses={
        204: {"description": "The plan's link no longer opens (or there was none)."},
        **TOKEN,
    },
)
def stop_sharing(plan_id: PlanId, user: ApiUserDep, store: StoreDep) -> Response:
    """The plan's read-only link stops working at once."""
    Sharing(store, user.id).revoke(plan_id)
    return Response(status_code=204)


@router.get(
    "/shared/{token}",
    summary="A shared plan",
    responses=documented(PlanDocument, "The plan and its progress as of today, without notes."),
)
def shared_plan(
    store: StoreDep,
    token: Annotated[str, Path(max_length=200, description="The token at the end of the link.")],
) -> Response:
    """The plan a read-only link opens, without its owner's notes; no API token needed. A link
    that was never made or is no longer shared is 404."""
    answer = json_response(shared_document(read_shared(store, token)))
    answer.headers.update(SHARED_PLAN)
    return answer
