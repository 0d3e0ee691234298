"""The learning, project and certification steps of a plan: what to do, why, how long, with what.

Each builder returns undated steps (``due`` is a placeholder) in their track; ``build`` dates
them with ``timeline``. Hours for learning come from ``schedule``; community, practice and
job-search steps are made in ``activities``.

Paths. The fast path learns only the must-have skills (importance 4 or 5 in the career space)
to working level, with free resources first, and builds one project; the thorough path learns
every gap, first to working level, then deepens those the career needs above it, and builds up
to three projects. Each path's first project starts small in week one and grows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

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
from .model import PathId, PlanStep, Preferences, StepResource
from .schedule import PREREQUISITE_LEVEL, WORKING_LEVEL, learning_order, level_hours

# One credential opens doors; a second (from another provider) adds breadth; more add hours
# more than weight. The fast path books at most one.
MAX_CERTIFICATIONS: dict[PathId, int] = {"fast": 1, "thorough": 2}
# One finished project is what job-ready asks for; three cover more of a career's skills.
MAX_PROJECTS: dict[PathId, int] = {"fast": 1, "thorough": 3}
DEFAULT_CERTIFICATION_HOURS = 40.0  # for a certification whose hours the catalog lacks
MUST_HAVE_IMPORTANCE = 4  # importance 4 or 5 of 5 in the career space: the job is built on it
# The first project begins as a small version: a quarter of it, ten hours at most.
STARTER_SHARE, STARTER_MAX_HOURS = 0.25, 10.0
# A retiring certification is booked only if it can still be taken a year after the start.
RETIRING_MARGIN = dt.timedelta(days=365)

_NON_SLUG = re.compile(r"[^a-z0-9]+")

_IMPORTANCE = {5: "a core skill", 4: "an important skill", 3: "a useful skill"}
# Steps are built first and dated once their order is final.
UNDATED = dt.date.min


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
    path: PathId = "thorough"
    backgrounds: tuple[str, ...] = ()
    asked: tuple[str, ...] | None = None  # a job posting's must-haves, when it sets them

    @property
    def must_haves(self) -> frozenset[str]:
        """What job-ready asks for: a posting's must-haves when the plan is for one, else the
        career's skills of importance 4 or 5."""
        if self.asked is not None:
            return frozenset(self.asked)
        return frozenset(
            s.skill for s in self.target.skills if s.importance >= MUST_HAVE_IMPORTANCE
        )

    def resources(self, ids: Iterable[str]) -> tuple[StepResource, ...]:
        """Catalog resources as the plan shows them, preferred platforms first.

        Only active ones; free ones only if the person asked; on the fast path paid ones are
        dropped whenever a free one exists, so every step keeps a concrete resource.
        """
        # A resource on hiatus or closed stays in the catalog, marked, but no new plan sends
        # anyone to it.
        known = {r.id: r for r in self.catalog.resources if r.status == "active"}
        picked = [known[i] for i in ids if i in known]
        if self.preferences.free_only or (
            self.path == "fast" and any(r.free is True for r in picked)
        ):
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
    levels = {s.skill: s.level for s in ctx.target.skills}
    wanted = levels.get(skill.id, level)
    if is_gap and skill.id in weights:
        kind = _IMPORTANCE.get(weights[skill.id], "a supporting skill")
        expects = (
            "the level the role expects" if wanted <= level else
            f"working level; the role asks for level {wanted}, which "
            + ("a later step in this plan builds" if ctx.path == "thorough"
               else "grows with practice and on the job")
        )  # fmt: skip
        text = (f"{skill.name} is {kind} for the {ctx.role} role and you have not shown it "
                f"yet; {reach}, {expects}.")  # fmt: skip
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


def learning_gaps(ctx: StepContext, gaps: Sequence[str]) -> list[str]:
    """The gaps a path learns: every gap on the thorough path, the must-haves on the fast one."""
    if ctx.path == "thorough":
        return list(gaps)
    return [g for g in gaps if g in ctx.must_haves]


def foundation_steps(
    ctx: StepContext, gaps: Sequence[str], have: Collection[str]
) -> list[PlanStep]:
    """A learning step per gap to working level, its missing prerequisites first.

    On the thorough path, skills the career needs above working level get a second step that
    deepens them, after every working-level step, so the must-haves come first.
    """
    paths = {p.skill: p for p in ctx.catalog.learning_paths}
    skills = {s.id: s for s in ctx.catalog.skills}
    levels = {s.skill: s.level for s in ctx.target.skills}
    prerequisites = {p.skill: p.prerequisites for p in ctx.catalog.learning_paths}
    order, needed_by = learning_order(gaps, prerequisites, have)
    steps, deeper = [], []
    for skill_id in order:
        path, skill, is_gap = paths[skill_id], skills[skill_id], skill_id in gaps
        wanted = levels.get(skill_id, WORKING_LEVEL if is_gap else PREREQUISITE_LEVEL)
        # A years-long credential books only its first step, so its level is not cut down.
        level = wanted if path.first_step else min(wanted, WORKING_LEVEL)
        dependants = [skills[d] for d in needed_by.get(skill_id, [])]
        title, why, hours = _learning_scope(
            path, skill, level, _foundation_why(ctx, skill, level, is_gap, dependants)
        )
        steps.append(PlanStep(
            id=f"learn-{skill_id}", kind="foundation", milestone=None, track="learn",
            due=UNDATED, title=title, why=why, hours=hours, skills=(skill_id,),
            resources=ctx.resources(path.resources), deliverables=(path.practice,),
            requires=tuple(f"learn-{p}" for p in path.prerequisites if p in order),
        ))  # fmt: skip
        if ctx.path == "thorough" and wanted > level and path.first_step is None:
            deeper.append(_deepen_step(ctx, path, skill, wanted))
    return steps + deeper


def _deepen_step(ctx: StepContext, path: LearningPath, skill: Skill, level: int) -> PlanStep:
    hours = level_hours(path.hours, level) - level_hours(path.hours, WORKING_LEVEL)
    return PlanStep(
        id=f"deepen-{skill.id}", kind="foundation", milestone=None, track="learn", due=UNDATED,
        title=f"Deepen {skill.name} to level {level} of 5",
        why=(f"The {ctx.role} role asks for {skill.name} beyond working level. This comes "
             f"after the must-haves, so you can apply before it is done and keep growing on "
             f"the job."),
        hours=max(1.0, hours), skills=(skill.id,), resources=ctx.resources(path.resources),
        deliverables=(path.practice,), requires=(f"learn-{skill.id}",),
    )  # fmt: skip


def certification_steps(ctx: StepContext, career: Career, after: Sequence[str]) -> list[PlanStep]:
    """Credentials the career's employers ask for: none retired, one per provider family.

    Preferred platforms first, then those the guide names for the career, then the shorter.
    They come after the must-have learning steps (``after``), which they build on.
    """
    cited = {c for step in career.break_in for c in step.certifications}
    certs = [c for c in ctx.catalog.certifications if _bookable(ctx, c, career.id)]
    platforms = ctx.preferences.platforms
    certs.sort(key=lambda c: (platform_rank(cert_keys(c), platforms), c.id not in cited,
                              ctx.path == "fast" and c.free is not True, c.hours or 0))  # fmt: skip
    chosen: list[Certification] = []
    for cert in certs:
        family = cert.family or cert.id
        if len(chosen) < MAX_CERTIFICATIONS[ctx.path] and all(
            (c.family or c.id) != family for c in chosen
        ):
            chosen.append(cert)
    return [_cert_step(ctx, cert, after) for cert in chosen]


def _bookable(ctx: StepContext, cert: Certification, career: str) -> bool:
    """Asked for by this career's employers, affordable if asked, and still on offer."""
    if career not in cert.employers_ask:
        return False
    if ctx.preferences.free_only and cert.free is not True:
        return False
    if cert.status == "retired":
        return False
    return not (cert.status == "retiring" and (
        cert.retires is None or cert.retires < ctx.preferences.start + RETIRING_MARGIN
    ))  # fmt: skip


def _cert_step(ctx: StepContext, cert: Certification, after: Sequence[str]) -> PlanStep:
    return PlanStep(
        id=f"cert-{cert.id}", kind="certification", milestone=None, track="prove",
        due=UNDATED, title=f"Earn the {cert.name}",
        why=(f"Employers hiring for the {ctx.role} role ask for this credential in their "
             f"postings; it backs up what you have learnt. {cert.focus}"),
        hours=float(cert.hours) if cert.hours else DEFAULT_CERTIFICATION_HOURS,
        resources=(StepResource(id=cert.id, name=cert.name, url=cert.url, free=cert.free,
                                provider=cert.issuer),),
        deliverables=(f"The {cert.name}, listed on your profile with its credential link.",),
        requires=tuple(after),
    )  # fmt: skip


def _project_why(ctx: StepContext, learnt: Sequence[Skill]) -> str:
    if learnt:
        return (f"Shows {_names(learnt)} at work in something finished, the evidence that "
                f"hiring managers for the {ctx.role} role look for.")  # fmt: skip
    return (f"Turns skills you already have into finished work that hiring managers for the "
            f"{ctx.role} role can see, instead of a claim on a resume.")  # fmt: skip


def project_steps(ctx: StepContext, learnt: Sequence[str]) -> list[PlanStep]:
    """The career's projects, those that use the most newly learnt skills first.

    The first starts small in week one (no requirement) and grows into the full project once
    the must-have skills it uses are learnt.
    """
    skills = {s.id: s for s in ctx.catalog.skills}
    projects: list[Project] = [p for p in ctx.catalog.projects if ctx.target.career in p.careers]
    projects.sort(key=lambda p: -len(set(p.skills) & set(learnt)))
    steps: list[PlanStep] = []
    for index, p in enumerate(projects[: MAX_PROJECTS[ctx.path]]):
        starter = _starter_step(ctx, p) if index == 0 else None
        needs = _project_needs(ctx, p, learnt, first=index == 0)
        steps += [starter] if starter else []
        steps.append(PlanStep(
            id=f"project-{p.id}", kind="project", milestone=None, track="build", due=UNDATED,
            title=p.title if starter is None else f"Grow it into the full project: {p.title}",
            why=_project_why(ctx, [skills[s] for s in p.skills if s in learnt]),
            hours=float(p.hours) - (starter.hours if starter else 0.0), skills=p.skills,
            resources=ctx.resources(p.resources), deliverables=p.deliverables,
            requires=tuple(f"learn-{s}" for s in needs)
            + ((starter.id,) if starter else ()),
        ))  # fmt: skip
    return steps


def _project_needs(
    ctx: StepContext, project: Project, learnt: Sequence[str], *, first: bool
) -> list[str]:
    """The learnt skills a project waits for.

    The first project grows beside the learning: it waits only for the first must-have it
    uses, in learning order, and takes in the others as they come. Later projects wait for
    every skill they use that the plan teaches.
    """
    used = [s for s in learnt if s in project.skills]
    if not first:
        return used
    return [s for s in used if s in ctx.must_haves][:1]


def _starter_step(ctx: StepContext, project: Project) -> PlanStep:
    hours = float(min(STARTER_MAX_HOURS, max(2, round(project.hours * STARTER_SHARE))))
    return PlanStep(
        id=f"starter-{project.id}", kind="project", milestone=None, track="build",
        due=UNDATED, title=f"Start small: a first version of {project.title.rstrip('.')}",
        why=(f"Beginning a project in your first weeks ties every lesson to something you will "
             f"show; a rough first version now grows into the finished piece for the "
             f"{ctx.role} role later."),
        hours=hours, skills=project.skills, resources=ctx.resources(project.resources),
        deliverables=("A public repository or shared document with a first working piece "
                      "and a README that says what it does and what comes next.",),
    )  # fmt: skip
