"""What the jobs pay: salary percentiles from the ai-jobs.net data, hubs, and which charts to draw.

``salaries`` answers one salary question; ``charts_for`` decides, in one place, which charts
show it (pay by the chosen group, or by level, at most ``CHART_ROWS`` rows; the median by
year); ``draw`` writes one as SVG or PNG. The CLI writes the first to a file, the web pages
inline them all. The data and matplotlib load only when a question is asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..market.filters import SalaryFilters
from ..market.groups import GROUP_BYS, GroupBy
from ..market.hubs import HubsReport, RemoteRow
from ..market.report import Group, SalaryReport, Source
from ..market.stats import Summary

# Importing this module loads numpy (the market package); the CLI imports it in commands only.

if TYPE_CHECKING:
    from ..knowledge.models import Catalog
    from ..market.report import TrendPoint

GROUP_NAMES: dict[GroupBy, str] = {
    "level": "level", "country": "country", "year": "year", "remote": "remote work",
}  # fmt: skip
CHART_ROWS = 15  # a chart of all 97 countries would be unreadable: the largest groups only
ChartKind = Literal["groups", "trend"]

__all__ = [
    "CHART_ROWS",
    "GROUP_BYS",
    "ChartSpec",
    "Group",
    "GroupBy",
    "HubsReport",
    "RemoteRow",
    "SalaryChoices",
    "SalaryFilters",
    "SalaryReport",
    "Source",
    "Summary",
    "career_market",
    "chart_format",
    "charts_for",
    "draw",
    "hubs",
    "salaries",
    "salary_choices",
]  # fmt: skip


@dataclass(frozen=True)
class ChartSpec:
    """One chart to draw: pay by group (boxes, the guide's range shaded) or the median by year."""

    kind: ChartKind
    title: str
    groups: tuple[Group, ...] = ()
    band: tuple[float, float] | None = None
    trend: tuple[TrendPoint, ...] = ()


def salaries(
    filters: SalaryFilters, group_by: GroupBy | None = None, catalog: Catalog | None = None
) -> SalaryReport:
    """Percentiles of yearly pay for the rows ``filters`` select, grouped if asked."""
    from ..market.report import salary_report

    return salary_report(filters, group_by, catalog=catalog)


def hubs(catalog: Catalog | None = None) -> HubsReport:
    """The guide's hubs beside the salary data: counts, medians and remote share by country."""
    from ..market.hubs import hubs_report

    return hubs_report(catalog=catalog)


def charts_for(
    report: SalaryReport, group_by: GroupBy | None, catalog: Catalog | None = None
) -> list[ChartSpec]:
    """The charts that show ``report``: pay by its group (or by level), and the yearly trend."""
    role = report.role
    who = role.name if role else "All jobs in the salary data"
    found = []
    if group_by != "year":
        by: GroupBy = group_by or "level"
        groups = report.groups if group_by else salaries(report.filters, by, catalog).groups
        title = f"{who}: yearly pay by {GROUP_NAMES[by]}"
        if len(groups) > CHART_ROWS:  # groups come largest first
            groups, title = groups[:CHART_ROWS], f"{title} ({CHART_ROWS} with most salaries)"
        seed = report.seed_range
        band = (float(seed.min), float(seed.max)) if seed else None
        if any(not g.suppressed for g in groups):
            found.append(ChartSpec("groups", title, tuple(groups), band))
    if any(p.p50 is not None for p in report.trend):
        found.append(ChartSpec("trend", f"{who}: median yearly pay by year",
                               trend=tuple(report.trend)))  # fmt: skip
    return found


def draw(spec: ChartSpec, path: Path) -> None:
    """Write ``spec`` to ``path`` (``.svg`` or ``.png``)."""
    from ..charts import distribution_chart, trend_chart

    if spec.kind == "trend":
        trend_chart(list(spec.trend), spec.title, path)
    else:
        distribution_chart(list(spec.groups), spec.title, path, spec.band)


def chart_format(path: Path) -> str:
    """The chart format a file name asks for; a name we cannot draw is refused before any work."""
    from ..charts.figure import chart_format as check

    return check(path)


def career_market(career_id: str, catalog: Catalog | None = None) -> SalaryReport | None:
    """One career's salaries by level, or None when the salary data is not installed."""
    from ..errors import AicareersError

    try:
        return salaries(SalaryFilters(career=career_id), "level", catalog)
    except AicareersError:  # the data is missing: pages show the guide's range only
        return None


@dataclass(frozen=True)
class SalaryChoices:
    """What a salary form offers: the data's job titles, reference roles and years."""

    titles: tuple[str, ...]
    references: dict[str, str]  # reference role id -> name
    years: tuple[int, ...]  # newest first


def salary_choices() -> SalaryChoices:
    """The values the salary data holds, for a form's lists."""
    from ..market.dataset import load_salaries
    from ..market.titles import load_title_map

    data = load_salaries()
    first, last = data.years()
    return SalaryChoices(
        titles=tuple(data.titles),
        references=dict(load_title_map().reference_names),
        years=tuple(range(last, first - 1, -1)),
    )
