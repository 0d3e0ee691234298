"""The shapes of a transition plan and of the progress made on it.

A plan is built once (``engine.plans.build``), stored (``store``), and from then on only
progress events are appended; the current state of every step is derived from those events
(``engine.plans.progress``). Everything here is plain immutable data so that a plan round-trips
through JSON unchanged and the same plan renders in the terminal, HTML, Markdown, SVG and
iCalendar.

Version 2 plans run in parallel tracks (learn, build, connect, prove, apply) and carry a
job-ready date and the fast/thorough path options; every field version 2 added has a default,
so a version 1 plan (one serial list of milestones) still reads and shows as it was saved.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import msgspec

PLAN_VERSION = 2

StepKind = Literal[
    "foundation",
    "certification",
    "project",
    "community",
    "practice",
    "event",
    "profile",
    "job-search",
]
# Version 1 plans grouped steps by the first five; version 2 plans date the last five.
MilestoneId = Literal[
    "foundations",
    "certifications",
    "portfolio",
    "community",
    "practice",
    "first-project",
    "must-haves",
    "job-ready",
    "finish",
]
# The parallel lanes of a version 2 plan (see ``engine.plans.timeline`` for how they share time).
TrackId = Literal["learn", "build", "connect", "prove", "apply"]
TRACKS: tuple[TrackId, ...] = ("learn", "build", "connect", "prove", "apply")
# fast: the must-have skills to working level, free resources, at most one certification, one
# project; thorough: every gap to the career's level, more projects, events and credentials.
PathId = Literal["fast", "thorough"]
PATHS: tuple[PathId, ...] = ("fast", "thorough")
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
    path: PathId = "thorough"


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
    """One thing to do, with the gap it closes, the hours it takes and when it is due.

    A habit (``weekly_hours`` set) repeats every week from ``start`` to ``due``; its ``hours``
    are the weekly hours times the weeks it runs. ``weeks`` fixes how long a habit runs (the
    job search); without it a habit runs until the plan's other work is done.
    """

    id: str
    kind: StepKind
    milestone: MilestoneId | None
    title: str
    why: str
    hours: float
    due: dt.date
    skills: tuple[str, ...] = ()
    resources: tuple[StepResource, ...] = ()
    deliverables: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    track: TrackId | None = None  # None in version 1 plans
    start: dt.date | None = None  # when work on it is planned to begin (version 2)
    weekly_hours: float | None = None
    weeks: int | None = None


class Milestone(Struct, frozen=True):
    """A dated point of the plan and the steps that lead to it.

    Version 1: a group of steps (one of the guide's steps 2 to 5). Version 2: a moment reached
    when all ``steps`` are done (the first finished project, the must-haves, job-ready, finish).
    """

    id: MilestoneId
    title: str
    due: dt.date
    steps: tuple[str, ...]
    challenges: tuple[ChallengeNote, ...] = ()


class Track(Struct, frozen=True):
    """One lane of a version 2 plan and its part of the weekly hours."""

    id: TrackId
    title: str
    weight: float  # share of the hours left after the habits, among the tracks with work ready
    why: str


class PaceOption(Struct, frozen=True):
    """Where a path lands at one weekly pace."""

    hours_per_week: float
    job_ready: dt.date
    finish: dt.date


class PathOption(Struct, frozen=True):
    """One of the two paths, in hours and in dates at 5, 10 and 15 hours a week (and the plan's)."""

    path: PathId
    hours: float  # one-off steps plus the habits as they run at the plan's pace
    hours_to_job_ready: float
    steps: int
    certifications: int
    projects: int
    paces: tuple[PaceOption, ...]


class Plan(Struct, frozen=True):
    """A dated plan towards one career (version 2: parallel tracks and a job-ready date)."""

    career: str
    career_title: str
    preferences: Preferences
    milestones: tuple[Milestone, ...]
    steps: tuple[PlanStep, ...]
    gaps: tuple[str, ...]
    total_hours: float
    finish: dt.date
    version: int = 1  # a stored plan without a version is a version 1 plan
    tracks: tuple[Track, ...] = ()
    job_ready: dt.date | None = None
    # What the plan weighed, so the person can see why: skills already shown, backgrounds.
    have: tuple[str, ...] = ()
    backgrounds: tuple[str, ...] = ()
    options: tuple[PathOption, ...] = ()
    # The guide's advice for breaking into this career, for the job search.
    break_in: tuple[str, ...] = ()


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


class StepDates(Struct, frozen=True):
    """When an open step now begins and ends, beside its date in the plan as built."""

    step: str
    start: dt.date
    due: dt.date
    planned_due: dt.date


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
    # False before the plan's start date: then nothing is ahead or behind yet.
    started: bool = True
    # Open steps with the dates they fall on now, rescheduled from today (or the start) at the
    # plan's pace; a step done early or late moves the ones after it.
    schedule: tuple[StepDates, ...] = ()
    # The steps and habits to work on in the week from ``as_of`` (the page's to-do list).
    this_week: tuple[str, ...] = ()
    projected_job_ready: dt.date | None = None
