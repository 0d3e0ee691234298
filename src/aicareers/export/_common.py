"""Small helpers every export format shares."""

from __future__ import annotations

import datetime as dt

from ..engine.plans.model import Plan, PlanStep, Progress, StepState


def states_by_step(plan: Plan, progress: Progress) -> dict[str, StepState]:
    """Each step's state; a step the progress does not mention is still to do."""
    known = {state.step: state for state in progress.states}
    return {s.id: known.get(s.id) or StepState(step=s.id, status="todo") for s in plan.steps}


def step_dates(plan: Plan, progress: Progress) -> dict[str, tuple[dt.date, dt.date]]:
    """(start, due) of each step as the plan stands today.

    A version 2 plan's open steps fall where the progress re-dated them (a step done early or
    late moves the ones after it); everything else keeps the dates the plan was built with, and
    a step without a start (version 1) begins on its due date.
    """
    moved = {d.step: (d.start, d.due) for d in progress.schedule} if plan.version >= 2 else {}
    finished = {s.step for s in progress.states if s.status in ("done", "skipped")}
    return {
        s.id: moved[s.id] if s.id in moved and s.id not in finished else (s.start or s.due, s.due)
        for s in plan.steps
    }


def steps_by_milestone(plan: Plan) -> list[tuple[str, str, dt.date | None, list[PlanStep]]]:
    """(milestone id, title, due, steps) in plan order; steps no milestone lists come last."""
    by_id = {s.id: s for s in plan.steps}
    groups: list[tuple[str, str, dt.date | None, list[PlanStep]]] = []
    placed: set[str] = set()
    for milestone in plan.milestones:
        steps = [by_id[s] for s in milestone.steps if s in by_id]
        placed.update(s.id for s in steps)
        groups.append((milestone.id, milestone.title, milestone.due, steps))
    rest = [s for s in plan.steps if s.id not in placed]
    if rest:
        groups.append(("other", "Other steps", None, rest))
    return groups


def hours_text(hours: float) -> str:
    """6.0 -> '6', 1.25 -> '1.25': no trailing '.0', no float noise."""
    return f"{hours:.2f}".rstrip("0").rstrip(".")


def iso(value: dt.date | dt.datetime | None) -> str | None:
    """ISO 8601 text, or None."""
    return None if value is None else value.isoformat()
