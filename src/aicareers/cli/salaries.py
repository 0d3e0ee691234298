"""``aicareers salaries``: real pay from the ai-jobs.net data, local pay, ``hubs --from-data``.

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
    from ..service.market import SalaryReport

# The same choices as service.market.GROUP_BYS; spelled out so that starting the CLI does not
# import the market package (a test checks the two agree).
GROUP_BYS = ("level", "country", "year", "remote")


@click.group(invoke_without_command=True)
@click.option("--career", metavar="ID", help="A career id (or a reference role: data-scientist).")
@click.option("--state", metavar="XX", help="One career's pay in a U.S. state: TX or Texas.")
@click.option(
    "--place", metavar="PLACE", help='Pay where you live: "Columbus, OH", "Texas", "Germany".'
)
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
    state: str | None,
    place: str | None,
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

    With --state or --place (and --career): the career's pay there from three sources side by
    side (the guide, the salary data, and the U.S. wage survey for the occupations the role
    grows from), with searches on the job boards.

    Example: aicareers salaries --career mlops-engineer --group-by level

    Example: aicareers salaries --career mlops-engineer --state TX
    """
    if ctx.invoked_subcommand is not None:
        return
    if state is not None or place is not None:
        others = {
            "job-title": job_title, "level": level, "country": country, "remote": remote,
            "year": year, "group-by": group_by, "distinct-rows": distinct_rows or None,
        }  # fmt: skip
        local_pay(career, state, place, [f"--{k}" for k, v in others.items() if v is not None],
                  fmt, chart)  # fmt: skip
        return
    options = {
        "career": career, "job_title": job_title, "level": level, "country": country,
        "remote": remote, "year": year, "distinct_rows": distinct_rows,
    }  # fmt: skip
    report = run_query(options, group_by)
    if chart is not None:
        draw_chart(report, group_by, chart)
    if fmt == "json":
        emit_json(report)
        return
    from .render_market import salary_view

    emit(*salary_view(report))


def run_query(options: dict[str, Any], group_by: str | None) -> SalaryReport:
    """The report for the command's options."""
    from ..service.market import GROUP_BYS as CHOICES
    from ..service.market import SalaryFilters, salaries

    by = next((choice for choice in CHOICES if choice == group_by), None)
    return salaries(SalaryFilters(**options), by, navigator().catalog)


def draw_chart(report: SalaryReport, group_by: str | None, path: Path) -> None:
    """Write the first chart of the report (pay by group or level; by year with --group-by
    year); say where on stderr (stdout may be JSON)."""
    from ..service.market import GROUP_BYS as CHOICES
    from ..service.market import chart_format, charts_for, draw

    chart_format(path)  # a bad name fails before any work
    by = next((choice for choice in CHOICES if choice == group_by), None)
    found = charts_for(report, by, navigator().catalog)
    if not found:  # the table says why (fewer than 10 salaries); stdout may be JSON
        click.echo(f"No chart written to {path}: every figure is withheld.", err=True)
        return
    draw(found[0], path)
    click.echo(f"Chart written to {path}", err=True)


def state_code(text: str) -> str:
    """The postal code of a state typed as a code or a name, any case."""
    from ..errors import UserInputError
    from ..service.pay import state_choices

    wanted = text.strip().casefold()
    for code, name in state_choices().items():
        if wanted in (code.casefold(), name.casefold()):
            return code
    raise UserInputError(
        f"'{text.strip()}' is not a U.S. state. Give its two-letter code (TX) or its name "
        "(Texas); for a city or another country, use --place instead."
    )


def local_pay(
    career: str | None,
    state: str | None,
    place: str | None,
    others: list[str],
    fmt: str,
    chart: Path | None = None,
) -> None:
    """Print one career's pay in a state or place (``salaries --career ID --state XX``)."""
    from ..errors import Hint, UserInputError
    from ..service.pay import career_pay

    if others:
        raise UserInputError(
            f"--state and --place show one career's pay in one place, so they do not go with "
            f"{', '.join(others)}. Leave those out, or leave out --state/--place to filter "
            "the salary data."
        )
    if state is not None and place is not None:
        raise UserInputError("Give --state or --place, not both.")
    if career is None:
        raise UserInputError(
            "Pay in a place is shown for one career: add --career ID.",
            hint=Hint("see every career id", command="aicareers careers list"),
        )
    if chart is not None and chart.suffix.lower() != ".svg":
        raise UserInputError(
            f"The pay-ranges chart is drawn as SVG only; name the file like pay.svg, not "
            f"{chart.name}."
        )
    where = state_code(state) if state is not None else place
    pay = career_pay(career, where, navigator().catalog)
    if chart is not None:
        from ..service.pay import pay_chart_svg

        chart.write_text(pay_chart_svg(pay), encoding="utf-8")
        click.echo(f"Chart of the three sources written to {chart}", err=True)
    if fmt == "json":
        emit_json(pay)
        return
    from .render_pay import links_text, local_pay_view

    emit(*local_pay_view(pay))
    # Plain lines, not Rich: a URL wrapped at the terminal's width could not be copied whole.
    click.echo()
    click.echo(links_text(pay))


def hubs_from_data(fmt: str, career: str | None = None) -> None:
    """Print the hubs-from-data view (``aicareers hubs --from-data``); with a career, its
    states by jobs in the occupations it grows from come first."""
    from ..service.market import hubs

    catalog = navigator().catalog
    local = None
    if career is not None:
        from ..service.pay import career_pay, states_by_demand

        # Asked first so that an unknown id fails before the slower salary report is built;
        # the career's pay also names the survey's release for the note under the table.
        local = career_pay(career, None, catalog), states_by_demand(career, catalog)
    report = hubs(catalog)
    if fmt == "json":
        if local is None:
            emit_json(report)
        else:
            import msgspec

            emit_json(
                {**msgspec.to_builtins(report), "career": local[0].career, "states": local[1]}
            )
        return
    from .render_market import hubs_view

    if local is None:
        emit(*hubs_view(report))
        return
    from .render_pay import states_view

    emit(*states_view(*local), *hubs_view(report))
