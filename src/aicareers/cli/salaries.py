"""``aicareers salaries``: real pay from the ai-jobs.net data, and ``hubs --from-data``.

This module is imported when the CLI starts (the ``salaries`` group lives here), so it imports
only click: numpy, pyarrow, the data and matplotlib load when a query actually runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .output import emit, emit_json, format_option
from .state import navigator

if TYPE_CHECKING:
    from ..market.report import SalaryReport

GROUP_BYS = ("level", "country", "year", "remote")
CHART_ROWS = 15  # a chart of all 97 countries would be unreadable


@click.group(invoke_without_command=True)
@click.option("--career", metavar="ID", help="A career id (or a reference role: data-scientist).")
@click.option("--job-title", metavar="TITLE", help="One job title as the data spells it, any case.")
@click.option("--level", metavar="EN|MI|SE|EX", help="Entry, mid, senior or executive level.")
@click.option("--country", metavar="ISO2", help="Where the employer is: US, GB, DE, IN, ...")
@click.option("--remote", type=int, metavar="0|50|100", help="On site, hybrid or fully remote.")
@click.option("--year", type=int, metavar="YYYY", help="One survey year (2020-2025).")
@click.option("--group-by", type=click.Choice(GROUP_BYS), help="Figures for each value of a field.")
@click.option(
    "--distinct-rows", is_flag=True, help="Count identical rows once (they are kept by default)."
)
@click.option(
    "--chart", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.svg|FILE.png",
    help="Also draw a chart: by year with --group-by year, else by the group (or level).",
)  # fmt: skip
@format_option("table", "json")
@click.pass_context
def salaries(
    ctx: click.Context,
    /,
    career: str | None,
    job_title: str | None,
    level: str | None,
    country: str | None,
    remote: int | None,
    year: int | None,
    group_by: str | None,
    distinct_rows: bool,
    chart: Path | None,
    fmt: str,
) -> None:
    """Pay across the AI careers: real salaries, percentiles and the guide's range.

    Without a subcommand: percentiles of yearly pay in USD from the ai-jobs.net salary data
    (CC0), for all rows or the ones the options select, with the guide's range beside them
    and the median by year. Figures from fewer than 10 salaries are withheld. --job-title
    takes one exact title ("data scientist"); `salaries bands` shows the guide's pay bands.

    Example: aicareers salaries --career mlops-engineer --group-by level
    """
    if ctx.invoked_subcommand is not None:
        return
    options = {
        "career": career, "job_title": job_title, "level": level, "country": country,
        "remote": remote, "year": year, "distinct_rows": distinct_rows,
    }  # fmt: skip
    report = run_query(options, group_by)
    if chart is not None:
        draw_chart(report, options, group_by, chart)
    if fmt == "json":
        emit_json(report)
        return
    from .render_market import salary_view

    emit(*salary_view(report))


def run_query(options: dict[str, Any], group_by: str | None) -> SalaryReport:
    """The report for the command's options."""
    from ..market.filters import SalaryFilters
    from ..market.groups import GROUP_BYS as CHOICES
    from ..market.report import salary_report

    by = next((choice for choice in CHOICES if choice == group_by), None)
    return salary_report(SalaryFilters(**options), by, catalog=navigator().catalog)


def draw_chart(
    report: SalaryReport, options: dict[str, Any], group_by: str | None, path: Path
) -> None:
    """Write the chart the options ask for; say where on stderr (stdout may be JSON)."""
    from ..charts import distribution_chart, trend_chart
    from ..charts.figure import chart_format

    chart_format(path)  # a bad name fails before any work
    who = report.role.name if report.role else "All jobs in the data"
    if group_by == "year":
        trend_chart(report.trend, f"{who}: median pay by year", path)
    else:
        groups = report.groups if group_by else run_query(options, "level").groups
        seed = report.seed_range
        band = (float(seed.min), float(seed.max)) if seed else None
        title = f"{who}: pay by {group_by or 'level'}"
        if len(groups) > CHART_ROWS:  # only --group-by country gets here: largest first
            groups, title = groups[:CHART_ROWS], f"{title} ({CHART_ROWS} with most salaries)"
        distribution_chart(groups, title, path, band)
    click.echo(f"Chart written to {path}", err=True)


def hubs_from_data(fmt: str) -> None:
    """Print the hubs-from-data view (``aicareers hubs --from-data``)."""
    from ..market.hubs import hubs_report

    report = hubs_report(catalog=navigator().catalog)
    if fmt == "json":
        emit_json(report)
        return
    from .render_market import hubs_view

    emit(*hubs_view(report))
