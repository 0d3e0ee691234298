"""Real salaries from the ai-jobs.net data, with the CLI's filters (`aicareers salaries`)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from ..deps import NavigatorDep
from .common import ApiRoute, documented, errors, json_response

router = APIRouter(tags=["salaries"], route_class=ApiRoute)

# The salary data's levels and remote ratios (``market``, which adapters do not import; a
# test keeps them equal).
LEVELS = ("EN", "MI", "SE", "EX")
REMOTE = [0, 50, 100]


def _report_schema() -> dict[int | str, dict[str, object]]:
    from ...service.market import SalaryReport

    return documented(SalaryReport, "Percentiles in USD a year, with sample sizes.")


@router.get(
    "/salaries", summary="Salary percentiles", responses={**_report_schema(), **errors(404, 422)}
)
def salaries(
    nav: NavigatorDep,
    career: Annotated[
        str | None,
        Query(description="A career id (or a reference role: data-scientist); not with job_title."),
    ] = None,
    job_title: Annotated[
        str | None,
        Query(description="One job title as the data spells it, any case; not with career."),
    ] = None,
    # Enums in the schema only: the service's own checks (any case, its messages) still answer.
    level: Annotated[
        str | None,
        Query(description="EN, MI, SE or EX.", json_schema_extra={"enum": list(LEVELS)}),
    ] = None,
    country: Annotated[str | None, Query(description="ISO 3166 code or English name.")] = None,
    remote: Annotated[
        int | None,
        Query(description="0 (on site), 50 (hybrid) or 100.", json_schema_extra={"enum": REMOTE}),
    ] = None,
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
