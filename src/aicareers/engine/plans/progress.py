"""Progress on a plan, derived from its append-only log of events.

Nothing here reads a clock or a database: the log, the plan and the day to measure on are
parameters, so the same numbers come out in the CLI, the web app and the tests.

How a step's status follows from its events (replayed in ``seq`` order):

    done -> "done"   in_progress -> "in_progress"   skipped -> "skipped"   reopened -> "todo"

A step with no events is "todo"; events naming a step the plan does not have are ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import get_args

from ...errors import UnknownIdError, UserInputError
from .forecast import forecast
from .model import (
    EventStatus,
    MilestoneId,
    Plan,
    PlanStep,
    Progress,
    ProgressEvent,
    StepState,
    StepStatus,
)

NEXT_STEPS = 3  # enough to choose from without turning "next" into the whole plan
_AFTER: dict[EventStatus, StepStatus] = {
    "done": "done",
    "in_progress": "in_progress",
    "skipped": "skipped",
    "reopened": "todo",
}
_FINISHED: frozenset[StepStatus] = frozenset({"done", "skipped"})
_ACTIVE_EVENTS: frozenset[EventStatus] = frozenset({"done", "in_progress"})
# How a message says that a step got each status: "mark it started".
_PARTICIPLES: dict[EventStatus, str] = {
    "done": "done",
    "in_progress": "started",
    "skipped": "skipped",
    "reopened": "reopened",
}


def derive_states(plan: Plan, events: Sequence[ProgressEvent]) -> dict[str, StepState]:
    """Every step's current state, in plan order, from the log replayed in ``seq`` order.

    ``since`` and ``note`` come from the event that set the current status, so a reopened step
    is "todo" since the reopening, with the reopening's note.
    """
    states = {step.id: StepState(step=step.id, status="todo") for step in plan.steps}
    for event in sorted(events, key=lambda e: e.seq):
        if event.step not in states:
            continue  # a step a later plan version dropped; the log is never rewritten
        status = _AFTER.get(event.status)
        if status is None:
            continue  # not a status this version knows; replay must not crash on old rows
        states[event.step] = StepState(
            step=event.step, status=status, since=event.at, note=event.note
        )
    return states


def check_transition(
    plan: Plan, states: Mapping[str, StepState], step_id: str, status: EventStatus
) -> None:
    """Raise ``UserInputError`` when ``status`` cannot follow the step's current status.

    Rules (rows: current status; columns: what is asked; "ok" appends the event):

        current       done   in_progress   skipped   reopened
        todo          ok     ok            ok        refused: nothing to reopen
        in_progress   ok     ok (repeat)   ok        ok: undoes the start
        done          ok     refused       refused   ok
        skipped       ok     ok            ok        ok

    Repeating the current status is allowed: it is harmless in the derived state and is how a
    person adds a note later. Only "done" is protected: leaving it needs an explicit reopen, so
    a finished step is never undone by a stray flag. ``requires`` is advice, not a lock: people
    learn out of order, and ``next_steps`` already suggests the order.
    """
    if status not in _AFTER:
        known = ", ".join(get_args(EventStatus))
        raise UserInputError(f"'{status}' is not a step status. Use one of: {known}.")
    if step_id not in states:
        # No hint: the plan alone does not know its id, so not where its steps are shown.
        raise UnknownIdError("step", step_id, _close_ids(step_id, plan))
    current = states[step_id].status
    title = _title(plan, step_id)
    if status == "reopened" and current == "todo":
        raise UserInputError(
            f"Step '{step_id}' ({title}) is still to do, so there is nothing to reopen. "
            "Reopen a step only after marking it done, started or skipped."
        )
    if current == "done" and status in ("in_progress", "skipped"):
        raise UserInputError(
            f"Step '{step_id}' ({title}) is already done; it cannot be {_PARTICIPLES[status]} "
            f"as it stands. Reopen it first, then mark it {_PARTICIPLES[status]}."
        )


def summarize(
    plan: Plan,
    events: Sequence[ProgressEvent],
    today: dt.date,
    *,
    tz: dt.tzinfo | None = None,
) -> Progress:
    """Where the person stands on ``today``; ``tz`` turns aware event times into calendar days.

    ``percent`` is measured in hours: hours of done steps over hours of the steps not skipped
    (skipping a step takes it out of the plan rather than counting as progress). A step in
    progress counts fully in ``hours_left``: how far into it someone is, we do not know.
    """
    states = derive_states(plan, events)
    by_status = _hours_by_status(plan.steps, states)
    hours_left = by_status["todo"] + by_status["in_progress"]
    counts = {s: sum(1 for st in states.values() if st.status == s) for s in by_status}
    days = _active_days(events, states, tz)
    ahead = forecast(plan, states, today)
    started = today >= plan.preferences.start
    finish = ahead.finish if hours_left > 0 else None  # no open hours: nothing to project
    return Progress(
        percent=_percent(plan.steps, states),
        steps_done=counts["done"],
        steps_skipped=counts["skipped"],
        steps_total=len(plan.steps),
        hours_done=round(by_status["done"], 2),
        hours_left=round(hours_left, 2),
        next_steps=next_steps(plan, states),
        overdue=tuple(
            s.id for s in plan.steps if s.due < today and states[s.id].status not in _FINISHED
        ),
        streak_days=streak(days, today),
        states=tuple(states.values()),
        steps_in_progress=counts["in_progress"],
        current_milestone=_current_milestone(plan, states),
        projected_finish=finish,
        # Ahead or behind only once the plan has begun: before its start nothing is late, and
        # a step done early shows in the dates that follow instead.
        days_behind=None if finish is None or not started else (finish - plan.finish).days,
        last_activity=max((e.at for e in events if e.step in states), default=None),
        as_of=today,
        started=started,
        schedule=ahead.schedule,
        this_week=ahead.this_week,
        projected_job_ready=ahead.job_ready,
    )


def next_steps(
    plan: Plan, states: Mapping[str, StepState], limit: int = NEXT_STEPS
) -> tuple[str, ...]:
    """Steps to work on now: those in progress, then open steps whose ``requires`` are met.

    A requirement is met when that step is done or skipped (or names no step of this plan, so
    could never be met); both groups keep plan order.
    """
    started = [s.id for s in plan.steps if states[s.id].status == "in_progress"]
    ready = [
        s.id
        for s in plan.steps
        if states[s.id].status == "todo"
        and all(r not in states or states[r].status in _FINISHED for r in s.requires)
    ]
    return tuple((started + ready)[:limit])


def streak(days: Iterable[dt.date], today: dt.date) -> int:
    """Consecutive active days ending today, or yesterday when nothing happened yet today."""
    active = set(days)
    day = today if today in active else today - dt.timedelta(days=1)
    count = 0
    while day in active:
        count += 1
        day -= dt.timedelta(days=1)
    return count


def _hours_by_status(
    steps: Sequence[PlanStep], states: Mapping[str, StepState]
) -> dict[StepStatus, float]:
    totals: dict[StepStatus, float] = {"todo": 0.0, "in_progress": 0.0, "done": 0.0, "skipped": 0.0}
    for step in steps:
        totals[states[step.id].status] += step.hours
    return totals


def _percent(steps: Sequence[PlanStep], states: Mapping[str, StepState]) -> float:
    """Done share of the steps not skipped, by hours; by count if those carry no hours."""
    kept = [s for s in steps if states[s.id].status != "skipped"]
    if not kept:
        # Everything skipped means nothing is left to do; an empty plan has not been started.
        return 100.0 if steps else 0.0
    done = [s for s in kept if states[s.id].status == "done"]
    total_hours = sum(s.hours for s in kept)
    if total_hours <= 0:
        return round(100.0 * len(done) / len(kept), 1)
    share = sum(s.hours for s in done) / total_hours
    return round(min(100.0, max(0.0, 100.0 * share)), 1)


def _active_days(
    events: Iterable[ProgressEvent], states: Mapping[str, StepState], tz: dt.tzinfo | None
) -> set[dt.date]:
    """Days with a done or in_progress event on a step of this plan, in ``tz`` when given."""
    days = set()
    for event in events:
        if event.status in _ACTIVE_EVENTS and event.step in states:
            moment = event.at
            if tz is not None and moment.tzinfo is not None:
                moment = moment.astimezone(tz)
            days.add(moment.date())
    return days


def _current_milestone(plan: Plan, states: Mapping[str, StepState]) -> MilestoneId | None:
    """The first milestone, in plan order, that still has a step to do or in progress."""
    for milestone in plan.milestones:
        if any(s in states and states[s].status not in _FINISHED for s in milestone.steps):
            return milestone.id
    return None


def _title(plan: Plan, step_id: str) -> str:
    return next((s.title for s in plan.steps if s.id == step_id), step_id)


def _close_ids(step_id: str, plan: Plan) -> list[str]:
    import difflib

    return difflib.get_close_matches(step_id, [s.id for s in plan.steps], n=3, cutoff=0.5)
