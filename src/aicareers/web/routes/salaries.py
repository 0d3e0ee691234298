"""The salaries page: the CLI's filters as a form, percentiles, the trend and inline charts.

A bad filter answers the form again with a message (422), never a 500. With one of the
guide's careers and ``place`` (or ``state``) it also shows that career's pay where the person
lives, the same section as on the career's own page.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ...errors import UserInputError
from ...service import market
from ...service.catalog import Navigator
from ...service.market import GROUP_NAMES, ChartSpec, GroupBy, SalaryFilters
from ..deps import NavigatorDep
from ..errors import page_message
from ..page_parts import Chart, chart_of, one_of, query_values, whole_number
from ..pay_parts import PaySection, pay_section, place_text
from ..templating import render

router = APIRouter()

LEVELS = {"EN": "Entry", "MI": "Mid", "SE": "Senior", "EX": "Executive"}
REMOTES = {"0": "On site", "50": "Hybrid", "100": "Fully remote"}
GROUPS = {"level": "Level", "country": "Country", "year": "Year", "remote": "Remote work"}
SALARY_FIELDS = ("career", "job_title", "level", "country", "remote", "year", "group_by")


def _salary_filters(
    form: dict[str, str], problems: list[str]
) -> tuple[SalaryFilters, GroupBy | None]:
    """The filters of the salary form; what cannot even be parsed goes to ``problems``."""
    remote = one_of(form["remote"], REMOTES, "remote work choice", problems)
    group = one_of(form["group_by"], GROUPS, "grouping", problems)
    filters = SalaryFilters(
        career=form["career"] or None, job_title=form["job_title"] or None,
        level=form["level"] or None, country=form["country"] or None,
        remote=int(remote) if remote else None,
        year=whole_number(form["year"], "The year", problems, top=9999),
        distinct_rows=form["distinct_rows"] == "1",
    )  # fmt: skip
    return filters, next((by for by in GROUP_NAMES if by == group), None)


@lru_cache(maxsize=128)
def salary_charts(
    nav: Navigator, filters: SalaryFilters, group_by: GroupBy | None
) -> tuple[Chart, ...]:
    """The charts of one salary question, drawn inline (the service chooses which)."""
    report = market.salaries(filters, group_by, nav.catalog)
    specs: list[ChartSpec] = market.charts_for(report, group_by, nav.catalog)
    return tuple(chart_of(spec) for spec in specs)


def _salary_choices(nav: Navigator) -> dict[str, Any]:
    """The lists the salary form offers: careers, reference roles, job titles, years."""
    found = market.salary_choices()
    return {
        "careers": {c.id: c.title for c in nav.catalog.careers},
        "references": found.references, "titles": found.titles, "years": list(found.years),
        "levels": LEVELS, "remotes": REMOTES, "groups": GROUPS,
    }  # fmt: skip


@router.get("/salaries", response_class=HTMLResponse)
def salaries(request: Request, nav: NavigatorDep) -> HTMLResponse:
    """Real pay from the salary data for the filters of the form, with the guide's range."""
    form = query_values(request, (*SALARY_FIELDS, "distinct_rows", "place", "state"))
    problems: list[str] = []
    filters, group_by = _salary_filters(form, problems)
    report, charts = None, tuple[Chart, ...]()
    if not problems:
        try:
            report = market.salaries(filters, group_by, nav.catalog)
            charts = salary_charts(nav, report.filters, group_by)
        except UserInputError as exc:
            problems.append(page_message(exc))
    choices = _salary_choices(nav)
    local = _local_pay(request, form, choices["careers"])
    context = {"form": form, "problems": problems, "report": report, "charts": charts,
               "message": report.message if report and report.message else None,
               "local": local, **choices}  # fmt: skip
    bad = problems or (local is not None and local.problem)
    return render(request, "salaries.html", context, status_code=422 if bad else 200)


def _local_pay(
    request: Request, form: dict[str, str], careers: dict[str, str]
) -> PaySection | None:
    """The career's pay where the person lives, when a place was asked for with a guide career
    (the ai-jobs reference roles have no place in the wage survey's career space)."""
    asked = "place" in request.query_params or "state" in request.query_params
    if not asked or form["career"] not in careers:
        return None
    return pay_section(form["career"], place_text(form), "/salaries", {"career": form["career"]})
