"""The shapes of the guide's reference pages that ``documents.catalog`` has no view for:
statistics, sources, certifications with their status, resources by kind, grouped search.

Like every view these are msgspec Structs whose fields are the JSON contract.
"""

from __future__ import annotations

import datetime as dt

import msgspec

from .catalog import CareerSummary, CertificationView, Ref, ResourceView, SourceRef, View


class StatisticView(View, frozen=True):
    """A number the guide cites, with its unit, period and where it comes from."""

    id: str
    label: str
    value: float
    unit: str
    period: str
    sources: tuple[SourceRef, ...]
    # When the figure was last checked, and whether an official source confirmed it then.
    last_checked: dt.date | None = None
    verified: bool = False


class SourceView(View, frozen=True):
    """A source the guide's facts come from, and how many catalog entries cite it."""

    id: str
    title: str
    url: str | None
    publisher: str | None
    note: str | None
    cited_by: int


class GuideDate(View, frozen=True):
    """Which guide the facts come from and when it was published."""

    title: str
    published: dt.date


class CertificationCard(View, frozen=True):
    """A certification as its page shows it: whether it can still be earned, and whom it suits.

    ``suits`` joins the careers the catalog maps it to with those whose break-in steps name it.
    """

    certification: CertificationView
    status: str
    retires: dt.date | None
    status_source: SourceRef | None
    suits: tuple[Ref, ...]
    last_checked: dt.date | None = None
    verified: bool = False


class ResourceSection(View, frozen=True):
    """The resources of one kind, under a heading people read; ``paused`` names those that
    are not active (on hiatus or closed: shown, and marked), ``checked`` those checked since
    the guide."""

    kind: str
    title: str
    resources: tuple[ResourceView, ...]
    paused: dict[str, str] = msgspec.field(default_factory=dict)
    # Resources checked since the guide was published: id -> the day.
    checked: dict[str, dt.date] = msgspec.field(default_factory=dict)


class SearchHit(View, frozen=True):
    """One entry that matches a search, with the page that shows it."""

    kind: str
    id: str
    name: str
    field: str
    snippet: str
    score: float
    url: str


class SearchGroup(View, frozen=True):
    """The hits of one kind of entry (careers, skills, resources...)."""

    kind: str
    title: str
    hits: tuple[SearchHit, ...]


class SearchView(View, frozen=True):
    """Search results grouped by kind; careers come first when any matched."""

    query: str
    groups: tuple[SearchGroup, ...]


class CareerFamily(View, frozen=True):
    """Careers that do similar work, for browsing them by kind of work."""

    id: str
    title: str
    blurb: str
    careers: tuple[CareerSummary, ...]
