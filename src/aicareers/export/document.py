"""The JSON document of a plan: what ``plan create``, ``plan show`` and ``plan export`` print.

Shape (keys in this order; dates and times as ISO 8601 text, absent values as null)::

    {"id", "career", "career_title", "preferences": {"start", "hours_per_week", "free_only",
     "platforms"}, "created_at", "total_hours", "finish", "gaps",
     "milestones": [{"id", "title", "due", "steps": [step ids],
                     "challenges": [{"id", "name", "problem", "remedies"}]}],
     "steps": [{"id", "kind", "milestone", "title", "why", "hours", "due", "status", "skills",
                "resources": [{"id", "name", "url", "free", "provider"}], "deliverables",
                "requires", "note", "since"}],
     "progress": {"percent", "steps_done", "steps_skipped", "steps_in_progress", "steps_total",
                  "hours_done", "hours_left", "next_steps", "overdue", "streak_days",
                  "current_milestone", "projected_finish", "days_behind", "last_activity",
                  "as_of"}}

A step's ``status`` is one of todo, in_progress, done, skipped; ``since`` and ``note`` come from
the event that set it. Adding keys is a compatible change; renaming or removing one is not.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..engine.plans.model import ChallengeNote, Milestone, Plan, PlanStep, Progress, StepState
from ._common import iso, states_by_step


def plan_document(
    plan_id: int, plan: Plan, progress: Progress, *, created_at: dt.datetime | None = None
) -> dict[str, Any]:
    """The plan, each step's current state and the progress summary as plain JSON values."""
    states = states_by_step(plan, progress)
    prefs = plan.preferences
    return {
        "id": plan_id,
        "career": plan.career,
        "career_title": plan.career_title,
        "preferences": {
            "start": iso(prefs.start),
            "hours_per_week": prefs.hours_per_week,
            "free_only": prefs.free_only,
            "platforms": list(prefs.platforms),
        },
        "created_at": iso(created_at),
        "total_hours": plan.total_hours,
        "finish": iso(plan.finish),
        "gaps": list(plan.gaps),
        "milestones": [_milestone(m) for m in plan.milestones],
        "steps": [_step(s, states[s.id]) for s in plan.steps],
        "progress": progress_document(progress),
    }


def progress_document(progress: Progress) -> dict[str, Any]:
    """The progress summary without per-step states (the steps carry those)."""
    return {
        "percent": progress.percent,
        "steps_done": progress.steps_done,
        "steps_skipped": progress.steps_skipped,
        "steps_in_progress": progress.steps_in_progress,
        "steps_total": progress.steps_total,
        "hours_done": progress.hours_done,
        "hours_left": progress.hours_left,
        "next_steps": list(progress.next_steps),
        "overdue": list(progress.overdue),
        "streak_days": progress.streak_days,
        "current_milestone": progress.current_milestone,
        "projected_finish": iso(progress.projected_finish),
        "days_behind": progress.days_behind,
        "last_activity": iso(progress.last_activity),
        "as_of": iso(progress.as_of),
    }


def _milestone(milestone: Milestone) -> dict[str, Any]:
    return {
        "id": milestone.id,
        "title": milestone.title,
        "due": iso(milestone.due),
        "steps": list(milestone.steps),
        "challenges": [_challenge(c) for c in milestone.challenges],
    }


def _challenge(challenge: ChallengeNote) -> dict[str, Any]:
    return {
        "id": challenge.id,
        "name": challenge.name,
        "problem": challenge.problem,
        "remedies": list(challenge.remedies),
    }


def _step(step: PlanStep, state: StepState) -> dict[str, Any]:
    return {
        "id": step.id,
        "kind": step.kind,
        "milestone": step.milestone,
        "title": step.title,
        "why": step.why,
        "hours": step.hours,
        "due": iso(step.due),
        "status": state.status,
        "skills": list(step.skills),
        "resources": [
            {"id": r.id, "name": r.name, "url": r.url, "free": r.free, "provider": r.provider}
            for r in step.resources
        ],
        "deliverables": list(step.deliverables),
        "requires": list(step.requires),
        "note": state.note,
        "since": iso(state.since),
    }
