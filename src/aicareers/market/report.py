"""A salary question answered: figures, groups, trend and the guide's range beside them.

``salary_report`` is what the CLI (and later the web app) calls; its result serialises to the
JSON contract of issue 5: ``{"filters", "n", "p10", ..., "mean", "suppressed", "seed_range",
"groups", ...}``.
"""

from __future__ import annotations

from typing import Any

import msgspec

from ..knowledge.models import Catalog
from ..knowledge.wording import with_article
from .dataset import SalaryData, load_salaries
from .filters import SalaryFilters, check_filters, select
from .groups import GroupBy, group_key, group_label, split_selection
from .stats import MIN_N, Summary, median_or_none, summarize
from .titles import TitleMap, load_title_map


class Group(Summary, frozen=True, kw_only=True):
    """One group's summary: ``key`` is EN, US, 2024 or 100 and ``label`` says it in words."""

    key: str
    label: str


class TrendPoint(msgspec.Struct, frozen=True):
    """Rows and median pay in one year (median None below the suppression threshold)."""

    year: int
    n: int
    p50: float | None
    suppressed: bool


class SeedRange(msgspec.Struct, frozen=True):
    """The guide's pay range for a career (careers.yaml), to set beside the data."""

    min: int
    max: int
    currency: str
    period: str
    open_ended: bool
    sources: tuple[str, ...]


class Role(msgspec.Struct, frozen=True):
    """What the rows stand for: a career, a reference role, ``other`` or one job title."""

    id: str
    name: str
    kind: str  # career | reference | other | job-title
    titles: tuple[str, ...]
    maps_to: str | None = None  # for a job title: the career or reference role it maps to


class Source(msgspec.Struct, frozen=True):
    """Where the data comes from and how it was prepared."""

    name: str
    url: str
    license: str
    rows: int
    duplicate_rows: int
    duplicates: str  # "kept" or "dropped" in this answer
    country_column: str = "company_location"
    currency: str = "USD (salary_in_usd), yearly, before tax"


class SalaryReport(Summary, frozen=True, kw_only=True):
    """The answer to one salary question, in the issue's JSON contract plus context: the
    figures of every selected salary (``Summary``), then what was asked and the breakdowns."""

    filters: SalaryFilters
    seed_range: SeedRange | None
    groups: tuple[Group, ...]
    group_by: GroupBy | None
    trend: tuple[TrendPoint, ...]
    role: Role | None
    message: str | None
    min_n: int
    source: Source


def career_names(catalog: Catalog) -> dict[str, str]:
    """Career id -> title, in the guide's order."""
    return {c.id: c.title for c in catalog.careers}


def seed_range(catalog: Catalog, career: str | None) -> SeedRange | None:
    """The guide's pay range of a career (None for reference roles, titles or no career)."""
    for entry in catalog.careers:
        if entry.id == career:
            pay = entry.salary
            return SeedRange(
                pay.min, pay.max, pay.currency, pay.period, pay.open_ended, pay.sources
            )
    return None


def describe_role(
    filters: SalaryFilters, title_map: TitleMap, names: dict[str, str]
) -> Role | None:
    """The career, reference role or job title the rows stand for."""
    if filters.job_title is not None:
        title = filters.job_title
        return Role(title, title, "job-title", (title,), title_map.role_of(title) or "other")
    if filters.career is None:
        return None
    role = filters.career
    kind = title_map.kind(role)
    name = names.get(role) or title_map.reference_names.get(role) or "Other job titles"
    return Role(role, name, kind, title_map.titles_of(role))


def _group(data: SalaryData, by: GroupBy, code: int, summary: Summary) -> Group:
    key = group_key(data, by, code)
    return Group(key=key, label=group_label(by, key), **msgspec.structs.asdict(summary))


def groups_of(data: SalaryData, mask: Any, by: GroupBy) -> tuple[Group, ...]:
    """A summary per value of ``by`` among the selected rows; countries by size, largest first."""
    parts = split_selection(data, mask, by)
    found = [_group(data, by, code, summarize(values)) for code, values in parts]
    if by == "country":
        found.sort(key=lambda g: (-g.n, g.key))
    return tuple(found)


def trend_of(data: SalaryData, mask: Any) -> tuple[TrendPoint, ...]:
    """Rows and median pay per year among the selected rows."""
    points = []
    for year, values in split_selection(data, mask, "year"):
        median = median_or_none(values)
        points.append(TrendPoint(year, len(values), median, suppressed=median is None))
    return tuple(points)


def explain(summary: Summary, role: Role | None) -> str | None:
    """Why figures are missing, in words a career changer can act on (None when shown)."""
    if not summary.suppressed:
        return None
    if role is not None and role.kind == "career" and not role.titles:
        return (
            f"No job title in the salary data names the work of {with_article(role.name)}, "
            "so the guide's range is the only figure."
        )
    return (
        f"Only {summary.n} salaries match these filters; figures from fewer than {MIN_N} are "
        "withheld because a handful of people is no guide to a job. Drop a filter "
        "(level, country, remote work or year) to see more."
    )


def source_of(data: SalaryData, filters: SalaryFilters) -> Source:
    """The data's origin (from its build manifest) and how this answer treats duplicates."""
    manifest = data.manifest
    info = manifest["source"]
    return Source(
        name=info["name"],
        url=info["url"],
        license=info["license"],
        rows=manifest["rows"],
        duplicate_rows=manifest["duplicate_rows"],
        duplicates="dropped" if filters.distinct_rows else "kept",
    )


def market_inputs(
    catalog: Catalog | None, data: SalaryData | None, title_map: TitleMap | None
) -> tuple[Catalog, SalaryData, TitleMap]:
    """The catalog, salary data and title map a report reads, the shipped ones where not given."""
    if catalog is None:
        from ..knowledge import default_catalog

        catalog = default_catalog()
    return (
        catalog,
        data if data is not None else load_salaries(),
        title_map or load_title_map(),
    )


def salary_report(
    filters: SalaryFilters,
    group_by: GroupBy | None = None,
    *,
    catalog: Catalog | None = None,
    data: SalaryData | None = None,
    title_map: TitleMap | None = None,
) -> SalaryReport:
    """Answer one salary question; bad filters raise ``FilterError`` or ``UnknownIdError``."""
    catalog, data, title_map = market_inputs(catalog, data, title_map)
    names = career_names(catalog)
    filters = check_filters(filters, data, title_map, names)
    mask = select(data, filters, title_map)
    summary = summarize(data.pay[mask])
    role = describe_role(filters, title_map, names)
    return SalaryReport(
        filters=filters,
        **msgspec.structs.asdict(summary),
        seed_range=seed_range(catalog, filters.career),
        groups=groups_of(data, mask, group_by) if group_by else (),
        group_by=group_by,
        trend=trend_of(data, select(data, filters, title_map, skip_year=True)),
        role=role,
        message=explain(summary, role),
        min_n=MIN_N,
        source=source_of(data, filters),
    )
