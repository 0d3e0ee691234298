"""What a plan page shows, for its owner and behind a read-only link.

One view serves both pages: this week's to-do first, then the timeline, the dates that matter
(job-ready, finish), the fast and thorough paths side by side, and the steps by track (by
milestone in a version 1 plan) with the done and skipped ones folded away. The owner's page
adds each step's buttons and notes; the shared page (``owner=False``) has neither.
"""

from __future__ import annotations

import math
from typing import Any

from markupsafe import Markup

from ..documents.plan import Plan, Progress, StepState, hours_rule
from ..service.plans import timeline_svg
from .templating import day

StepView = dict[str, Any]

# The buttons a step offers in each status, the main one first; the engine checks every change.
ACTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "todo": (("done", "Mark done"), ("start", "Start"), ("skip", "Skip")),
    "in_progress": (("done", "Mark done"), ("skip", "Skip"), ("reopen", "Back to to do")),
    "done": (("done", "Save note"), ("reopen", "Reopen")),
    "skipped": (("done", "Mark done"), ("start", "Start"), ("reopen", "Reopen")),
}
# A weekly habit that has not begun is started, not finished, first.
HABIT_TODO = (("start", "Start"), ("done", "Mark done"), ("skip", "Skip"))
STATUS_TEXT = {"todo": "To do", "in_progress": "In progress", "done": "Done", "skipped": "Skipped"}
CLOSED = frozenset({"done", "skipped"})
PATH_TEXT = {
    "fast": (
        "Fast path",
        "The must-have skills to working level, free resources, one certification at most "
        "and one finished project.",
    ),
    "thorough": (
        "Thorough path",
        "Every gap to the level employers expect, with more projects, events and credentials.",
    ),
}


def plan_view(plan: Plan, progress: Progress, *, owner: bool = True) -> dict[str, Any]:
    """The template context of a plan page (without the plan's id, links and forms)."""
    steps = _steps(plan, progress, owner)
    this_week = progress.this_week or progress.next_steps  # version 1 plans have no week plan
    return {
        "plan": plan,
        "progress": progress,
        "steps": steps,
        "this_week": [steps[i] for i in this_week if i in steps],
        "overdue": [steps[i] for i in progress.overdue if i in steps],
        "groups": _groups(plan, steps),
        "dated": _dated(plan) if plan.version >= 2 else [],
        "options": _options(plan),
        "moved": moved_earlier(plan, progress, owner=owner),
        "timeline": Markup(timeline_svg(plan, progress)),  # our own SVG, its text escaped
        "hours_rule": hours_rule(plan),
        "owner": owner,
    }


def _steps(plan: Plan, progress: Progress, owner: bool) -> dict[str, StepView]:
    states = {s.step: s for s in progress.states}
    now = {d.step: d for d in progress.schedule}
    overdue = set(progress.overdue)
    start = plan.preferences.start
    views = {}
    for step in plan.steps:
        state = states.get(step.id) or StepState(step=step.id, status="todo")
        moved = now.get(step.id) if state.status not in CLOSED else None
        due = moved.due if moved else step.due
        views[step.id] = {
            "id": step.id,
            "title": step.title,
            "kind": step.kind,
            "track": step.track,
            "why": step.why,
            "hours": step.hours,
            "weekly_hours": step.weekly_hours,
            "start": moved.start if moved else step.start,
            "due": due,
            "planned_due": step.due if due != step.due else None,
            "week": max(1, math.ceil((due - start).days / 7)),
            "resources": step.resources,
            "deliverables": step.deliverables,
            "status": state.status,
            "status_text": STATUS_TEXT[state.status],
            "since": state.since.date() if state.since else None,
            "note": state.note if owner else None,
            "overdue": step.id in overdue,
            "actions": _actions(step.weekly_hours is not None, state.status) if owner else (),
        }
    return views


def _actions(habit: bool, status: str) -> tuple[tuple[str, str], ...]:
    return HABIT_TODO if habit and status == "todo" else ACTIONS[status]


def _groups(plan: Plan, steps: dict[str, StepView]) -> list[dict[str, Any]]:
    """The steps by track (version 2) or by milestone (version 1), open ones apart from the rest."""
    if plan.version >= 2 and plan.tracks:
        known = {t.id for t in plan.tracks}
        members = {t.id: [s for s in steps.values() if s["track"] == t.id] for t in plan.tracks}
        groups = [_group(f"track-{t.id}", t.title, t.why, members[t.id]) for t in plan.tracks]
        others = [s for s in steps.values() if s["track"] not in known]
        if others:
            groups.append(_group("track-other", "Other steps", "", others))
        return [g for g in groups if g["open"] or g["closed"]]
    return [
        _group(
            f"milestone-{m.id}",
            f"{n}. {m.title}",
            f"Reached by {day(m.due)} · {len(m.steps)} step{'s' if len(m.steps) != 1 else ''}",
            [steps[i] for i in m.steps if i in steps],
            m.challenges,
        )
        for n, m in enumerate(plan.milestones, start=1)
    ]


def _group(
    ident: str, title: str, note: str, members: list[StepView], challenges: tuple[Any, ...] = ()
) -> dict[str, Any]:
    return {
        "id": ident,
        "title": title,
        "note": note,
        "challenges": challenges,
        "open": [s for s in members if s["status"] not in CLOSED],
        "closed": [s for s in members if s["status"] in CLOSED],
    }


def _dated(plan: Plan) -> list[dict[str, Any]]:
    """A version 2 plan's milestones in date order: first project, must-haves, job-ready, finish."""
    return [
        {"id": m.id, "title": m.title, "due": m.due, "challenges": m.challenges}
        for m in sorted(plan.milestones, key=lambda m: m.due)
    ]


def _options(plan: Plan) -> dict[str, Any] | None:
    """The fast and thorough paths as a table: one row per weekly pace, one column per path."""
    if not plan.options:
        return None
    paths = [
        {**_path_text(o.path), "option": o, "chosen": o.path == plan.preferences.path}
        for o in plan.options
    ]
    paces = sorted({p.hours_per_week for o in plan.options for p in o.paces})
    rows = [
        {
            "hours_per_week": pace,
            "yours": math.isclose(pace, plan.preferences.hours_per_week),
            "cells": [
                next((p for p in o.paces if math.isclose(p.hours_per_week, pace)), None)
                for o in plan.options
            ],
        }
        for pace in paces
    ]
    return {"paths": paths, "rows": rows}


def _path_text(path: str) -> dict[str, str]:
    title, what = PATH_TEXT.get(path, (path.capitalize(), ""))
    return {"title": title, "what": what}


def moved_earlier(plan: Plan, progress: Progress, *, owner: bool = True) -> str | None:
    """'You finished X early: N later steps move earlier', when a step done early did that."""
    earlier = [d for d in progress.schedule if d.due < d.planned_due]
    if not earlier:
        return None
    by_id = {s.id: s for s in plan.steps}
    early = [
        (state.since, by_id[state.step].title)
        for state in progress.states
        if state.status == "done"
        and state.since is not None
        and state.step in by_id
        and state.since.date() < by_id[state.step].due
    ]
    if not early:
        return None
    title = max(early)[1]
    count = len(earlier)
    moves = "later step moves" if count == 1 else "later steps move"
    said = f"You finished “{title}”" if owner else f"“{title}” was finished"
    return f"{said} early: {count} {moves} earlier."
