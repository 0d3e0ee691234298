"""The shapes of a transition plan and of the progress made on it.

A plan is built once (``engine.plan_builder``), stored (``store``), and from then on only
progress events are appended; the current state of every step is derived from those events
(``engine.progress``). Everything here is plain immutable data so that a plan round-trips
through JSON unchanged and the same plan renders in the terminal, HTML, Markdown and iCalendar.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import msgspec

PLAN_VERSION = 1

StepKind = Literal["foundation", "certification", "project", "community", "practice"]
MilestoneId = Literal["foundations", "certifications", "portfolio", "community", "practice"]
# What a person can say about a step; "reopened" takes a done or skipped step back to "todo".
EventStatus = Literal["done", "in_progress", "skipped", "reopened"]
StepStatus = Literal["todo", "in_progress", "done", "skipped"]

DEFAULT_HOURS_PER_WEEK = 3.5  # the guide's half an hour a day


class Struct(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Common base: immutable, keyword-only."""


class Preferences(Struct, frozen=True):
    """How the person wants to learn: pace, start, money, platforms."""

    start: dt.date
    hours_per_week: float = DEFAULT_HOURS_PER_WEEK
    free_only: bool = False
    # Provider or resource ids (for example "coursera", "deeplearning-ai") to prefer, best first.
    platforms: tuple[str, ...] = ()


class StepResource(Struct, frozen=True):
    """A place to learn or practise, as the plan shows it."""

    id: str
    name: str
    url: str | None = None
    free: bool | None = None
    provider: str | None = None


class ChallengeNote(Struct, frozen=True):
    """One of the guide's common obstacles, shown where it tends to bite."""

    id: str
    name: str
    problem: str
    remedies: tuple[str, ...]


class PlanStep(Struct, frozen=True):
    """One thing to do, with the gap it closes, the hours it takes and when it is due."""

    id: str
    kind: StepKind
    milestone: MilestoneId
    title: str
    why: str
    hours: float
    due: dt.date
    skills: tuple[str, ...] = ()
    resources: tuple[StepResource, ...] = ()
    deliverables: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()


class Milestone(Struct, frozen=True):
    """A group of steps (one of the guide's steps 2 to 5) with the date it should be reached."""

    id: MilestoneId
    title: str
    due: dt.date
    steps: tuple[str, ...]
    challenges: tuple[ChallengeNote, ...] = ()


class Plan(Struct, frozen=True):
    """A dated, ordered plan towards one career."""

    career: str
    career_title: str
    preferences: Preferences
    milestones: tuple[Milestone, ...]
    steps: tuple[PlanStep, ...]
    gaps: tuple[str, ...]
    total_hours: float
    finish: dt.date
    version: int = PLAN_VERSION


class ProgressEvent(Struct, frozen=True):
    """One acknowledged change of a step's status; the log of these is never rewritten."""

    seq: int
    step: str
    status: EventStatus
    at: dt.datetime
    note: str | None = None


class StepState(Struct, frozen=True):
    """A step's current status, derived from its events."""

    step: str
    status: StepStatus
    since: dt.datetime | None = None
    note: str | None = None


class Progress(Struct, frozen=True):
    """Where a person stands on a plan on a given day (see ``engine.progress.summarize``)."""

    percent: float  # done hours / hours of the steps not skipped, 0 to 100, one decimal
    steps_done: int
    steps_skipped: int
    steps_total: int
    hours_done: float
    hours_left: float  # hours of the steps to do or in progress
    next_steps: tuple[str, ...]
    overdue: tuple[str, ...]
    streak_days: int
    states: tuple[StepState, ...]
    steps_in_progress: int = 0
    # The first milestone with a step still open; None once every step is done or skipped.
    current_milestone: MilestoneId | None = None
    # When the open hours are done at the plan's weekly pace from ``as_of``; None when none left.
    projected_finish: dt.date | None = None
    # projected_finish minus the plan's finish: positive is behind schedule, negative ahead.
    days_behind: int | None = None
    last_activity: dt.datetime | None = None  # the latest event on a step of this plan
    as_of: dt.date | None = None  # the day these numbers describe
