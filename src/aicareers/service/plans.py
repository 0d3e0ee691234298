"""The planning facade: build a plan, store it, record progress, and read it back.

Adapters (CLI, web) call this and format what it returns; the rules live in ``engine.plans``
(build, timeline, progress, forecast), persistence in ``store``. The clock is read here, never
in the engine, and can be fixed by the caller (``today``/``now``) for tests and for a coach
who wants to see where a plan will stand on a given day.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..engine.plans.model import (
    DEFAULT_HOURS_PER_WEEK,
    PATHS,
    EventStatus,
    PathId,
    Plan,
    Preferences,
    Progress,
    ProgressEvent,
    StepStatus,
)
from ..errors import ProfileError, UserInputError
from ..export import FORMATS as EXPORT_FORMATS
from ..export import MEDIA_TYPES, ExportFormat
from ..knowledge.loader import default_catalog
from ..knowledge.lookup import CAREER_IDS, by_id
from ..knowledge.space import default_space

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..documents.plan import EventResult, PlanDocument, PlanHistory
    from ..knowledge.models import Catalog
    from ..store import Store

__all__ = [
    "DEFAULT_HOURS_PER_WEEK",
    "EXPORT_FORMATS",
    "MEDIA_TYPES",
    "ExportFormat",
    "PlanRecord",
    "PlanRequest",
    "Planner",
    "StepStatus",
    "local_planner",
    "parse_day",
    "parse_hours",
    "parse_path",
    "parse_status",
    "plan_document",
    "timeline_svg",
]  # fmt: skip


# How sure an assessment must be of a background, beyond its first, for the plan to pick
# communities by it.
BACKGROUND_CONFIDENCE = 0.5
# Dates outside this window are almost always typing mistakes (2062 for 2026, say).
EARLIEST_START = dt.date(2000, 1, 1)
LATEST_YEARS_AHEAD = 5
# What a person can say about a step, in every adapter's words: the statuses themselves, and
# the short verbs of the command line and the plan page (start, skip, reopen).
STATUS_WORDS: dict[str, EventStatus] = {
    "done": "done", "in_progress": "in_progress", "skipped": "skipped", "reopened": "reopened",
    "start": "in_progress", "skip": "skipped", "reopen": "reopened",
}  # fmt: skip
# What each field is called in messages (adapters may show their own label instead).
DATE_FIELDS = {"start": "The start date", "today": "The day to show progress for"}


def parse_status(word: str) -> EventStatus:
    """The status a word names ("done", "start", "skipped", ...)."""
    found = STATUS_WORDS.get(word.strip().lower())
    if found is None:
        raise ProfileError("status", "Choose what happened: done, start, skip or reopen.")
    return found


def parse_day(value: str | None, field: str) -> dt.date | None:
    """``YYYY-MM-DD`` (or ``today``) as a date, with a message that shows the expected form."""
    if value is None or not value.strip():
        return None
    if value.strip().lower() == "today":
        return dt.date.today()
    label = DATE_FIELDS.get(field, field)
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ProfileError(
            field, f"{label} '{value}' is not a date. Write it as YYYY-MM-DD, e.g. 2026-12-01."
        ) from None
    latest = dt.date.today().replace(year=dt.date.today().year + LATEST_YEARS_AHEAD)
    if not EARLIEST_START <= day <= latest:
        raise ProfileError(
            field, f"{label} {day} is outside {EARLIEST_START} to {latest}. Check the year."
        )
    return day


def parse_hours(value: str | float | None) -> float:
    """Hours a week as typed ('3,5' included); blank means the default half hour a day."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return DEFAULT_HOURS_PER_WEEK
    try:
        hours = float(value.replace(",", ".")) if isinstance(value, str) else float(value)
    except ValueError:
        hours = math.nan
    if not math.isfinite(hours):
        raise ProfileError(
            "hours_per_week", f"Hours a week must be a number, like 3.5 or 10 (got '{value}')."
        )
    return hours  # the plan builder checks the range and says what fits


@dataclass(frozen=True)
class PlanRequest:
    """A new plan as an adapter received it: raw values, checked when the plan is built.

    ``skills`` are the skills the person has (one comma-separated string or a list), or the
    gaps come from a saved assessment (``assessment_id``).
    """

    career: str
    skills: str | Sequence[str] | None = None
    assessment_id: int | None = None
    hours_per_week: str | float | None = None
    start: str | None = None
    free_only: bool = False
    platforms: tuple[str, ...] = ()
    path: str | None = None  # "fast" or "thorough" (the default)
    background: str | None = None  # a background id; community steps are chosen by it
    gaps: tuple[str, ...] | None = None  # skill ids to learn (a posting's missing must-haves)


@dataclass(frozen=True)
class PlanRecord:
    """A stored plan with where it stands today."""

    id: int
    plan: Plan
    progress: Progress
    created_at: dt.datetime
    assessment_id: int | None


def plan_document(record: PlanRecord) -> PlanDocument:
    """The document of a stored plan: every step with its state, and the progress summary."""
    from ..documents.plan import plan_document as build

    return build(record.id, record.plan, record.progress, created_at=record.created_at)


def timeline_svg(plan: Plan, progress: Progress) -> str:
    """The plan's timeline as inline SVG, as its page (the owner's or a shared one) shows it."""
    from ..charts.timeline import plan_timeline_svg

    return plan_timeline_svg(plan, progress, today=progress.as_of)


@contextmanager
def local_planner(database: str | None = None) -> Iterator[Planner]:
    """The planner of this machine's one user, over the database named (or the default)."""
    from ..store import Store

    with Store.open(database) as store:
        yield Planner(store, store.local_user())


def now_utc() -> dt.datetime:
    """The current time, timezone-aware, for event timestamps."""
    return dt.datetime.now(dt.UTC)


def local_zone() -> dt.tzinfo | None:
    """This machine's time zone: a streak counts the person's days, not UTC's."""
    return dt.datetime.now().astimezone().tzinfo


def skills_from_text(catalog: Catalog, text: str) -> tuple[str, ...]:
    """Skill ids named in ``text`` ("Python, SQL, prompt-engineering"), by id, name or alias."""
    from ..engine.assessment.skills import extract_skills
    from ..engine.assessment.vocabulary import Vocabulary

    ids = {s.id for s in catalog.skills}
    given = {part.strip().lower() for part in text.split(",") if part.strip()}
    named = set(extract_skills(text, Vocabulary(catalog.skills)))
    return tuple(sorted(named | (given & ids)))


def parse_path(value: str | None) -> PathId:
    """The path a person chose: "fast" or "thorough" (blank: thorough)."""
    word = (value or "").strip().lower() or "thorough"
    if word not in PATHS:
        raise ProfileError(
            "path",
            f"'{value}' is not a path. Choose fast (the must-have skills, free resources, one "
            "project) or thorough (every gap, more projects, events and credentials).",
        )
    return word


def _assessment_backgrounds(result: dict[str, Any]) -> tuple[str, ...]:
    """The background an assessment is surest of, and any other it is fairly sure of.

    The first is what the person saw named as their background; a second one read only from a
    loosely related occupation (a UX designer's resume coded partly as web development, say)
    must not send them to that field's community.
    """
    found = (result.get("profile") or {}).get("backgrounds") or []
    known = [b for b in found if isinstance(b, dict) and isinstance(b.get("id"), str)]
    known.sort(key=lambda b: -float(b.get("confidence") or 0))
    return tuple(
        b["id"]
        for rank, b in enumerate(known)
        if rank == 0 or float(b.get("confidence") or 0) >= BACKGROUND_CONFIDENCE
    )


def _assessment_skills(result: dict[str, Any], career: str) -> tuple[tuple[str, ...], list[str]]:
    """What a stored assessment says the person has, and lacks for ``career``."""
    entry = next((c for c in result.get("careers", []) if c.get("id") == career), None)
    if entry is None:
        raise UserInputError(
            f"That assessment does not rank '{career}'. Run the assessment again, or create "
            "the plan from a list of your skills instead of from the assessment."
        )
    have = tuple(s["id"] for s in result.get("skills", {}).get("project", []))
    gaps = [m["skill"] for m in entry.get("missing", [])]
    return have, gaps


class Planner:
    """Plans and progress for one user of one store."""

    def __init__(self, store: Store, user_id: int, catalog: Catalog | None = None) -> None:
        self.store = store
        self.user_id = user_id
        self.catalog = catalog or default_catalog()

    def create(
        self,
        career: str,
        preferences: Preferences,
        *,
        skills: Sequence[str] = (),
        assessment_id: int | None = None,
        backgrounds: Sequence[str] = (),
        wanted: Sequence[str] | None = None,
        today: dt.date | None = None,
    ) -> PlanRecord:
        """Build a plan for ``career`` from an assessment or from the skills given, and store it.

        ``backgrounds`` (ids) choose the community and practice steps beside the career; an
        assessment adds the backgrounds it recognised. ``wanted`` (skill ids), when given, are
        the skills the plan teaches instead of the career's own gaps: a posting's must-haves.
        """
        from ..engine.plans.build import build_plan, check_preferences

        check_preferences(preferences)
        by_id(self.catalog.careers, career, "career", CAREER_IDS)
        target = next(t for t in default_space() if t.career == career)
        gaps: list[str] | None = None
        have: tuple[str, ...] = tuple(skills)
        if assessment_id is not None:
            stored = self.store.get_assessment(self.user_id, assessment_id)
            have, gaps = _assessment_skills(stored.result, career)
            have = tuple(sorted({*have, *skills}))
            gaps = [g for g in gaps if g not in skills]
            backgrounds = (*backgrounds, *_assessment_backgrounds(stored.result))
        if wanted is not None:
            gaps = [g for g in wanted if g not in have]
        plan = build_plan(
            self.catalog, target, preferences, have=have, gaps=gaps, backgrounds=backgrounds,
            asked=wanted,
        )
        plan_id = self.store.save_plan(self.user_id, plan, assessment_id=assessment_id)
        return self.get(plan_id, today=today)

    def create_from(self, request: PlanRequest, *, today: dt.date | None = None) -> PlanRecord:
        """``create`` from what the person typed: dates, hours and skills are read here."""
        prefs = Preferences(
            start=parse_day(request.start, "start") or dt.date.today(),
            hours_per_week=parse_hours(request.hours_per_week),
            free_only=request.free_only,
            platforms=tuple(request.platforms),
            path=parse_path(request.path),
        )
        given = request.skills
        text = given if isinstance(given, str) else ", ".join(given or ())
        have = skills_from_text(self.catalog, text) if text.strip() else ()
        given_bg = (request.background or "").strip().lower()
        backgrounds = (
            (by_id(self.catalog.backgrounds, given_bg, "background").id,) if given_bg else ()
        )
        return self.create(
            request.career, prefs, skills=have, assessment_id=request.assessment_id,
            backgrounds=backgrounds, wanted=request.gaps, today=today,
        )  # fmt: skip

    def get(self, plan_id: int, *, today: dt.date | None = None) -> PlanRecord:
        """A stored plan with its progress as of ``today``."""
        from ..engine.plans.progress import summarize

        stored = self.store.get_plan(self.user_id, plan_id)
        events = self.store.events(self.user_id, plan_id)
        day = today or dt.date.today()
        return PlanRecord(
            id=stored.id,
            plan=stored.plan,
            progress=summarize(stored.plan, events, day, tz=local_zone()),
            created_at=stored.created_at,
            assessment_id=stored.assessment_id,
        )

    def all(self, *, today: dt.date | None = None) -> list[PlanRecord]:
        """Every plan of this user, oldest first."""
        return [self.get(p.id, today=today) for p in self.store.list_plans(self.user_id)]

    def record(
        self,
        plan_id: int,
        step: str,
        status: EventStatus,
        *,
        note: str | None = None,
        now: dt.datetime | None = None,
    ) -> ProgressEvent:
        """Check the change against the step's current state, then append it to the log."""
        from ..engine.plans.progress import check_transition, derive_states

        stored = self.store.get_plan(self.user_id, plan_id)
        states = derive_states(stored.plan, self.store.events(self.user_id, plan_id))
        if step in states:
            check_transition(stored.plan, states, step, status)
        return self.store.record_event(
            self.user_id, plan_id, step, status, note=note, at=now or now_utc()
        )

    def history(self, plan_id: int) -> tuple[Plan, list[ProgressEvent]]:
        """The plan and every event recorded on it, oldest first."""
        stored = self.store.get_plan(self.user_id, plan_id)
        return stored.plan, self.store.events(self.user_id, plan_id)

    def history_document(self, plan_id: int) -> tuple[Plan, PlanHistory]:
        """The plan, and ``plan history``'s document: every change on it, oldest first."""
        from ..documents.plan import PlanHistory

        plan, events = self.history(plan_id)
        return plan, PlanHistory(id=plan_id, career=plan.career, events=tuple(events))

    def step(self, plan_id: int, step: str, word: str, *, note: str | None = None) -> EventResult:
        """Record a change said in any adapter's words; the event and the progress after it."""
        from ..documents.plan import EventResult

        event = self.record(plan_id, step, parse_status(word), note=note)
        return EventResult(event=event, progress=self.get(plan_id).progress)

    def export(self, plan_id: int, fmt: ExportFormat, *, now: dt.datetime | None = None) -> str:
        """The plan as Markdown, JSON, iCalendar or CSV text."""
        from ..export import export_plan

        moment = now or now_utc()
        record = self.get(plan_id, today=moment.astimezone(local_zone()).date())
        return export_plan(
            fmt, plan_id, record.plan, record.progress, now=moment, created_at=record.created_at
        )
