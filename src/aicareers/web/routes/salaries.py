"""The salaries page: the CLI's filters as a form, percentiles, the trend and inline charts.

A bad filter answers the form again with a message (422), never a 500.
"""

from __future__ import annotations

from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ...errors import UserInputError
from ...service.catalog import Navigator
from ..deps import NavigatorDep
from ..templating import render

if TYPE_CHECKING:
    from ...market.filters import SalaryFilters
    from ...market.groups import GroupBy
from ..page_parts import (
    BOXES,
    CHART_ROWS,
    Chart,
    inline_svg,
    one_of,
    query_values,
    web_words,
    whole_number,
)

router = APIRouter()

LEVELS = {"EN": "Entry", "MI": "Mid", "SE": "Senior", "EX": "Executive"}
REMOTES = {"0": "On site", "50": "Hybrid", "100": "Fully remote"}
GROUPS = {"level": "Level", "country": "Country", "year": "Year", "remote": "Remote work"}
SALARY_FIELDS = ("career", "job_title", "level", "country", "remote", "year", "group_by")
TREND = "The median of each year's salaries, with how many salaries it stands on (n)."


def _salary_filters(
    form: dict[str, str], problems: list[str]
) -> tuple[SalaryFilters, GroupBy | None]:
    """The filters of the salary form; what cannot even be parsed goes to ``problems``."""
    from ...market import SalaryFilters
    from ...market.groups import GROUP_BYS

    remote = one_of(form["remote"], REMOTES, "remote work choice", problems)
    group = one_of(form["group_by"], GROUPS, "grouping", problems)
    filters = SalaryFilters(
        career=form["career"] or None, job_title=form["job_title"] or None,
        level=form["level"] or None, country=form["country"] or None,
        remote=int(remote) if remote else None,
        year=whole_number(form["year"], "The year", problems, top=9999),
        distinct_rows=form["distinct_rows"] == "1",
    )  # fmt: skip
    return filters, next((by for by in GROUP_BYS if by == group), None)


@lru_cache(maxsize=128)
def salary_charts(
    nav: Navigator, filters: SalaryFilters, group_by: GroupBy | None
) -> tuple[Chart, ...]:
    """The charts of one salary question: pay by group (or level), and the median by year."""
    from ...charts import distribution_chart, trend_chart
    from ...market import salary_report

    report = salary_report(filters, group_by, catalog=nav.catalog)
    who = report.role.name if report.role else "All jobs in the salary data"
    charts = []
    if group_by != "year":
        by: GroupBy = group_by or "level"
        groups = report.groups if group_by else salary_report(
            filters, by, catalog=nav.catalog).groups  # fmt: skip
        title = f"{who}: yearly pay by {GROUPS[by].lower()}"
        if len(groups) > CHART_ROWS:
            groups, title = groups[:CHART_ROWS], f"{title} ({CHART_ROWS} with most salaries)"
        seed = report.seed_range
        band = (float(seed.min), float(seed.max)) if seed else None
        if any(not g.suppressed for g in groups):

            def boxes(path: Path) -> object:
                return distribution_chart(groups, title, path, band)

            charts.append(inline_svg(boxes, title, "groups", BOXES))
    if any(p.p50 is not None for p in report.trend):
        years = f"{who}: median yearly pay by year"
        draw = partial(trend_chart, report.trend, years)
        charts.append(inline_svg(draw, years, "trend", TREND))
    return tuple(charts)


def _salary_choices(nav: Navigator) -> dict[str, Any]:
    """The lists the salary form offers: careers, reference roles, job titles, years."""
    from ...market.dataset import load_salaries
    from ...market.titles import load_title_map

    data = load_salaries()
    first, last = data.years()
    return {
        "careers": {c.id: c.title for c in nav.catalog.careers},
        "references": load_title_map().reference_names,
        "titles": data.titles, "years": list(range(last, first - 1, -1)),
        "levels": LEVELS, "remotes": REMOTES, "groups": GROUPS,
    }  # fmt: skip


@router.get("/salaries", response_class=HTMLResponse)
def salaries(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """Real pay from the salary data for the filters of the form, with the guide's range."""
    from ...market import salary_report

    form = query_values(request, (*SALARY_FIELDS, "distinct_rows"))
    problems: list[str] = []
    filters, group_by = _salary_filters(form, problems)
    report, charts = None, tuple[Chart, ...]()
    if not problems:
        try:
            report = salary_report(filters, group_by, catalog=nav.catalog)
            charts = salary_charts(nav, report.filters, group_by)
        except UserInputError as exc:
            problems.append(web_words(str(exc)))
    context = {"form": form, "problems": problems, "report": report, "charts": charts,
               "message": web_words(report.message) if report and report.message else None,
               **_salary_choices(nav)}  # fmt: skip
    return render(request, "salaries.html", context, status_code=422 if problems else 200)
