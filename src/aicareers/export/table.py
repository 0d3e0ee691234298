"""A plan as CSV: one row per step, in plan order, with a header row.

Columns: id, milestone, kind, title, hours, due, status, since, note, resources (the resource
URLs joined by one space; URLs hold no spaces). Written by the csv module (RFC 4180 quoting,
CRLF row ends), so titles and notes with commas, quotes or newlines survive a round trip.
"""

from __future__ import annotations

import csv
import io

from ..engine.plans.model import Plan, Progress
from ._common import hours_text, iso, states_by_step

COLUMNS = (
    "id", "milestone", "kind", "title", "hours", "due", "status", "since", "note", "resources",
)  # fmt: skip


def plan_csv(plan: Plan, progress: Progress) -> str:
    """The CSV text of every step with its current status."""
    states = states_by_step(plan, progress)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for step in plan.steps:
        state = states[step.id]
        writer.writerow((
            step.id,
            step.milestone,
            step.kind,
            step.title,
            hours_text(step.hours),
            step.due.isoformat(),
            state.status,
            iso(state.since) or "",
            state.note or "",
            " ".join(r.url for r in step.resources if r.url),
        ))  # fmt: skip
    return buffer.getvalue()
