"""How a plan and its progress look in a terminal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..documents.plan import Plan, Progress, ProgressEvent, StepState
from .render_assess import bar

if TYPE_CHECKING:
    from ..documents.assessment import SavedAssessment
    from ..service.plans import PlanRecord

MARKS = {"done": "[x]", "in_progress": "[~]", "skipped": "[-]", "todo": "[ ]"}
STATUS_WORDS = {
    "done": "done",
    "in_progress": "started",
    "skipped": "skipped",
    "reopened": "reopened",
}
NEXT_SHOWN = 3


def hours(value: float) -> str:
    """3.0 -> '3 h', 2.5 -> '2.5 h'."""
    return f"{value:g} h"


def progress_line(progress: Progress) -> str:
    """``██████░░░░ 58% · 7 of 12 steps · 40 h done, 29 h left · 3-day streak``."""
    parts = [
        f"{bar(round(progress.percent))} {progress.percent:.0f}%",
        f"{progress.steps_done} of {progress.steps_total} steps done",
        f"{hours(progress.hours_done)} done, {hours(progress.hours_left)} left",
    ]
    if progress.steps_skipped:
        parts.insert(2, f"{progress.steps_skipped} skipped")
    if progress.streak_days:
        parts.append(f"{progress.streak_days}-day streak")
    return " · ".join(parts)


def _headline(record: PlanRecord, created: bool) -> Text:
    plan = record.plan
    prefs = plan.preferences
    verb = "Created plan" if created else "Plan"
    text = Text(f"{verb} {record.id}: {plan.career_title}", style="bold")
    pace = f"{prefs.hours_per_week:g} h a week"
    text.append(
        f"\n{hours(plan.total_hours)} at {pace}, {prefs.start} to {plan.finish}"
        + (", free resources only" if prefs.free_only else ""),
        style="",
    )
    return text


def _titles(plan: Plan) -> dict[str, str]:
    return {s.id: s.title for s in plan.steps}


def _attention(plan: Plan, progress: Progress) -> list[str]:
    titles = _titles(plan)
    lines = []
    if progress.overdue:
        shown = ", ".join(progress.overdue[:NEXT_SHOWN])
        more = len(progress.overdue) - NEXT_SHOWN
        lines.append(f"Overdue: {shown}" + (f" and {more} more" if more > 0 else ""))
    for step_id in progress.next_steps[:NEXT_SHOWN]:
        lines.append(f"Next: {step_id} ({titles.get(step_id, step_id)})")
    if not progress.next_steps and progress.steps_done:
        lines.append("Nothing left to do: every step is done or skipped.")
    return lines


def steps_table(plan: Plan, states: Sequence[StepState]) -> Table:
    """Every step by milestone: status mark, id, title, hours and due date."""
    status = {s.step: s.status for s in states}
    table = Table(title="Steps", title_justify="left", expand=False)
    table.add_column("")
    # Ids are typed back into `plan step`, so they are never cut short; titles wrap instead.
    longest = max((len(s.id) for s in plan.steps), default=4)
    table.add_column("Step", no_wrap=True, min_width=longest)
    table.add_column("What")
    table.add_column("Hours", justify="right")
    table.add_column("Due", no_wrap=True)
    by_id = {s.id: s for s in plan.steps}
    for milestone in plan.milestones:
        table.add_row("", Text(milestone.title, style="bold"), "", "", str(milestone.due))
        for step_id in milestone.steps:
            step = by_id[step_id]
            mark = MARKS[status.get(step_id, "todo")]
            table.add_row(mark, step.id, step.title, f"{step.hours:g}", str(step.due))
    return table


def challenges_lines(plan: Plan) -> list[str]:
    """One line per challenge the plan warns about, with its milestone."""
    return [
        f"{m.title}: {c.name}. {c.remedies[0]}" for m in plan.milestones for c in m.challenges
    ]


def plan_renderables(record: PlanRecord, created: bool = False) -> list[RenderableType]:
    """Headline, progress, what needs attention, the steps, and the challenges to expect."""
    out: list[RenderableType] = [
        Group(_headline(record, created), Text(progress_line(record.progress))),
    ]
    attention = _attention(record.plan, record.progress)
    if attention:
        out.append(Text("\n".join(attention)))
    out.append(steps_table(record.plan, record.progress.states))
    challenges = challenges_lines(record.plan)
    if challenges:
        out.append(Text("Watch out for\n" + "\n".join(f"- {c}" for c in challenges)))
    out.append(
        Text(
            f"Record progress: aicareers plan step {record.id} STEP --done\n"
            f"Export:          aicareers plan export {record.id} --format md|ics|csv|json"
        )
    )
    return out


def plans_table(records: Sequence[PlanRecord]) -> RenderableType:
    """One row a plan: id, career, progress bar, finish date."""
    if not records:
        return Text("No plans yet. Create one: aicareers plan create --career CAREER-ID")
    table = Table(title="Your plans", title_justify="left", expand=False)
    for header in ("#", "Career", "Progress", "Steps", "Finish", "Created"):
        table.add_column(header, justify="right" if header == "#" else "left")
    for r in records:
        p = r.progress
        table.add_row(
            str(r.id),
            r.plan.career_title,
            f"{bar(round(p.percent))} {p.percent:.0f}%",
            f"{p.steps_done}/{p.steps_total}",
            str(r.plan.finish),
            r.created_at.date().isoformat(),
        )
    return table


def event_line(event: ProgressEvent) -> str:
    """``Saved: learn-python done (event 12)``."""
    note = f' - "{event.note}"' if event.note else ""
    return f"Saved: {event.step} {STATUS_WORDS[event.status]}{note} (event {event.seq})"


def history_table(plan: Plan, events: Sequence[ProgressEvent]) -> RenderableType:
    """Every event, oldest first."""
    if not events:
        return Text("No progress recorded yet.")
    titles = _titles(plan)
    table = Table(title=f"History: {plan.career_title}", title_justify="left", expand=False)
    for header in ("#", "When (UTC)", "Step", "Status", "Note"):
        table.add_column(header)
    for e in events:
        when = e.at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")
        step = f"{e.step} ({titles[e.step]})" if e.step in titles else e.step
        table.add_row(str(e.seq), when, step, STATUS_WORDS[e.status], e.note or "")
    return table


def assessments_table(rows: Sequence[SavedAssessment]) -> RenderableType:
    """One row a saved assessment: id, date and its three best careers."""
    if not rows:
        return Text("No saved assessments. Save one: aicareers assess resume.pdf --save")
    table = Table(title="Saved assessments", title_justify="left", expand=False)
    for header in ("#", "Saved (UTC)", "Best fits"):
        table.add_column(header)
    for row in rows:
        best = ", ".join(f"{c.id} ({c.score})" for c in row.top)
        table.add_row(str(row.id), row.created_at[:16].replace("T", " "), best)
    return table
