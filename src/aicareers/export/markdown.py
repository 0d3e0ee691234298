"""A plan as a Markdown document: readable as plain text, with task-list checkboxes.

Done steps are ``- [x]``; steps to do or in progress are ``- [ ]`` (in progress is said in
words); skipped steps are ``- [ ]`` struck through, since they were not done but need no doing.

A version 1 plan is a numbered section per milestone. A version 2 plan adds its job-ready date
to the headline, a table of the fast and thorough paths at each weekly pace, the dated
milestones, then a section per track; a weekly habit reads "1 h a week from X to Y".
"""

from __future__ import annotations

import datetime as dt
import re

from ..documents.plan import weekly_time
from ..engine.plans.model import TRACKS, ChallengeNote, Plan, PlanStep, Progress, StepState
from ._common import hours_text, states_by_step, steps_by_milestone

_PATH_NAMES = {"fast": "Fast", "thorough": "Thorough"}

BAR_WIDTH = 20
# Characters that would otherwise start emphasis, links, code or HTML inside running text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def plan_markdown(
    plan_id: int, plan: Plan, progress: Progress, *, now: dt.datetime | None = None
) -> str:
    """The whole plan: headline, progress, then each milestone with its challenges and steps."""
    states = states_by_step(plan, progress)
    titles = {s.id: s.title for s in plan.steps}
    lines = [f"# Plan {plan_id}: {_text(plan.career_title)}", "", *_headline(plan, now), ""]
    lines += ["## Progress", "", *_progress(progress, titles), ""]
    if plan.tracks:
        lines += [*_paths(plan), *_milestones(plan), *_tracks(plan, states, titles)]
        if plan.break_in:
            lines += ["## Breaking in", "", *(f"- {_text(a)}" for a in plan.break_in), ""]
        return "\n".join(lines).rstrip("\n") + "\n"
    for index, (milestone_id, title, due, steps) in enumerate(steps_by_milestone(plan), start=1):
        when = f" (due {due.isoformat()})" if due else ""
        lines += [f"## {index}. {_text(title)}{when}", ""]
        challenges = next((m.challenges for m in plan.milestones if m.id == milestone_id), ())
        for challenge in challenges:
            lines += [*_challenge(challenge), ""]
        for step in steps:
            lines += _step(step, states[step.id], titles)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def progress_bar(percent: float, width: int = BAR_WIDTH) -> str:
    """``[#####---------------]`` for 25%: plain ASCII so it reads the same everywhere."""
    filled = round(max(0.0, min(100.0, percent)) / 100 * width)
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def _headline(plan: Plan, now: dt.datetime | None) -> list[str]:
    prefs = plan.preferences
    facts = [
        f"Career: `{plan.career}`",
        f"{hours_text(prefs.hours_per_week)} hours a week from {prefs.start.isoformat()}",
        f"{hours_text(plan.total_hours)} hours in all",
        *([f"ready to apply by {plan.job_ready.isoformat()}"] if plan.job_ready else []),
        f"finish by {plan.finish.isoformat()}",
    ]
    lines = [" · ".join(facts)]
    if prefs.free_only:
        lines.append("Free resources only.")
    if prefs.platforms:
        lines.append("Preferred platforms: " + ", ".join(_text(p) for p in prefs.platforms) + ".")
    if plan.gaps:
        lines.append("Skills this plan closes: " + ", ".join(_text(g) for g in plan.gaps) + ".")
    if now is not None:
        lines.append(f"Exported {now.date().isoformat()}.")
    # Hard line breaks would need trailing spaces; blank lines keep each fact its own paragraph.
    return [part for line in lines for part in (line, "")][:-1]


def _progress(progress: Progress, titles: dict[str, str]) -> list[str]:
    done = f"{progress.steps_done} of {progress.steps_total} steps done"
    if progress.steps_skipped:
        done += f", {progress.steps_skipped} skipped"
    lines = [
        f"`{progress_bar(progress.percent)}` {progress.percent:g}% · {done} · "
        f"{hours_text(progress.hours_done)} h done, {hours_text(progress.hours_left)} h left",
    ]
    pace = []
    if progress.streak_days:
        pace.append(f"Streak: {progress.streak_days} day{'s' if progress.streak_days > 1 else ''}")
    if progress.projected_finish is not None:
        pace.append(f"At this pace done by {progress.projected_finish.isoformat()}"
                    + _behind(progress.days_behind))  # fmt: skip
    if pace:
        lines += ["", " · ".join(pace)]
    labels = (("This week", progress.this_week), ("Next", progress.next_steps),
              ("Overdue", progress.overdue))  # fmt: skip
    for label, ids in labels:
        if ids:
            lines += ["", f"{label}: " + ", ".join(_text(titles.get(i, i)) for i in ids)]
    return lines


def _behind(days: int | None) -> str:
    if not days:
        return " (on schedule)" if days == 0 else ""
    return f" ({abs(days)} days {'behind' if days > 0 else 'ahead of'} the plan)"


def _challenge(challenge: ChallengeNote) -> list[str]:
    lines = [f"> **Watch for: {_text(challenge.name)}.** {_text(challenge.problem)}"]
    lines += [f"> - {_text(remedy)}" for remedy in challenge.remedies]
    return lines


def _step(step: PlanStep, state: StepState, titles: dict[str, str]) -> list[str]:
    box = "[x]" if state.status == "done" else "[ ]"
    title = f"**{_text(step.title)}**"
    if state.status == "skipped":
        title = f"~~{title}~~ (skipped)"
    elif state.status == "in_progress":
        title += " (in progress)"
    lines = [f"- {box} {title}: {_when(step)}"]
    details = [f"Why: {_text(step.why)}"]
    if step.resources:
        links = (_link(r.name, r.url, r.free) for r in step.resources)
        details.append("Resources: " + ", ".join(links))
    if step.deliverables:
        details.append("Deliverables: " + "; ".join(_text(d) for d in step.deliverables))
    if step.requires:
        details.append("After: " + ", ".join(_text(titles.get(r, r)) for r in step.requires))
    if state.note:
        details.append(f"Note: {_text(state.note)}")
    # Indented continuation lines stay inside the list item in every Markdown flavour.
    return lines + [f"  - {d}" for d in details]


def _when(step: PlanStep) -> str:
    """How long and when: a habit by the week, a dated step from its start, else its due date."""
    due = step.due.isoformat()
    if step.weekly_hours is not None and step.start is not None:
        return f"{weekly_time(step.weekly_hours)} from {step.start.isoformat()} to {due}"
    if step.start is not None:
        return f"{hours_text(step.hours)} h, from {step.start.isoformat()}, due {due}"
    return f"{hours_text(step.hours)} h, due {due}"


def _paths(plan: Plan) -> list[str]:
    """The fast and thorough paths side by side, with their dates at each weekly pace."""
    if not plan.options:
        return []
    paces = sorted({p.hours_per_week for o in plan.options for p in o.paces})
    head = ["Path", "Steps", "Hours to job-ready", "Hours in all",
            *(f"{hours_text(h)} h a week" for h in paces)]  # fmt: skip
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for option in plan.options:
        name = _PATH_NAMES.get(option.path, option.path)
        if option.path == plan.preferences.path:
            name += " (this plan)"
        at = {p.hours_per_week: p for p in option.paces}
        cells = [
            f"ready {at[h].job_ready.isoformat()}, done {at[h].finish.isoformat()}"
            if h in at else "" for h in paces
        ]  # fmt: skip
        row = [name, str(option.steps), hours_text(option.hours_to_job_ready),
               hours_text(option.hours), *cells]  # fmt: skip
        rows.append("| " + " | ".join(row) + " |")
    intro = ("Two ways to get there: the fast path keeps to the must-haves and free resources; "
             "the thorough one closes every gap. Dates for each weekly pace:")  # fmt: skip
    return ["## Paths", "", intro, "", *rows, ""]


def _milestones(plan: Plan) -> list[str]:
    """The dated milestones, job-ready said as what it means, with their challenges."""
    lines = ["## Milestones", ""]
    for milestone in sorted(plan.milestones, key=lambda m: m.due):
        meaning = " (you could credibly apply from here)" if milestone.id == "job-ready" else ""
        lines.append(f"- **{_text(milestone.title)}**: {milestone.due.isoformat()}{meaning}")
    lines.append("")
    for challenge in (c for m in plan.milestones for c in m.challenges):
        lines += [*_challenge(challenge), ""]
    return lines


def _tracks(plan: Plan, states: dict[str, StepState], titles: dict[str, str]) -> list[str]:
    """A section per track, in TRACKS order, with its steps in plan order."""
    tracks = sorted(plan.tracks, key=lambda t: TRACKS.index(t.id))
    lines: list[str] = []
    for track in tracks:
        steps = [s for s in plan.steps if s.track == track.id]
        lines += [f"## {_text(track.title)}", "", _text(track.why), ""]
        for step in steps:
            lines += _step(step, states[step.id], titles)
        lines += [""] if steps else ["Nothing planned on this track.", ""]
    rest = [s for s in plan.steps if s.track not in {t.id for t in tracks}]
    if rest:
        lines += ["## Other steps", ""]
        for step in rest:
            lines += _step(step, states[step.id], titles)
        lines.append("")
    return lines


def _link(name: str, url: str | None, free: bool | None) -> str:
    label = _text(name) + (" (free)" if free else "")
    if not url:
        return label
    # Spaces and parentheses would end the link target early.
    target = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    return f"[{label}]({target})"


def _text(value: str) -> str:
    """Running text with Markdown's special characters escaped and on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(value.split()))
