"""The steps beside the learning: community, events, practice, real work and the job search.

Chosen per career and background from the catalog's activities (``activities.yaml``): an
activity fits when it names this career or one of the person's backgrounds (or names neither,
as a fallback), and the best fit wins: one naming the career and the background over one
naming the career, over one naming the background, over a general one; the file's order breaks
ties. A nurse moving into healthcare coordination gets health-informatics groups and
healthcare AI events; an engineer moving into MLOps gets open source.

Community and practice are weekly habits from week one (``HABIT_SHARE`` of the weekly hours
each); events and real-world work are one-off steps. The job search starts at job-ready: the
profile first (it needs the first finished project), then referrals, interview practice and a
weekly application habit that runs ``SEARCH_WEEKS`` weeks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import msgspec

from .model import PlanStep, StepKind, StepResource, TrackId
from .schedule import WORKING_LEVEL, level_hours
from .steps import UNDATED, StepContext

if TYPE_CHECKING:
    from ...knowledge.models import PlanActivity

HABIT_SHARE = 0.10  # of the weekly hours, for each of the community and practice habits
SEARCH_SHARE = 0.40  # of the weekly hours while the job search runs
SEARCH_WEEKS = 12  # about three months: long enough for replies, interviews and a second round
# One-off activities per path: the fast path keeps one of each.
ONE_OFFS = {"fast": 1, "thorough": 2}
PROFILE_HOURS, REFERRAL_HOURS, INTERVIEW_HOURS = 8.0, 4.0, 10.0
PROFILE_STEP = "apply-profile"


def _fit(activity: PlanActivity, career: str, backgrounds: Sequence[str]) -> int | None:
    """How well an activity fits (higher is better), or None when it is meant for others."""
    score = 0
    if activity.careers:
        if career not in activity.careers:
            return None
        score += 2
    if activity.backgrounds:
        if not set(activity.backgrounds) & set(backgrounds):
            return None
        score += 1
    return score


def chosen(ctx: StepContext, kind: str, count: int) -> list[PlanActivity]:
    """The ``count`` best-fitting activities of ``kind`` for this career and person."""
    activities: Sequence[PlanActivity] = ctx.catalog.activities
    scored = [
        (fit, index, a)
        for index, a in enumerate(activities)
        if a.kind == kind and (fit := _fit(a, ctx.target.career, ctx.backgrounds)) is not None
    ]
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [a for _, _, a in scored[:count]]


def _step(ctx: StepContext, activity: PlanActivity, track: TrackId, kind: StepKind,
          **extra: Any) -> PlanStep:  # fmt: skip
    # Activity ids are unique and never begin like the other steps' ids (learn-, project-...).
    return PlanStep(
        id=activity.id, kind=kind, milestone=None, track=track, due=UNDATED,
        title=activity.title, why=activity.why, hours=float(extra.pop("hours", activity.hours)),
        resources=ctx.resources(activity.resources), deliverables=(activity.deliverable,),
        **extra,
    )  # fmt: skip


def connect_steps(ctx: StepContext) -> list[PlanStep]:
    """A weekly community habit from week one, then the events that suit the career."""
    habits = [_step(ctx, a, "connect", "community", weekly_hours=HABIT_SHARE, hours=0)
              for a in chosen(ctx, "community", 1)]  # fmt: skip
    events = [_step(ctx, a, "connect", "event") for a in chosen(ctx, "event", ONE_OFFS[ctx.path])]
    return habits + events


def prove_steps(ctx: StepContext) -> list[PlanStep]:
    """A weekly practice habit from week one, and real-world work that shows the skills."""
    habits = [_step(ctx, a, "prove", "practice", weekly_hours=HABIT_SHARE, hours=0)
              for a in chosen(ctx, "practice", 1)]  # fmt: skip
    work = [
        _step(ctx, a, "prove", "practice") for a in chosen(ctx, "experience", ONE_OFFS[ctx.path])
    ]
    return habits + [msgspec.structs.replace(s, id=s.id.replace("practice-", "experience-", 1))
                     for s in work]  # fmt: skip


def domain_step(ctx: StepContext, step: PlanStep) -> PlanStep:
    """A concrete way into the career's domain in place of the general domain-expertise step."""
    found = chosen(ctx, "domain", 1)
    if not found:
        return step
    activity = found[0]
    levels = {s.skill: s.level for s in ctx.target.skills}
    level = min(levels.get(step.skills[0], WORKING_LEVEL), WORKING_LEVEL)
    return msgspec.structs.replace(
        step, title=activity.title, why=f"{step.why} {activity.why}",
        hours=level_hours(activity.hours, level), resources=ctx.resources(activity.resources),
        deliverables=(activity.deliverable,),
    )  # fmt: skip


def apply_steps(
    ctx: StepContext,
    first_project: str | None,
    gate: Sequence[str],
    *,
    people: tuple[StepResource, ...] = (),
    break_in: Sequence[str] = (),
) -> list[PlanStep]:
    """The profile (after the first project), then the job search from job-ready on.

    Referrals and interview practice point to ``people`` (the community the plan joins); the
    weekly applications to the references of the guide's break-in advice for the career.
    """
    role = ctx.role
    advice = ctx.resources(break_in) or ctx.resources(["github"])
    profile = PlanStep(
        id=PROFILE_STEP, kind="profile", milestone=None, track="apply", due=UNDATED,
        title=f"Put your profile in order for {role} roles",
        why=("Recruiters skim in seconds: a resume, a LinkedIn page and a portfolio that all "
             "lead with your finished project make the change of direction easy to follow."),
        hours=PROFILE_HOURS, resources=ctx.resources(["github"]),
        deliverables=(f"A resume aimed at {role} roles that opens with your project, a "
                      "headline and summary to match, and a portfolio page linking your work.",),
        requires=(first_project,) if first_project else (),
    )  # fmt: skip
    after = tuple(gate)
    return [
        profile,
        _search(
            "apply-referrals",
            "Ask three people you met in the community for a referral or an introduction",
            "Many roles are filled through people before they reach a job board; the contacts "
            "from your weekly community time are where referrals come from.",
            "Three short, specific messages sent, and a list of who replied.",
            hours=REFERRAL_HOURS, requires=after, resources=people,
        ),
        _search(
            "apply-interviews",
            f"Practise interviews for {role} roles",
            "Walking someone through your project and the choices you made is most of an "
            "interview for a career changer; rehearsing it out loud, with someone from your "
            "community, makes it calm.",
            "A ten-minute walk-through of your project, recorded or given to a contact, and "
            "answers to the five questions you fear most.",
            hours=INTERVIEW_HOURS, requires=after, resources=people,
        ),
        _search(
            "apply-search",
            f"Apply to {role} roles every week",
            "A steady few good applications a week beat a burst of many. Tailor each one to "
            "the posting and to what the guide's break-in advice for this role stresses (its "
            "references are linked here), and keep a list of where you applied.",
            "A list of applications with dates, replies and what you learnt.",
            hours=0, weekly_hours=SEARCH_SHARE, weeks=SEARCH_WEEKS, requires=after,
            resources=advice,
        ),
    ]  # fmt: skip


def _search(ident: str, title: str, why: str, deliverable: str, **extra: Any) -> PlanStep:
    """One step of the job search (apply track)."""
    return PlanStep(
        id=ident, kind="job-search", milestone=None, track="apply", due=UNDATED, title=title,
        why=why, deliverables=(deliverable,), **extra,
    )  # fmt: skip
