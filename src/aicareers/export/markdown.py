"""A plan as a Markdown document: readable as plain text, with task-list checkboxes.

Done steps are ``- [x]``; steps to do or in progress are ``- [ ]`` (in progress is said in
words); skipped steps are ``- [ ]`` struck through, since they were not done but need no doing.
"""

from __future__ import annotations

import datetime as dt
import re

from ..engine.plans.model import ChallengeNote, Plan, PlanStep, Progress, StepState
from ._common import hours_text, states_by_step, steps_by_milestone

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
    for label, ids in (("Next", progress.next_steps), ("Overdue", progress.overdue)):
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
    lines = [f"- {box} {title}: {hours_text(step.hours)} h, due {step.due.isoformat()}"]
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
