"""Typed models of the curated catalog.

Every model is a frozen ``msgspec.Struct`` that rejects unknown keys, so a typo in a YAML file
fails loudly instead of being silently dropped. msgspec is used rather than pydantic because it
imports in a fraction of the time, which keeps ``aicareers careers list`` fast on a cold start.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import msgspec

SkillCategory = Literal["technical", "design", "soft", "business", "domain"]
ResourceKind = Literal[
    "learning-platform",
    "course",
    "news",
    "research",
    "podcast",
    "video",
    "community",
    "conference",
    "practice",
    "freelance",
    "publishing",
    "guide",
    "regulation",
]
ToolKind = Literal["llm", "platform", "framework", "cloud", "design", "library", "generator"]
OrgKind = Literal["employer", "nonprofit", "research-institute", "company", "regulator"]
CertGroup = Literal["technical", "ethics-governance", "specialized", "course-certificate"]
CertStatus = Literal["active", "retiring", "retired"]
# Whether a resource still runs (``hiatus``: no longer publishing, as Distill since 2021) and
# whether an organisation still does what the guide names it for (``merged`` into another
# company, as Cruise into General Motors). Such items stay in the catalog, marked.
ResourceStatus = Literal["active", "hiatus", "closed"]
OrgStatus = Literal["active", "merged", "closed"]
ActivityKind = Literal["community", "event", "practice", "experience", "domain"]
BackgroundOrigin = Literal["step1", "key-skills", "break-in", "coach"]
SalaryPeriod = Literal["year"]


class Base(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Common base: immutable, keyword-only, unknown keys rejected."""


class Checked(Base, frozen=True):
    """When an item's facts were last checked, and whether that check confirmed them.

    ``last_checked`` is the latest day the facts are known to hold: the day we checked them
    against an official page or announcement, or the guide's publication day for facts taken
    from the guide and not checked since. ``verified`` is true only when that check found an
    official page or announcement that confirms them; false reads as "unverified". An item
    without ``last_checked`` is undated, which ``data freshness`` reports and a test forbids.
    Subclasses repeat ``kw_only=True``: msgspec applies it per class, and their required
    fields come after these two defaults.
    """

    last_checked: dt.date | None = None
    verified: bool = False


class Source(Base, frozen=True):
    """A reference the catalog's facts come from."""

    id: str
    title: str
    url: str | None = None
    publisher: str | None = None
    note: str | None = None


class Money(Base, frozen=True):
    """A yearly pay range in one currency; ``open_ended`` marks ranges quoted as "X+"."""

    min: int
    max: int
    currency: str = "USD"
    period: SalaryPeriod = "year"
    open_ended: bool = False
    sources: tuple[str, ...] = ()


class Skill(Base, frozen=True):
    """A skill that careers ask for, with the words people use for it."""

    id: str
    name: str
    category: SkillCategory
    description: str
    aliases: tuple[str, ...] = ()


class Tool(Base, frozen=True):
    """A product, platform, framework or model that the guide names."""

    id: str
    name: str
    kind: ToolKind
    vendor: str | None = None
    url: str | None = None


class Organization(Checked, frozen=True, kw_only=True):
    """An employer, institute or non-profit that the guide names."""

    id: str
    name: str
    kind: OrgKind
    url: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()
    status: OrgStatus = "active"  # with the source id we read it in, unless active
    status_source: str | None = None


class Resource(Checked, frozen=True, kw_only=True):
    """A place to learn, read, listen, meet people or practise."""

    id: str
    name: str
    kind: ResourceKind
    description: str
    provider: str | None = None
    url: str | None = None
    free: bool | None = None
    sources: tuple[str, ...] = ()
    status: ResourceStatus = "active"  # with the source id we read it in, unless active
    status_source: str | None = None


class Certification(Checked, frozen=True, kw_only=True):
    """A credential the guide recommends, grouped as the guide groups them."""

    id: str
    name: str
    group: CertGroup
    issuer: str | None
    focus: str
    url: str | None = None
    sources: tuple[str, ...] = ()
    # Planning facts (our estimates, see certifications.yaml): which careers it suits, about
    # how many hours of study it takes, and whether the exam or certificate costs nothing.
    careers: tuple[str, ...] = ()
    hours: int | None = None
    free: bool | None = None
    # Whether it can still be earned: ``retires`` is the last exam day of a retiring or retired
    # one and ``status_source`` (a source id) says where we read it; a plan never books a
    # retired certification.
    status: CertStatus = "active"
    retires: dt.date | None = None
    status_source: str | None = None
    # Certificates of one provider family overlap (Google's TensorFlow certificate and Google
    # Cloud's ML engineer): a plan books at most one per family.
    family: str | None = None
    # The careers (a subset of ``careers``) whose job postings actually ask for it; the counts
    # behind each choice are in bench/results/certifications_asked.tsv.
    employers_ask: tuple[str, ...] = ()


class PlanActivity(Base, frozen=True):
    """Something a plan books beside the learning, chosen per career and background.

    ``kind`` says which track it belongs to and how ``hours`` reads:

    - community: a group to join and take part in every week (connect track);
    - event: one event to attend, online or in person (connect);
    - practice: a weekly practice habit (prove);
    - experience: one piece of real-world work: volunteering, an internal project, a
      competition, freelancing (prove);
    - domain: how to learn the career's domain, in place of a vague "learn the domain" (learn).

    ``hours`` is the total for an event, an experience or a domain step, and the suggested
    hours a week for a community or a practice habit. Empty ``careers`` or ``backgrounds``
    means the entry suits any career or any background.
    """

    id: str
    kind: ActivityKind
    title: str  # imperative and concrete: what to do, naming the place
    why: str  # one or two sentences, our own words
    deliverable: str  # what the person can show afterwards
    hours: float
    resources: tuple[str, ...]  # ids in resources.yaml, best first, at least one
    careers: tuple[str, ...] = ()
    backgrounds: tuple[str, ...] = ()


class Background(Base, frozen=True):
    """A kind of prior career that a person may bring to an AI role."""

    id: str
    name: str
    description: str
    titles: tuple[str, ...] = ()
    soc: tuple[str, ...] = ()


class BreakInStep(Base, frozen=True):
    """One concrete move towards a career, with links to the catalog entries it needs."""

    text: str
    resources: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()


class CareerBackground(Base, frozen=True):
    """A background that suits a career and why the catalog says so."""

    background: str
    origin: BackgroundOrigin
    why: str


class Career(Checked, frozen=True, kw_only=True):
    """One of the guide's AI careers; ``last_checked`` covers its pay, tools and employers."""

    id: str
    title: str
    summary: str
    duties: tuple[str, ...]
    salary: Money
    key_skills: tuple[str, ...]
    break_in: tuple[BreakInStep, ...]
    backgrounds: tuple[CareerBackground, ...]
    tools: tuple[str, ...] = ()
    employers: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


class Emerging(Base, frozen=True):
    """A specialization the guide expects to appear after 2026."""

    id: str
    name: str
    description: str
    sources: tuple[str, ...] = ()


class SkillGroup(Base, frozen=True):
    """A named group of the skills that every AI career draws on."""

    id: str
    name: str
    skills: tuple[str, ...]
    note: str


class TrendingSkill(Base, frozen=True):
    """A capability that a named report expects to matter most."""

    name: str
    skills: tuple[str, ...]
    sources: tuple[str, ...]


class StepItem(Base, frozen=True):
    """One action inside a transition step."""

    text: str
    resources: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()


class Transition(Base, frozen=True):
    """Step 1's pairing of a background with the careers it leads to most easily."""

    background: str
    careers: tuple[str, ...]


class Step(Base, frozen=True):
    """One of the five steps of a career switch."""

    id: str
    number: int
    title: str
    summary: str
    items: tuple[StepItem, ...]
    transitions: tuple[Transition, ...] = ()


class BandRole(Base, frozen=True):
    """A role quoted inside a salary band, optionally tied to one of our careers."""

    title: str
    salary: Money
    career: str | None = None


class SalaryBand(Base, frozen=True):
    """Pay by experience level; ``max_years`` is None for the open top level."""

    id: str
    name: str
    min_years: int
    max_years: int | None
    roles: tuple[BandRole, ...]
    sources: tuple[str, ...]


class Hub(Base, frozen=True):
    """A city the guide names as a centre of AI hiring."""

    id: str
    name: str
    country: str
    why: str
    state: str | None = None  # a U.S. hub's state (postal code): the wage survey's finest area
    organizations: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


class Challenge(Base, frozen=True):
    """A common obstacle in a career switch and how to get past it."""

    id: str
    name: str
    problem: str
    remedies: tuple[str, ...]


class LearningPath(Base, frozen=True):
    """How to learn one skill to working level: hours from scratch, what comes first, where."""

    skill: str
    hours: int
    resources: tuple[str, ...]
    practice: str
    prerequisites: tuple[str, ...] = ()
    # A credential that takes years (a graduate degree, clinical experience) is not something a
    # plan at a few hours a week can schedule whole: the plan books this first step instead.
    first_step: str | None = None
    first_step_hours: int | None = None


class Project(Base, frozen=True):
    """A portfolio project that shows a career's skills, with what to hand in."""

    id: str
    title: str
    careers: tuple[str, ...]
    brief: str
    deliverables: tuple[str, ...]
    skills: tuple[str, ...]
    hours: int
    checklist: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()


class Statistic(Checked, frozen=True, kw_only=True):
    """A number the guide cites, with its unit and period."""

    id: str
    label: str
    value: float
    unit: str
    period: str
    sources: tuple[str, ...]


class Guide(Base, frozen=True):
    """What the catalog was built from and how to read its figures."""

    title: str
    published: dt.date
    advice: str
    remote_note: str
    pay_note: str
    sources: tuple[str, ...]


class Catalog(Base, frozen=True):
    """The whole curated knowledge base, validated."""

    guide: Guide
    careers: tuple[Career, ...]
    emerging: tuple[Emerging, ...]
    skills: tuple[Skill, ...]
    essential_skills: tuple[SkillGroup, ...]
    trending_skills: tuple[TrendingSkill, ...]
    backgrounds: tuple[Background, ...]
    steps: tuple[Step, ...]
    salary_bands: tuple[SalaryBand, ...]
    hubs: tuple[Hub, ...]
    certifications: tuple[Certification, ...]
    resources: tuple[Resource, ...]
    tools: tuple[Tool, ...]
    organizations: tuple[Organization, ...]
    challenges: tuple[Challenge, ...]
    statistics: tuple[Statistic, ...]
    sources: tuple[Source, ...]
    learning_paths: tuple[LearningPath, ...]
    projects: tuple[Project, ...]
    activities: tuple[PlanActivity, ...] = ()
