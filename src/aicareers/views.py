"""The shapes the service hands to adapters, with referenced ids resolved to names.

Each view is a msgspec Struct whose fields are the documented JSON contract: adapters print
``msgspec.to_builtins(view)`` as JSON, or lay the same fields out as tables and pages.
"""

from __future__ import annotations

import msgspec


class View(msgspec.Struct, frozen=True, kw_only=True):
    """Common base of every view: immutable and keyword-only."""


class Ref(View):
    """Another catalog entry, named."""

    id: str
    name: str


class Link(View):
    """A named catalog entry with a web address when the catalog knows one."""

    id: str
    name: str
    url: str | None = None


class SourceRef(View):
    """A source a fact comes from."""

    id: str
    title: str
    url: str | None = None
    publisher: str | None = None


class Pay(View):
    """A yearly pay range; ``open_ended`` means the top is "and up"."""

    min: int
    max: int
    currency: str
    period: str
    open_ended: bool
    sources: tuple[SourceRef, ...] = ()


class CareerSummary(View):
    """A career as one row of a list: rank in the guide, pay and key skills."""

    rank: int
    id: str
    title: str
    summary: str
    salary: Pay
    key_skills: tuple[Ref, ...]


class BackgroundFit(View):
    """A background that suits a career, and why."""

    id: str
    name: str
    origin: str
    why: str


class BreakIn(View):
    """One step into a career with the resources, credentials, tools and groups it names."""

    text: str
    resources: tuple[Link, ...] = ()
    certifications: tuple[Link, ...] = ()
    tools: tuple[Link, ...] = ()
    organizations: tuple[Link, ...] = ()


class CareerPage(CareerSummary):
    """Everything the catalog says about one career."""

    duties: tuple[str, ...]
    backgrounds: tuple[BackgroundFit, ...]
    break_in: tuple[BreakIn, ...]
    tools: tuple[Link, ...]
    employers: tuple[Link, ...]
    sources: tuple[SourceRef, ...]


class Comparison(View):
    """Careers side by side, and the key skills all of them share."""

    careers: tuple[CareerPage, ...]
    shared_skills: tuple[Ref, ...]


class SkillEntry(View):
    """A skill with the careers that list it and the groups it belongs to."""

    id: str
    name: str
    category: str
    description: str
    aliases: tuple[str, ...]
    careers: tuple[Ref, ...]
    essential_groups: tuple[Ref, ...]


class SkillGroupView(View):
    """A group of skills that every AI career draws on."""

    id: str
    name: str
    note: str
    skills: tuple[Ref, ...]


class TrendView(View):
    """A capability a named report expects to matter most."""

    name: str
    skills: tuple[Ref, ...]
    sources: tuple[SourceRef, ...]


class SkillsView(View):
    """Skills (all, or one career's), with the essential groups and trending capabilities."""

    career: Ref | None
    skills: tuple[SkillEntry, ...]
    essential: tuple[SkillGroupView, ...]
    trending: tuple[TrendView, ...]


class CertificationView(View):
    """A credential and the careers whose break-in steps recommend it."""

    id: str
    name: str
    group: str
    issuer: str
    focus: str
    url: str | None
    careers: tuple[Ref, ...]


class ResourceView(View):
    """A place to learn or meet people, and the careers whose break-in steps point to it."""

    id: str
    name: str
    kind: str
    description: str
    provider: str | None
    url: str | None
    free: bool | None
    careers: tuple[Ref, ...]


class HubView(View):
    """A city with many AI jobs and the employers there."""

    id: str
    name: str
    country: str
    why: str
    organizations: tuple[Link, ...]


class HubsView(View):
    """The hubs, plus the guide's note on remote work."""

    hubs: tuple[HubView, ...]
    remote_note: str


class BandRoleView(View):
    """A role's pay at one experience level, tied to a career where one matches."""

    title: str
    salary: Pay
    career: Ref | None


class BandView(View):
    """Pay by experience level."""

    id: str
    name: str
    min_years: int
    max_years: int | None
    roles: tuple[BandRoleView, ...]
    sources: tuple[SourceRef, ...]


class BandsView(View):
    """All experience levels, plus the guide's note on reading the figures."""

    bands: tuple[BandView, ...]
    pay_note: str


class StepItemView(View):
    """One action inside a step of a career switch."""

    text: str
    resources: tuple[Link, ...]
    organizations: tuple[Link, ...]


class TransitionView(View):
    """A background and the careers it leads to most easily."""

    background: Ref
    careers: tuple[Ref, ...]


class StepView(View):
    """One of the five steps of a career switch."""

    id: str
    number: int
    title: str
    summary: str
    items: tuple[StepItemView, ...]
    transitions: tuple[TransitionView, ...]
