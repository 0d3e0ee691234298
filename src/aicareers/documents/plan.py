"""The plan documents: what ``plan create|show|list|step|history --format json`` print.

Declared once, here, and built from a stored plan and its progress by ``plan_document``; the
API returns the same structs and its OpenAPI schema is generated from them. Dates are ISO
``YYYY-MM-DD``; times are ISO 8601 text as Python writes them. Adding a field is a compatible
change; renaming or removing one is not.
"""

from __future__ import annotations

import datetime as dt

from ..engine.plans.model import (
    ChallengeNote,
    Milestone,
    MilestoneId,
    PaceOption,
    PathOption,
    Plan,
    PlanStep,
    Preferences,
    Progress,
    ProgressEvent,
    StepDates,
    StepKind,
    StepResource,
    StepState,
    StepStatus,
    Track,
    TrackId,
)
from .catalog import View

# Where a part of a document is exactly one of the engine's immutable plan records (the
# preferences, a milestone and its challenges, a resource, an event, the full progress), the
# record is used as it is: re-exported so that adapters need only this module.
__all__ = [
    "ChallengeNote", "EventResult", "Milestone", "PaceOption", "PathOption", "Plan",
    "PlanDocument", "PlanHistory", "PlanStep", "Preferences", "Progress", "ProgressDoc",
    "ProgressEvent", "StepDates", "StepDoc", "StepResource", "StepState", "Track",
    "hours_rule", "plan_document", "progress_document", "weekly_time",
]  # fmt: skip


class StepDoc(View, frozen=True):
    """One dated step of a plan with its current status (``note``/``since``: its last change)."""

    id: str
    kind: StepKind
    milestone: MilestoneId | None
    track: TrackId | None
    title: str
    why: str
    hours: float
    start: dt.date | None
    due: dt.date
    weekly_hours: float | None
    weeks: int | None
    status: StepStatus
    skills: tuple[str, ...]
    resources: tuple[StepResource, ...]
    deliverables: tuple[str, ...]
    requires: tuple[str, ...]
    note: str | None
    since: str | None


class ProgressDoc(View, frozen=True):
    """Where the person stands on the plan on ``as_of`` (the steps carry their own states)."""

    percent: float
    steps_done: int
    steps_skipped: int
    steps_in_progress: int
    steps_total: int
    hours_done: float
    hours_left: float
    next_steps: tuple[str, ...]
    overdue: tuple[str, ...]
    streak_days: int
    current_milestone: MilestoneId | None
    projected_finish: dt.date | None
    days_behind: int | None
    last_activity: str | None
    as_of: dt.date | None
    started: bool
    projected_job_ready: dt.date | None
    this_week: tuple[str, ...]
    schedule: tuple[StepDates, ...]


class PlanDocument(View, frozen=True):
    """A stored plan, every step's current state and the progress summary."""

    id: int
    career: str
    career_title: str
    preferences: Preferences
    created_at: str | None
    total_hours: float
    finish: dt.date
    gaps: tuple[str, ...]
    milestones: tuple[Milestone, ...]
    steps: tuple[StepDoc, ...]
    progress: ProgressDoc
    version: int
    job_ready: dt.date | None
    tracks: tuple[Track, ...]
    options: tuple[PathOption, ...]
    break_in: tuple[str, ...]
    have: tuple[str, ...]
    backgrounds: tuple[str, ...]


class EventResult(View, frozen=True):
    """``plan step --format json``: the change as recorded, and the plan's progress after it."""

    event: ProgressEvent
    progress: Progress


class PlanHistory(View, frozen=True):
    """``plan history --format json``: every change recorded on a plan, oldest first."""

    id: int
    career: str
    events: tuple[ProgressEvent, ...]


def weekly_time(hours: float) -> str:
    """A habit's time a week in words: "20 min a week" under an hour, "1.5 h a week" above."""
    if hours < 1:
        return f"{max(5, round(hours * 60 / 5) * 5)} min a week"  # to the nearest 5 minutes
    return f"{round(hours, 1):g} h a week"


def hours_rule(plan: Plan) -> str | None:
    """How a version 2 plan shares the person's weekly hours, in one sentence (None for v1)."""
    from ..engine.plans.activities import HABIT_SHARE, SEARCH_SHARE, SEARCH_WEEKS
    from ..engine.plans.timeline import TRACK_WEIGHTS as W

    if plan.version < 2:
        return None
    pace = plan.preferences.hours_per_week
    return (
        f"How your {pace:g} hours a week are shared: {weekly_time(pace * HABIT_SHARE)} each "
        f"for the community and the practice habit, and {weekly_time(pace * SEARCH_SHARE)} "
        f"for the job search in its {SEARCH_WEEKS} weeks from job-ready; the rest goes to the "
        f"steps that are ready, learning and the job search weighing {W['learn']:g}, projects "
        f"{W['build']:g}, events and credentials {W['connect']:g} each, and a track with "
        "nothing ready lends its share to the others."
    )


def iso_time(value: dt.datetime | None) -> str | None:
    """A time as ISO 8601 text (Python's spelling, ``+00:00`` for UTC), or None."""
    return None if value is None else value.isoformat()


def plan_document(
    plan_id: int, plan: Plan, progress: Progress, *, created_at: dt.datetime | None = None
) -> PlanDocument:
    """The plan with each step's current state and the progress summary."""
    known = {state.step: state for state in progress.states}
    return PlanDocument(
        id=plan_id,
        career=plan.career,
        career_title=plan.career_title,
        preferences=plan.preferences,
        created_at=iso_time(created_at),
        total_hours=plan.total_hours,
        finish=plan.finish,
        gaps=plan.gaps,
        milestones=plan.milestones,
        steps=tuple(
            _step(s, known.get(s.id) or StepState(step=s.id, status="todo")) for s in plan.steps
        ),
        progress=progress_document(progress),
        version=plan.version,
        job_ready=plan.job_ready,
        tracks=plan.tracks,
        options=plan.options,
        break_in=plan.break_in,
        have=plan.have,
        backgrounds=plan.backgrounds,
    )


def progress_document(progress: Progress) -> ProgressDoc:
    """The progress summary without per-step states (the steps carry those)."""
    return ProgressDoc(
        percent=progress.percent,
        steps_done=progress.steps_done,
        steps_skipped=progress.steps_skipped,
        steps_in_progress=progress.steps_in_progress,
        steps_total=progress.steps_total,
        hours_done=progress.hours_done,
        hours_left=progress.hours_left,
        next_steps=progress.next_steps,
        overdue=progress.overdue,
        streak_days=progress.streak_days,
        current_milestone=progress.current_milestone,
        projected_finish=progress.projected_finish,
        days_behind=progress.days_behind,
        last_activity=iso_time(progress.last_activity),
        as_of=progress.as_of,
        started=progress.started,
        projected_job_ready=progress.projected_job_ready,
        this_week=progress.this_week,
        schedule=progress.schedule,
    )


def _step(step: PlanStep, state: StepState) -> StepDoc:
    return StepDoc(
        id=step.id,
        kind=step.kind,
        milestone=step.milestone,
        track=step.track,
        title=step.title,
        why=step.why,
        hours=step.hours,
        start=step.start,
        due=step.due,
        weekly_hours=step.weekly_hours,
        weeks=step.weeks,
        status=state.status,
        skills=step.skills,
        resources=step.resources,
        deliverables=step.deliverables,
        requires=step.requires,
        note=state.note,
        since=iso_time(state.since),
    )
