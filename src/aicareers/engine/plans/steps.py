"""The steps of a plan, one builder per kind: what to do, why, for how long, with what.

Each builder returns undated steps (``due`` is a placeholder); ``plan_builder`` puts them in
order and dates them. Hours for learning come from ``engine.schedule``; the hours of
community and practice activities below are our own estimates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from ...knowledge.models import (
    Career,
    Catalog,
    Certification,
    LearningPath,
    Project,
    Resource,
    Skill,
)
from ...knowledge.space import CareerTarget
from .model import PlanStep, Preferences, StepResource
from .schedule import PREREQUISITE_LEVEL, WORKING_LEVEL, learning_order, level_hours

MAX_CERTIFICATIONS = 2  # one credential opens doors; a third adds hours more than weight
MAX_PROJECTS = 3  # two finished projects are the minimum to show, three cover more skills
DEFAULT_CERTIFICATION_HOURS = 40.0  # for a certification whose hours the catalog lacks

_NON_SLUG = re.compile(r"[^a-z0-9]+")

_IMPORTANCE = {5: "a core skill", 4: "an important skill", 3: "a useful skill"}
# Steps are built first and dated once their order is final.
UNDATED = dt.date.min

ActivityKind = Literal["community", "practice"]


class Activity(NamedTuple):
    """A community or practice step drawn from the guide's step 4 or 5 item naming ``keyword``."""

    id: str
    milestone: ActivityKind
    step: int
    keyword: str
    hours: float
    skills: tuple[str, ...]
    why: str


# Our estimates of the hours each takes; ``{role}`` is the career's title.
ACTIVITIES: tuple[Activity, ...] = (
    Activity("community-discussions", "community", 4, "discussion", 6, (),
             "Listening in where {role} people talk shop shows you what the work is really "
             "like, and lets them know your name before you apply."),
    Activity("community-events", "community", 4, "conference", 8, (),
             "Talks and meetups turn online names into contacts; many openings are filled "
             "through people rather than job boards."),
    Activity("community-open-source", "community", 4, "open-source", 20, ("version-control",),
             "A merged contribution proves you can work in someone else's code and take "
             "review, which no course certificate shows."),
    Activity("community-writing", "community", 4, "write", 10, ("written-communication",),
             "Explaining what you learnt makes it stick, and gives recruiters for the {role} "
             "role something of yours to read."),
    Activity("practice-freelancing", "practice", 5, "freelanc", 30, (),
             "Paid work for a real client closes the experience gap: it brings references and a "
             "project that was not your own idea."),
    Activity("practice-competitions", "practice", 5, "competition", 20, (),
             "A public leaderboard measures your skill against other people's, which an "
             "employer can check without taking your word for it."),
    Activity("practice-internal-project", "practice", 5, "internal", 40, (),
             "An AI project where you already work builds on trust you have earned, and is the "
             "shortest road into the {role} role without changing employer."),
)  # fmt: skip


def slug(text: str) -> str:
    """Lower-case words joined by hyphens: "DeepLearning.AI" -> "deeplearning-ai"."""
    return _NON_SLUG.sub("-", text.lower()).strip("-")


def _keys(ident: str, *names: str | None) -> tuple[str, ...]:
    return tuple(f"-{slug(k)}-" for k in (ident, *names) if k)


def platform_rank(keys: Sequence[str], platforms: Sequence[str]) -> int:
    """Index of the first preferred platform that ``keys`` match; ``len(platforms)`` if none."""
    for index, platform in enumerate(platforms):
        wanted = f"-{slug(platform)}-"
        if wanted != "--" and any(wanted in key for key in keys):
            return index
    return len(platforms)


def resource_keys(resource: Resource) -> tuple[str, ...]:
    """What a preferred platform can match in a resource: its id, provider and name."""
    return _keys(resource.id, resource.provider, resource.name)


def cert_keys(cert: Certification) -> tuple[str, ...]:
    """What a preferred platform can match in a certification: its id, issuer and name."""
    return _keys(cert.id, cert.issuer, cert.name)


@dataclass(frozen=True)
class StepContext:
    """What every step builder needs: the catalog, the career and the person's choices."""

    catalog: Catalog
    target: CareerTarget
    role: str
    preferences: Preferences

    def resources(self, ids: Iterable[str]) -> tuple[StepResource, ...]:
        """Catalog resources as the plan shows them: free ones only if asked, preferred first."""
        known = {r.id: r for r in self.catalog.resources}
        picked = [known[i] for i in ids if i in known]
        if self.preferences.free_only:
            picked = [r for r in picked if r.free is True]
        platforms = self.preferences.platforms
        picked.sort(key=lambda r: platform_rank(resource_keys(r), platforms))
        return tuple(
            StepResource(id=r.id, name=r.name, url=r.url, free=r.free, provider=r.provider)
            for r in picked
        )


def _names(skills: Sequence[Skill]) -> str:
    names = [s.name for s in skills]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _builds_on(dependants: Sequence[Skill]) -> str:
    verb = "builds" if len(dependants) == 1 else "build"
    return f"{_names(dependants)} {verb} on it"


def _path(ctx: StepContext, skill_id: str) -> LearningPath:
    return next(p for p in ctx.catalog.learning_paths if p.skill == skill_id)


def _foundation_why(
    ctx: StepContext, skill: Skill, level: int, is_gap: bool, dependants: Sequence[Skill]
) -> str:
    """Which gap the step closes, in plain words, and why it comes where it does."""
    weights = {s.skill: s.importance for s in ctx.target.skills}
    partial = _path(ctx, skill.id).first_step is not None
    reach = (
        f"the goal is level {level} of 5"
        if partial
        else f"this step takes you to level {level} of 5"
    )
    if is_gap and skill.id in weights:
        kind = _IMPORTANCE.get(weights[skill.id], "a supporting skill")
        text = (f"{skill.name} is {kind} for the {ctx.role} role and you have not shown it "
                f"yet; {reach}, the level the role expects.")  # fmt: skip
    elif is_gap:
        text = f"{skill.name} is one of your gaps for the {ctx.role} role; {reach}."
    else:
        text = f"You have not shown {skill.name} yet and {_builds_on(dependants)}; {reach}."
    if is_gap and dependants:
        text += f" It comes early because {_builds_on(dependants)}."
    return text


def _learning_scope(
    path: LearningPath, skill: Skill, level: int, why: str
) -> tuple[str, str, float]:
    """Title, why and hours: the whole path, or only its first step for a years-long credential."""
    full = level_hours(path.hours, level)
    if path.first_step is None or path.first_step_hours is None:
        return f"Learn {skill.name}, to level {level} of 5", why, full
    why += (f" The whole way takes about {full:,.0f} hours, years at a part-time pace, so this "
            f"plan books only the first step; decide after it whether to go on.")  # fmt: skip
    return f"Start on {skill.name}: {path.first_step}", why, float(path.first_step_hours)


def foundation_steps(
    ctx: StepContext, gaps: Sequence[str], have: Collection[str]
) -> list[PlanStep]:
    """A learning step for each gap, each preceded by its missing prerequisites."""
    paths = {p.skill: p for p in ctx.catalog.learning_paths}
    skills = {s.id: s for s in ctx.catalog.skills}
    levels = {s.skill: s.level for s in ctx.target.skills}
    prerequisites = {p.skill: p.prerequisites for p in ctx.catalog.learning_paths}
    order, needed_by = learning_order(gaps, prerequisites, have)
    steps = []
    for skill_id in order:
        path, skill, is_gap = paths[skill_id], skills[skill_id], skill_id in gaps
        level = levels.get(skill_id, WORKING_LEVEL if is_gap else PREREQUISITE_LEVEL)
        dependants = [skills[d] for d in needed_by.get(skill_id, [])]
        title, why, hours = _learning_scope(
            path, skill, level, _foundation_why(ctx, skill, level, is_gap, dependants)
        )
        steps.append(PlanStep(
            id=f"learn-{skill_id}", kind="foundation", milestone="foundations", due=UNDATED,
            title=title, why=why, hours=hours, skills=(skill_id,),
            resources=ctx.resources(path.resources), deliverables=(path.practice,),
            requires=tuple(f"learn-{p}" for p in path.prerequisites if p in order),
        ))  # fmt: skip
    return steps


def certification_steps(ctx: StepContext, career: Career) -> list[PlanStep]:
    """The certifications that suit the career: preferred platforms, then the guide's picks."""
    cited = {c for step in career.break_in for c in step.certifications}
    certs = [
        c for c in ctx.catalog.certifications
        if career.id in c.careers and not (ctx.preferences.free_only and c.free is not True)
    ]  # fmt: skip
    platforms = ctx.preferences.platforms
    certs.sort(key=lambda c: (platform_rank(cert_keys(c), platforms), c.id not in cited))
    return [
        PlanStep(
            id=f"cert-{cert.id}", kind="certification", milestone="certifications",
            due=UNDATED, title=f"Earn the {cert.name}",
            why=(f"A credential that employers hiring for the {ctx.role} role recognise backs "
                 f"up what you have learnt. {cert.focus}"),
            hours=float(cert.hours) if cert.hours else DEFAULT_CERTIFICATION_HOURS,
            resources=(StepResource(id=cert.id, name=cert.name, url=cert.url, free=cert.free,
                                    provider=cert.issuer),),
        )
        for cert in certs[:MAX_CERTIFICATIONS]
    ]  # fmt: skip


def _project_why(ctx: StepContext, learnt: Sequence[Skill]) -> str:
    if learnt:
        return (f"Shows {_names(learnt)} at work in something finished, the evidence that "
                f"hiring managers for the {ctx.role} role look for.")  # fmt: skip
    return (f"Turns skills you already have into finished work that hiring managers for the "
            f"{ctx.role} role can see, instead of a claim on a resume.")  # fmt: skip


def project_steps(ctx: StepContext, learnt: Sequence[str]) -> list[PlanStep]:
    """The career's projects, those that use the most newly learnt skills first."""
    skills = {s.id: s for s in ctx.catalog.skills}
    projects: list[Project] = [p for p in ctx.catalog.projects if ctx.target.career in p.careers]
    projects.sort(key=lambda p: -len(set(p.skills) & set(learnt)))
    return [
        PlanStep(
            id=f"project-{p.id}", kind="project", milestone="portfolio", due=UNDATED,
            title=p.title, why=_project_why(ctx, [skills[s] for s in p.skills if s in learnt]),
            hours=float(p.hours), skills=p.skills, resources=ctx.resources(p.resources),
            deliverables=p.deliverables,
            requires=tuple(f"learn-{s}" for s in p.skills if s in learnt),
        )
        for p in projects[:MAX_PROJECTS]
    ]  # fmt: skip


def activity_steps(ctx: StepContext, kind: ActivityKind) -> list[PlanStep]:
    """The community or practice activities, from the matching items of the guide's steps."""
    steps = []
    for activity in (a for a in ACTIVITIES if a.milestone == kind):
        guide_step = next((s for s in ctx.catalog.steps if s.number == activity.step), None)
        items = guide_step.items if guide_step else ()
        item = next((i for i in items if activity.keyword in i.text.lower()), None)
        if item is None:
            continue
        steps.append(PlanStep(
            id=activity.id, kind=kind, milestone=kind, due=UNDATED, title=item.text.rstrip("."),
            why=activity.why.format(role=ctx.role), hours=float(activity.hours),
            skills=activity.skills, resources=ctx.resources(item.resources),
        ))  # fmt: skip
    return steps
