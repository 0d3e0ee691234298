"""The shapes the service hands to adapters, with referenced ids resolved to names.

Each view is a msgspec Struct whose fields are the documented JSON contract: adapters print
``msgspec.to_builtins(view)`` as JSON, or lay the same fields out as tables and pages.
"""

from __future__ import annotations

import msgspec


class View(msgspec.Struct, frozen=True, kw_only=True):
    """Common base of every view: immutable and keyword-only."""


# Each subclass repeats ``frozen=True``: msgspec inherits it anyway, but mypy's dataclass
# transform only knows a class is frozen when the class says so.


class Ref(View, frozen=True):
    """Another catalog entry, named."""

    id: str
    name: str


class Link(View, frozen=True):
    """A named catalog entry with a web address when the catalog knows one."""

    id: str
    name: str
    url: str | None = None


class SourceRef(View, frozen=True):
    """A source a fact comes from."""

    id: str
    title: str
    url: str | None = None
    publisher: str | None = None


class Pay(View, frozen=True):
    """A yearly pay range; ``open_ended`` means the top is "and up"."""

    min: int
    max: int
    currency: str
    period: str
    open_ended: bool
    sources: tuple[SourceRef, ...] = ()


class CareerSummary(View, frozen=True):
    """A career as one row of a list: rank in the guide, pay and key skills."""

    rank: int
    id: str
    title: str
    summary: str
    salary: Pay
    key_skills: tuple[Ref, ...]


class BackgroundFit(View, frozen=True):
    """A background that suits a career, and why."""

    id: str
    name: str
    origin: str
    why: str


class BreakIn(View, frozen=True):
    """One step into a career with the resources, credentials, tools and groups it names."""

    text: str
    resources: tuple[Link, ...] = ()
    certifications: tuple[Link, ...] = ()
    tools: tuple[Link, ...] = ()
    organizations: tuple[Link, ...] = ()


class CareerPage(CareerSummary, frozen=True):
    """Everything the catalog says about one career."""

    duties: tuple[str, ...]
    backgrounds: tuple[BackgroundFit, ...]
    break_in: tuple[BreakIn, ...]
    tools: tuple[Link, ...]
    employers: tuple[Link, ...]
    sources: tuple[SourceRef, ...]


class SharedPair(View, frozen=True):
    """Two of the careers compared and the key skills those two share beyond what all share."""

    careers: tuple[Ref, ...]  # the two careers of the pair (a list: OpenAPI 3.1 has no pairs)
    skills: tuple[Ref, ...]


class Comparison(View, frozen=True):
    """Careers side by side, the key skills all of them share and, with three or four careers,
    what each pair shares besides (so "nothing in common" is never said of careers that are)."""

    careers: tuple[CareerPage, ...]
    shared_skills: tuple[Ref, ...]
    shared_by_pairs: tuple[SharedPair, ...] = ()


class SkillEntry(View, frozen=True):
    """A skill with the careers that list it and the groups it belongs to."""

    id: str
    name: str
    category: str
    description: str
    aliases: tuple[str, ...]
    careers: tuple[Ref, ...]
    essential_groups: tuple[Ref, ...]


class SkillGroupView(View, frozen=True):
    """A group of skills that every AI career draws on."""

    id: str
    name: str
    note: str
    skills: tuple[Ref, ...]


class TrendView(View, frozen=True):
    """A capability a named report expects to matter most."""

    name: str
    skills: tuple[Ref, ...]
    sources: tuple[SourceRef, ...]


class SkillsView(View, frozen=True):
    """Skills (all, or one career's), with the essential groups and trending capabilities."""

    career: Ref | None
    skills: tuple[SkillEntry, ...]
    essential: tuple[SkillGroupView, ...]
    trending: tuple[TrendView, ...]


class CertificationView(View, frozen=True):
    """A credential and the careers whose break-in steps recommend it."""

    id: str
    name: str
    group: str
    issuer: str | None
    focus: str
    url: str | None
    careers: tuple[Ref, ...]


class ResourceView(View, frozen=True):
    """A place to learn or meet people, and the careers whose break-in steps point to it."""

    id: str
    name: str
    kind: str
    description: str
    provider: str | None
    url: str | None
    free: bool | None
    careers: tuple[Ref, ...]


class HubView(View, frozen=True):
    """A city with many AI jobs and the employers there."""

    id: str
    name: str
    country: str
    why: str
    organizations: tuple[Link, ...]


class HubsView(View, frozen=True):
    """The hubs, plus the guide's note on remote work."""

    hubs: tuple[HubView, ...]
    remote_note: str


class BandRoleView(View, frozen=True):
    """A role's pay at one experience level, tied to a career where one matches."""

    title: str
    salary: Pay
    career: Ref | None


class BandView(View, frozen=True):
    """Pay by experience level."""

    id: str
    name: str
    min_years: int
    max_years: int | None
    roles: tuple[BandRoleView, ...]
    sources: tuple[SourceRef, ...]


class BandsView(View, frozen=True):
    """All experience levels, plus the guide's note on reading the figures."""

    bands: tuple[BandView, ...]
    pay_note: str


class StepItemView(View, frozen=True):
    """One action inside a step of a career switch."""

    text: str
    resources: tuple[Link, ...]
    organizations: tuple[Link, ...]


class TransitionView(View, frozen=True):
    """A background and the careers it leads to most easily."""

    background: Ref
    careers: tuple[Ref, ...]


class StepView(View, frozen=True):
    """One of the five steps of a career switch."""

    id: str
    number: int
    title: str
    summary: str
    items: tuple[StepItemView, ...]
    transitions: tuple[TransitionView, ...]
