"""Where the open steps of a plan fall now: the plan re-dated from today at its pace.

The plan as built keeps its dates (they are what ahead and behind are measured against); the
forecast runs the same rule (``timeline``) over the steps still open, from today or from the
start date if that is later, so a step done early pulls the ones after it forward and a slow
month pushes them back. Nothing is ahead or behind before the start date.

Habits re-run in full unless they have begun: a job search marked as started counts down its
weeks from the day it was started.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import Plan, PlanStep, StepDates, StepState
from .timeline import TRACK_WEIGHTS, Work, day_of, simulate

_FINISHED = frozenset({"done", "skipped"})
# Version 1 plans were one serial list: re-dated as a single lane they keep their order.
_SERIAL = "serial"
WEEK = 7


@dataclass(frozen=True)
class Forecast:
    """The open steps' dates from ``day0`` on, and the dates they lead to."""

    day0: dt.date
    schedule: tuple[StepDates, ...]
    finish: dt.date | None  # None when nothing is left
    job_ready: dt.date | None  # None when already job-ready, or a version 1 plan
    this_week: tuple[str, ...]


def _work(plan: Plan, step: PlanStep, state: StepState, day0: dt.date) -> Work:
    track = step.track if plan.version >= 2 and step.track else _SERIAL
    if step.weekly_hours is None:
        return Work(id=step.id, track=track, hours=step.hours, requires=step.requires)
    share = step.weekly_hours / plan.preferences.hours_per_week
    if state.status != "in_progress" or state.since is None:
        return Work(id=step.id, track=track, share=share, weeks=step.weeks, requires=step.requires)
    weeks: float | None = None
    if step.weeks is not None:  # begun: count down the weeks from the day it was started
        weeks = max(1.0, step.weeks - (day0 - state.since.date()).days / WEEK)
    return Work(id=step.id, track=track, share=share, weeks=weeks)


def forecast(plan: Plan, states: Mapping[str, StepState], today: dt.date) -> Forecast:
    """Re-date the open steps of ``plan`` from ``today`` (or its start, if later)."""
    day0 = max(today, plan.preferences.start)
    done = [s for s, st in states.items() if st.status in _FINISHED]
    work = [_work(plan, s, states[s.id], day0) for s in plan.steps if s.id in states]
    weights = TRACK_WEIGHTS if plan.version >= 2 else {_SERIAL: 1.0}
    spans = simulate(work, plan.preferences.hours_per_week, done=done, weights=weights)
    schedule = tuple(
        StepDates(step=s.id, start=day_of(day0, spans[s.id].begin, end=False),
                  due=day_of(day0, spans[s.id].end, end=True), planned_due=s.due)
        for s in plan.steps
        if s.id in spans and states[s.id].status not in _FINISHED
    )  # fmt: skip
    return Forecast(
        day0=day0,
        schedule=schedule,
        finish=max((d.due for d in schedule), default=None),
        job_ready=_job_ready(plan, schedule),
        this_week=_this_week(schedule, day0),
    )


def _job_ready(plan: Plan, schedule: Sequence[StepDates]) -> dt.date | None:
    gate = next((m.steps for m in plan.milestones if m.id == "job-ready"), ())
    return max((d.due for d in schedule if d.step in gate), default=None)


def _this_week(schedule: Sequence[StepDates], day0: dt.date) -> tuple[str, ...]:
    """Open steps whose dates touch the seven days from ``day0``, in plan order."""
    end = day0 + dt.timedelta(days=WEEK - 1)
    return tuple(d.step for d in schedule if d.start <= end and d.due >= day0)
