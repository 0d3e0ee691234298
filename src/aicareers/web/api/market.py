"""Real salaries from the ai-jobs.net data, with the CLI's filters (`aicareers salaries`)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from ..deps import NavigatorDep
from .common import documented, errors, json_response

router = APIRouter(tags=["salaries"])


def _report_schema() -> dict[int | str, dict[str, object]]:
    from ...service.market import SalaryReport

    return documented(SalaryReport, "Percentiles in USD a year, with sample sizes.")


@router.get(
    "/salaries", summary="Salary percentiles", responses={**_report_schema(), **errors(404, 422)}
)
def salaries(
    nav: NavigatorDep,
    career: Annotated[
        str | None, Query(description="A career id (or a reference role: data-scientist).")
    ] = None,
    job_title: Annotated[
        str | None, Query(description="One job title as the data spells it, any case.")
    ] = None,
    level: Annotated[str | None, Query(description="EN, MI, SE or EX.")] = None,
    country: Annotated[str | None, Query(description="ISO 3166 code or English name.")] = None,
    remote: Annotated[int | None, Query(description="0 (on site), 50 (hybrid) or 100.")] = None,
    year: Annotated[int | None, Query(description="One survey year.")] = None,
    group_by: Annotated[
        Literal["level", "country", "year", "remote"] | None,
        Query(description="Figures for each value of a field."),
    ] = None,
    distinct_rows: Annotated[bool, Query(description="Count identical rows once.")] = False,
) -> Response:
    """Percentiles of yearly pay in USD, the guide's range beside them, as `salaries --format json`.

    Figures from fewer than 10 salaries are withheld (`suppressed`: true, figures null).
    """
    from ...service.market import SalaryFilters, salaries

    filters = SalaryFilters(
        career=career, job_title=job_title, level=level, country=country, remote=remote,
        year=year, distinct_rows=distinct_rows,
    )  # fmt: skip
    return json_response(salaries(filters, group_by, nav.catalog))
