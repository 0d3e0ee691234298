"""A plan as an RFC 5545 iCalendar file, written by hand (no runtime dependency).

What becomes an event: every milestone, on its due date, and every step still to do or in
progress; done and skipped steps are left out because a calendar is for what lies ahead. A
one-off step is an event on its due date with a reminder the day before; a weekly habit is ONE
event repeating every week from its start until its due date (``RRULE:FREQ=WEEKLY;UNTIL=``)
with a reminder on the morning of each week's session; the job-ready milestone reminds a week
ahead. A version 2 plan's open steps sit at the dates the progress re-dated them to, so the
calendar shows the plan as it stands today.

Each is an all-day event (``DTSTART;VALUE=DATE`` and the next day as ``DTEND``; an ``UNTIL``
is then a DATE too, RFC 5545 3.3.10) marked transparent, so a plan never shows a person as
busy. UIDs are stable (``plan-<id>-<step>@aicareers``,
``plan-<id>-milestone-<milestone>@aicareers``) so importing a newer export updates the same
events instead of adding copies.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from ..documents.plan import weekly_time
from ..engine.plans.model import Milestone, Plan, PlanStep, Progress, StepState
from ._common import hours_text, states_by_step, step_dates

PRODID = "-//aicareers//Plan export//EN"
LINE_OCTETS = 75  # RFC 5545 3.1: lines longer than this are folded
CRLF = "\r\n"
_OPEN: frozenset[str] = frozenset({"todo", "in_progress"})
# TEXT may not hold control characters other than tab (RFC 5545 3.3.11); newlines are escaped.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Reminders, as durations from the start of the (all-day) event.
STEP_REMINDER = "-P1D"  # the day before a one-off step is due
HABIT_REMINDER = "PT9H"  # nine in the morning of each week's session
JOB_READY_REMINDER = "-P7D"  # a week before the job-ready date
_STATUS_WORDS = {
    "todo": "to do",
    "in_progress": "in progress",
    "done": "done",
    "skipped": "skipped",
}


def plan_ical(plan_id: int, plan: Plan, progress: Progress, *, now: dt.datetime) -> str:
    """The VCALENDAR text, CRLF line ends, folded; ``now`` (UTC, naive read as UTC) is DTSTAMP."""
    stamp = _utc_stamp(now)
    states = states_by_step(plan, progress)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(f'aicareers plan {plan_id}: {plan.career_title}')}",
    ]
    for milestone in plan.milestones:
        ready = milestone.id == "job-ready"
        lines += _event(
            uid=f"plan-{plan_id}-milestone-{milestone.id}@aicareers",
            stamp=stamp,
            day=milestone.due,
            summary=f"Milestone: {milestone.title} ({plan.career_title})",
            description=_milestone_description(milestone, plan, states),
            category="milestone",
            extra=_alarm(JOB_READY_REMINDER, f"In a week: {milestone.title}") if ready else (),
        )
    dates = step_dates(plan, progress)
    for step in plan.steps:
        if states[step.id].status in _OPEN:
            lines += _step_event(plan_id, step, plan, dates[step.id], stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def escape_text(value: str) -> str:
    r"""A TEXT value: backslash, semicolon, comma and newline escaped (``\\ \; \, \n``)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    # Lone surrogates cannot be written as UTF-8; a replacement character keeps the rest.
    value = value.encode("utf-8", "replace").decode("utf-8")
    value = _CONTROL.sub("", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into physical lines of at most 75 octets, never inside a character.

    Continuation lines start with one space, which counts towards their 75 octets.
    """
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > LINE_OCTETS:
            parts.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += octets
    parts.append("".join(current))
    return CRLF.join(parts)


def _step_event(
    plan_id: int, step: PlanStep, plan: Plan, dates: tuple[dt.date, dt.date], stamp: str
) -> Iterator[str]:
    """A one-off step on its due date, or a habit as one event repeating weekly until its end."""
    start, due = dates
    if step.weekly_hours is None:
        extra: Iterable[str] = _alarm(STEP_REMINDER, f"Due tomorrow: {step.title}")
        day = due
    else:
        day = min(start, due)
        weekly = f"{hours_text(step.weekly_hours)} h this week: {step.title}"
        extra = [f"RRULE:FREQ=WEEKLY;UNTIL={_ical_date(due)}", *_alarm(HABIT_REMINDER, weekly)]
    return _event(
        uid=f"plan-{plan_id}-{step.id}@aicareers",
        stamp=stamp,
        day=day,
        summary=step.title,
        description=_step_description(step, plan, dates),
        category=step.kind,
        extra=extra,
    )


def _event(
    *,
    uid: str,
    stamp: str,
    day: dt.date,
    summary: str,
    description: str,
    category: str,
    extra: Iterable[str] = (),
) -> Iterator[str]:
    yield "BEGIN:VEVENT"
    yield f"UID:{escape_text(uid)}"
    yield f"DTSTAMP:{stamp}"
    yield f"DTSTART;VALUE=DATE:{_ical_date(day)}"
    yield f"DTEND;VALUE=DATE:{_ical_date(day + dt.timedelta(days=1))}"
    yield f"SUMMARY:{escape_text(summary)}"
    yield f"DESCRIPTION:{escape_text(description)}"
    yield f"CATEGORIES:aicareers,{escape_text(category)}"
    yield "TRANSP:TRANSPARENT"
    yield from extra
    yield "END:VEVENT"


def _alarm(trigger: str, text: str) -> list[str]:
    """A reminder shown on screen (RFC 5545 3.6.6: DISPLAY needs a DESCRIPTION)."""
    return [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER:{trigger}",
        f"DESCRIPTION:{escape_text(text)}",
        "END:VALARM",
    ]


def _milestone_description(milestone: Milestone, plan: Plan, states: dict[str, StepState]) -> str:
    titles = {s.id: s.title for s in plan.steps}
    lines = [f"Reach this milestone of your plan towards {plan.career_title}.", "", "Steps:"]
    lines += [
        f"- {titles[s]} ({_STATUS_WORDS[states[s].status]})" for s in milestone.steps if s in titles
    ]
    for challenge in milestone.challenges:
        lines += ["", f"Watch for: {challenge.name}. {challenge.problem}"]
        lines += [f"- {remedy}" for remedy in challenge.remedies]
    return "\n".join(lines)


def _step_description(step: PlanStep, plan: Plan, dates: tuple[dt.date, dt.date]) -> str:
    start, due = dates
    if step.weekly_hours is None:
        size = f"About {hours_text(step.hours)} hours"
    else:
        size = (f"{weekly_time(step.weekly_hours)} from {start.isoformat()} "
                f"to {due.isoformat()}")  # fmt: skip
    lines = [step.why, "", f"{size}. Plan: {plan.career_title}."]
    if due != step.due:
        lines.append(f"First planned for {step.due.isoformat()}; moved with your progress.")
    if step.resources:
        lines += ["", "Resources:"]
        lines += [f"- {r.name}: {r.url}" if r.url else f"- {r.name}" for r in step.resources]
    if step.deliverables:
        lines += ["", "Deliverables:", *(f"- {d}" for d in step.deliverables)]
    return "\n".join(lines)


def _ical_date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _utc_stamp(moment: dt.datetime) -> str:
    """``YYYYMMDDTHHMMSSZ``; a naive time is taken to be UTC already."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")
