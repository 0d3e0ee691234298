"""Build a dated transition plan towards one career from the skills a person lacks.

Pure: the catalog, the career's target, the preferences and the skills the person has go in, a
``Plan`` comes out; no files, no clock (the start date is a preference). A plan runs five tracks
side by side from week one (``timeline`` says how they share the weekly hours):

- learn: a step per missing skill (``steps``), must-haves first, to working level;
- build: the first project starts small at once and grows; more projects on the thorough path;
- connect: a weekly community habit and events chosen for the career (``activities``);
- prove: a weekly practice habit, real-world work, and credentials employers ask for;
- apply: the profile once a project is finished, then the job search from job-ready on.

Job-ready is the day the must-have skills are at working level, the first project is finished
and the profile is in order. The plan also carries both paths (fast and thorough) at 5, 10 and
15 hours a week, so the person can choose with the dates in front of them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Sequence
from typing import NamedTuple

import msgspec

from ...errors import Hint, ProfileError, UnknownIdError, listing
from ...knowledge.lookup import CAREER_IDS, by_id, suggest
from ...knowledge.models import Career, Catalog
from ...knowledge.space import CareerTarget
from .activities import PROFILE_STEP, apply_steps, connect_steps, domain_step, prove_steps
from .model import (
    PATHS,
    PLAN_VERSION,
    TRACKS,
    ChallengeNote,
    Milestone,
    MilestoneId,
    PaceOption,
    PathId,
    PathOption,
    Plan,
    PlanStep,
    Preferences,
    Track,
    TrackId,
)
from .steps import (
    StepContext,
    cert_keys,
    certification_steps,
    foundation_steps,
    learning_gaps,
    platform_rank,
    project_steps,
    resource_keys,
    slug,
)
from .timeline import TRACK_WEIGHTS, Work, day_of, habit_hours, simulate

# Below half an hour a week even one short course stretches over years, so a plan says nothing
# useful; above 60 hours a week (a full-time job plus overtime) no pace is sustainable, and the
# number is more likely a typo or a monthly figure.
MIN_HOURS_PER_WEEK = 0.5
MAX_HOURS_PER_WEEK = 60.0

# Where the ids a plan's preferences and gaps may name are listed (no web page lists them).
RESOURCES = Hint("see every resource and who offers it", command="aicareers resources")
SKILL_IDS = listing(command="aicareers skills")
COMPARED_PACES = (5.0, 10.0, 15.0)  # the paces every plan is also shown at, to choose from

# Where each of the guide's challenges tends to bite.
_CHALLENGES: tuple[tuple[str, MilestoneId], ...] = (
    ("imposter-syndrome", "first-project"),
    ("lack-of-formal-credentials", "first-project"),
    ("rapidly-changing-technology", "must-haves"),
    ("breaking-into-competitive-roles", "job-ready"),
)
_TRACK_TEXT: dict[TrackId, tuple[str, str]] = {
    "learn": ("Learn", "Courses and practice for the skills you lack, must-haves first."),
    "build": ("Build", "Portfolio projects: the first starts small in week one and grows."),
    "connect": ("Connect", "A community you take part in every week, and events for the role."),
    "prove": ("Prove", "Weekly practice, real-world work, and credentials employers ask for."),
    "apply": ("Apply", "Your profile once a project is done, then the job search."),
}
TRACKS_USED: dict[TrackId, Track] = {
    t: Track(id=t, title=title, weight=TRACK_WEIGHTS[t], why=why)
    for t, (title, why) in _TRACK_TEXT.items()
}


def check_preferences(preferences: Preferences, catalog: Catalog | None = None) -> None:
    """Raise ``ProfileError`` for an unusable pace or, given ``catalog``, an unknown platform."""
    hours = preferences.hours_per_week
    if not math.isfinite(hours) or hours <= 0:
        raise ProfileError(
            "hours_per_week",
            f"Hours per week must be a positive number, not {hours:g}. Give the time you can "
            "spend learning in a usual week, for example 3.5 (half an hour a day).",
        )
    if not MIN_HOURS_PER_WEEK <= hours <= MAX_HOURS_PER_WEEK:
        raise ProfileError(
            "hours_per_week",
            f"{hours:g} hours a week is outside what a plan can pace: give between "
            f"{MIN_HOURS_PER_WEEK:g} and {MAX_HOURS_PER_WEEK:g} hours (3.5 is half an hour a "
            "day; a full-time learner manages about 40).",
        )
    blank = [p for p in preferences.platforms if not slug(p)]
    if blank:
        raise ProfileError("platforms", "A preferred platform is empty; name it, or leave it out.")
    if catalog is not None:
        _check_platforms(preferences.platforms, catalog)


def _check_platforms(platforms: Sequence[str], catalog: Catalog) -> None:
    keys = [k for r in catalog.resources for k in resource_keys(r)]
    keys += [k for c in catalog.certifications for k in cert_keys(c)]
    for platform in platforms:
        if platform_rank(keys, [platform]) == 0:
            continue
        close = suggest(platform, catalog.resources)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise ProfileError(
            "platforms",
            f"Unknown platform '{platform}': no resource or certification in the catalog comes "
            f"from it.{hint} Use a provider or resource id, such as coursera, edx or "
            "deeplearning-ai.",
            RESOURCES,
        )


def _clean_gaps(catalog: Catalog, gaps: Sequence[str], have: Collection[str]) -> list[str]:
    known = {s.id for s in catalog.skills}
    cleaned: list[str] = []
    for gap in gaps:
        if gap not in known:
            raise UnknownIdError("skill", gap, suggest(gap, catalog.skills), SKILL_IDS)
        if gap not in have and gap not in cleaned:
            cleaned.append(gap)
    return cleaned


def default_gaps(target: CareerTarget, have: Collection[str]) -> list[str]:
    """The career's skills the person lacks, most important first (ties keep listed order)."""
    missing = [s for s in target.skills if s.skill not in have]
    return [s.skill for s in sorted(missing, key=lambda s: -s.importance)]


class Drafts(NamedTuple):
    """A path's undated steps, in plan order, and the steps job-ready waits for."""

    steps: list[PlanStep]
    gate: tuple[str, ...]
    must_haves: tuple[str, ...]
    first_project: str | None


def draft_steps(
    ctx: StepContext, career: Career, gaps: Sequence[str], have: Collection[str]
) -> Drafts:
    """Every track's steps for ``ctx.path``; habits carry their share in ``weekly_hours``."""
    learn = foundation_steps(ctx, learning_gaps(ctx, gaps), have)
    learn = [domain_step(ctx, s) if s.skills == ("domain-expertise",) else s for s in learn]
    learnt = [s.skills[0] for s in learn]
    must = tuple(s.id for s in learn if s.id.startswith("learn-") and s.skills[0] in ctx.must_haves)
    build = project_steps(ctx, learnt)
    first = next((s.id for s in build if s.id.startswith("project-")), None)
    gate = (*must, *((first,) if first else ()), PROFILE_STEP)
    connect = connect_steps(ctx)
    people = next((s.resources for s in connect if s.kind == "community"), ())
    advice = [r for step in career.break_in for r in step.resources]
    steps = [
        *learn, *build, *connect,
        *prove_steps(ctx), *certification_steps(ctx, career, must),
        *apply_steps(ctx, first, gate, people=people, break_in=advice),
    ]  # fmt: skip
    return Drafts(steps, gate, must, first)


def _work(steps: Sequence[PlanStep]) -> list[Work]:
    return [
        Work(id=s.id, track=s.track or "learn", hours=s.hours, requires=s.requires,
             share=s.weekly_hours, weeks=s.weeks)
        for s in steps
    ]  # fmt: skip


def dated(drafts: Sequence[PlanStep], preferences: Preferences) -> tuple[PlanStep, ...]:
    """The drafts with start and due dates, and habits with their weekly and total hours."""
    pace, start = preferences.hours_per_week, preferences.start
    spans = simulate(_work(drafts), pace)
    steps = []
    for step in drafts:
        span = spans[step.id]
        if step.weekly_hours is not None:  # a draft habit's weekly_hours is its share
            step = msgspec.structs.replace(
                step, weekly_hours=round(step.weekly_hours * pace, 2),
                hours=habit_hours(step.weekly_hours, pace, span),
            )  # fmt: skip
        steps.append(msgspec.structs.replace(
            step, start=day_of(start, span.begin, end=False), due=day_of(start, span.end, end=True)
        ))  # fmt: skip
    # In time order within each track; a track picks steps in this order, so re-dating the
    # plan later (progress) keeps the same sequence.
    lane = {t: i for i, t in enumerate(TRACKS)}
    steps.sort(key=lambda s: (lane.get(s.track or "learn", 0), s.start or s.due, s.due))
    return tuple(steps)


def _latest(steps: Sequence[PlanStep], ids: Collection[str], fallback: dt.date) -> dt.date:
    return max((s.due for s in steps if s.id in ids), default=fallback)


def _milestones(catalog: Catalog, drafts: Drafts, steps: Sequence[PlanStep]) -> list[Milestone]:
    start = steps[0].start or steps[0].due if steps else dt.date.min
    groups: list[tuple[MilestoneId, str, tuple[str, ...]]] = [
        ("first-project", "First portfolio project finished",
         (drafts.first_project,) if drafts.first_project else ()),
        ("must-haves", "Must-have skills at working level", drafts.must_haves),
        ("job-ready", "Job-ready: start applying", drafts.gate),
        ("finish", "Plan complete", tuple(s.id for s in steps)),
    ]  # fmt: skip
    present = [(m, title, ids) for m, title, ids in groups if ids]
    known = {c.id: c for c in catalog.challenges}
    milestones = []
    for milestone, title, ids in present:
        notes = [known[c] for c, where in _CHALLENGES if where == milestone and c in known]
        milestones.append(Milestone(
            id=milestone, title=title, due=_latest(steps, ids, start), steps=ids,
            challenges=tuple(ChallengeNote(id=c.id, name=c.name, problem=c.problem,
                                           remedies=c.remedies) for c in notes),
        ))  # fmt: skip
    return sorted(milestones, key=lambda m: m.due)


def path_option(
    path: PathId, drafts: Drafts, preferences: Preferences, steps: Sequence[PlanStep]
) -> PathOption:
    """One path in hours and in dates at 5, 10 and 15 hours a week and at the plan's pace."""
    paces = sorted({*COMPARED_PACES, preferences.hours_per_week})
    options = []
    for pace in paces:
        spans = simulate(_work(drafts.steps), pace)
        ready = max((spans[s].end for s in drafts.gate if s in spans), default=0.0)
        finish = max((span.end for span in spans.values()), default=0.0)
        start = preferences.start
        options.append(PaceOption(hours_per_week=pace, job_ready=day_of(start, ready, end=True),
                                  finish=day_of(start, finish, end=True)))  # fmt: skip
    job_ready = _latest(steps, drafts.gate, preferences.start)
    spent = (job_ready - preferences.start).days * preferences.hours_per_week / 7
    return PathOption(
        path=path, hours=round(sum(s.hours for s in steps), 1),
        hours_to_job_ready=round(spent, 1), steps=len(steps),
        certifications=sum(s.kind == "certification" for s in steps),
        projects=sum(s.id.startswith("project-") for s in steps), paces=tuple(options),
    )  # fmt: skip


def build_plan(
    catalog: Catalog,
    target: CareerTarget,
    preferences: Preferences,
    *,
    have: Collection[str] = (),
    gaps: Sequence[str] | None = None,
    backgrounds: Sequence[str] = (),
    asked: Sequence[str] | None = None,
) -> Plan:
    """A dated plan towards ``target``'s career for someone who has the skills in ``have``.

    ``gaps`` are the skills to learn, most important first; by default the career's skills
    not in ``have``. An assessment passes its missing skills as ``gaps``, its matched skills as
    ``have`` and the backgrounds it recognised; a job posting passes its must-haves as
    ``asked``, which then set job-ready and the fast path. The plan follows
    ``preferences.path`` and carries both paths as options. Raises ``ProfileError`` for bad
    preferences (see ``check_preferences``) and ``UnknownIdError`` for a career or gap not in
    the catalog.
    """
    check_preferences(preferences, catalog)
    career = by_id(catalog.careers, target.career, "career", CAREER_IDS)
    have = frozenset(have)
    wanted = _clean_gaps(catalog, default_gaps(target, have) if gaps is None else gaps, have)
    known = {b.id for b in catalog.backgrounds}
    mine = tuple(b for b in dict.fromkeys(backgrounds) if b in known)
    built: dict[PathId, tuple[Drafts, tuple[PlanStep, ...]]] = {}
    for path in PATHS:
        ctx = StepContext(catalog=catalog, target=target, role=career.title,
                          preferences=preferences, path=path, backgrounds=mine,
                          asked=tuple(asked) if asked is not None else None)  # fmt: skip
        drafts = draft_steps(ctx, career, wanted, have)
        built[path] = (drafts, dated(drafts.steps, preferences))
    drafts, steps = built[preferences.path]
    return Plan(
        career=career.id, career_title=career.title, preferences=preferences,
        milestones=tuple(_milestones(catalog, drafts, steps)), steps=steps, gaps=tuple(wanted),
        total_hours=round(sum(s.hours for s in steps), 1),
        finish=max((s.due for s in steps), default=preferences.start), version=PLAN_VERSION,
        tracks=tuple(TRACKS_USED[t] for t in TRACKS if any(s.track == t for s in steps)),
        job_ready=_latest(steps, drafts.gate, preferences.start), have=tuple(sorted(have)),
        backgrounds=mine,
        options=tuple(path_option(p, built[p][0], preferences, built[p][1]) for p in PATHS),
        break_in=tuple(step.text for step in career.break_in),
    )  # fmt: skip
