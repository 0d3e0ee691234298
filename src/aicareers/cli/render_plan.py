"""How a plan and its progress look in a terminal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..documents.plan import (
    Plan,
    PlanStep,
    Progress,
    ProgressEvent,
    StepState,
    hours_rule,
    weekly_time,
)
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
    path = f" ({prefs.path} path)" if plan.version >= 2 else ""
    text = Text(f"{verb} {record.id}: {plan.career_title}{path}", style="bold")
    pace = f"{prefs.hours_per_week:g} h a week"
    text.append(
        f"\n{hours(plan.total_hours)} at {pace}, {prefs.start} to {plan.finish}"
        + (", free resources only" if prefs.free_only else ""),
        style="",
    )
    if plan.job_ready is not None:
        text.append(f"\nJob-ready (you could start applying): {plan.job_ready}", style="bold")
    return text


def _titles(plan: Plan) -> dict[str, str]:
    return {s.id: s.title for s in plan.steps}


def standing_line(plan: Plan, progress: Progress) -> str | None:
    """Before the start: when it starts. After: ahead or behind, and where the dates moved."""
    if not progress.started:
        return f"The plan starts on {plan.preferences.start}; nothing is ahead or behind yet."
    if progress.days_behind is None:
        return None
    days = progress.days_behind
    pace = "on schedule" if days == 0 else (
        f"{-days} days ahead" if days < 0 else f"{days} days behind"
    )  # fmt: skip
    text = f"You are {pace}: at your pace you finish on {progress.projected_finish}"
    if progress.projected_job_ready is not None and plan.job_ready is not None:
        text += f" and are job-ready on {progress.projected_job_ready}"
    moved = sum(1 for d in progress.schedule if d.due < d.planned_due)
    if moved:
        text += f". {moved} open step{'s' if moved != 1 else ''} moved earlier"
    return text + "."


def week_lines(plan: Plan, progress: Progress) -> list[str]:
    """This week's to-do: the steps and habits whose dates touch the next seven days."""
    by_id = {s.id: s for s in plan.steps}
    lines = []
    for step_id in progress.this_week:
        step = by_id[step_id]
        size = (weekly_time(step.weekly_hours) if step.weekly_hours is not None
                else f"{hours(step.hours)} in all")  # fmt: skip
        lines.append(f"- {step.title} ({step.id}, {size})")
    return lines


def _attention(plan: Plan, progress: Progress) -> list[str]:
    titles = _titles(plan)
    lines = []
    if progress.overdue and progress.started:
        shown = ", ".join(progress.overdue[:NEXT_SHOWN])
        more = len(progress.overdue) - NEXT_SHOWN
        lines.append(f"Overdue: {shown}" + (f" and {more} more" if more > 0 else ""))
    if plan.version < 2:
        for step_id in progress.next_steps[:NEXT_SHOWN]:
            lines.append(f"Next: {step_id} ({titles.get(step_id, step_id)})")
    if not progress.next_steps and progress.steps_done:
        lines.append("Nothing left to do: every step is done or skipped.")
    return lines


def paths_table(plan: Plan) -> Table | None:
    """The fast and thorough paths side by side: hours, and dates at 5, 10 and 15 h a week."""
    if not plan.options:
        return None
    table = Table(title="Paths to choose from", title_justify="left", expand=False)
    table.add_column("")
    for option in plan.options:
        mine = " (yours)" if option.path == plan.preferences.path else ""
        table.add_column(f"{option.path}{mine}")
    table.add_row("Hours", *(f"{o.hours:g}" for o in plan.options))
    table.add_row("Projects", *(str(o.projects) for o in plan.options))
    table.add_row("Credentials", *(str(o.certifications) for o in plan.options))
    for index, pace in enumerate(plan.options[0].paces):
        cells = [
            f"job-ready {o.paces[index].job_ready}\nall done {o.paces[index].finish}"
            for o in plan.options
        ]
        table.add_row(f"At {pace.hours_per_week:g} h a week", *cells)
    return table


def _step_row(table: Table, step: PlanStep, status: str) -> None:
    mark = MARKS[status]
    size = f"{step.weekly_hours:g}/wk" if step.weekly_hours is not None else f"{step.hours:g}"
    when = f"{step.start}\n{step.due}" if step.start else str(step.due)
    # The id is what `plan step` takes: shown whole under the title, never cut short.
    what = Text(step.title)
    what.append(f"\n{step.id}", style="dim")
    table.add_row(mark, what, size, when)


def steps_table(plan: Plan, states: Sequence[StepState]) -> Table:
    """Every step by track (by milestone in a version 1 plan): status, title, id, hours, dates."""
    status = {s.step: s.status for s in states}
    table = Table(title="Steps", title_justify="left", expand=False)
    table.add_column("")
    longest = max((len(s.id) for s in plan.steps), default=4)
    table.add_column("Step", min_width=min(longest, 48))
    table.add_column("Hours", justify="right")
    table.add_column("From / due" if plan.tracks else "Due", no_wrap=True)
    by_id = {s.id: s for s in plan.steps}
    groups = (
        [(t.title, [s.id for s in plan.steps if s.track == t.id]) for t in plan.tracks]
        if plan.tracks
        else [(f"{m.title} (by {m.due})", list(m.steps)) for m in plan.milestones]
    )
    for title, ids in groups:
        table.add_row("", Text(title, style="bold"), "", "")
        for step_id in ids:
            _step_row(table, by_id[step_id], status.get(step_id, "todo"))
    return table


def track_lines(plan: Plan) -> list[str]:
    """What each track is for and its weight in sharing the hours."""
    return [f"{t.title}: {t.why}" for t in plan.tracks]


def milestone_lines(plan: Plan) -> list[str]:
    """The dated milestones of a version 2 plan, in date order."""
    if plan.version < 2:
        return []
    return [f"{m.due}  {m.title}" for m in plan.milestones]


def challenges_lines(plan: Plan) -> list[str]:
    """One line per challenge the plan warns about, with its milestone."""
    return [f"{m.title}: {c.name}. {c.remedies[0]}" for m in plan.milestones for c in m.challenges]


def plan_renderables(record: PlanRecord, created: bool = False) -> list[RenderableType]:
    """Headline, standing, this week, the paths, the steps, milestones and what to expect."""
    plan, progress = record.plan, record.progress
    top = [_headline(record, created), Text(progress_line(progress))]
    standing = standing_line(plan, progress)
    top += [Text(standing)] if standing else []
    out: list[RenderableType] = [Group(*top)]
    attention = _attention(plan, progress)
    if attention:
        out.append(Text("\n".join(attention)))
    week = week_lines(plan, progress)
    if week:
        out.append(Text("This week\n" + "\n".join(week)))
    tracks = track_lines(plan)
    if tracks:
        rule = hours_rule(plan)
        tracks += [rule] if rule else []
        out.append(Text("Tracks, side by side from week one\n" + "\n".join(tracks)))
    out.append(steps_table(plan, progress.states))
    milestones = milestone_lines(plan)
    if milestones:
        out.append(Text("Milestones\n" + "\n".join(milestones)))
    table = paths_table(plan)
    if table is not None:
        out.append(table)
    challenges = challenges_lines(plan)
    if challenges:
        out.append(Text("Watch out for\n" + "\n".join(f"- {c}" for c in challenges)))
    if plan.break_in:
        out.append(Text("For the job search, the guide advises\n"
                        + "\n".join(f"- {b}" for b in plan.break_in)))  # fmt: skip
    out.append(
        Text(
            f"Record progress: aicareers plan step {record.id} STEP --done\n"
            f"Export:          aicareers plan export {record.id} --format md|ics|csv|json|svg"
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
