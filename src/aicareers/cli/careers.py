"""``aicareers careers``: list, show and compare the careers."""

from __future__ import annotations

import click

from ..service.catalog import CAREER_SORTS
from .output import emit, emit_json, format_option, guide_facts
from .state import navigator


@click.group()
def careers() -> None:
    """List, show and compare the AI careers of 2026.

    Example: aicareers careers list --sort salary
    """


@careers.command("list")
@click.option(
    "--sort",
    type=click.Choice(CAREER_SORTS),
    default="rank",
    show_default=True,
    help="rank: the guide's order; title: A to Z; salary: highest midpoint first.",
)
@click.option("--min-pay", type=click.IntRange(min=0), metavar="USD",
              help="Only careers whose pay range starts at this or more.")  # fmt: skip
@click.option("--skill", metavar="ID", help="Only careers with this key skill (see `skills`).")
@click.option("--background", metavar="ID",
              help="Only careers that suit this background (see `steps`).")  # fmt: skip
@format_option("table", "json")
@guide_facts
def list_careers(
    sort: str, min_pay: int | None, skill: str | None, background: str | None, fmt: str
) -> None:
    """List the careers with their pay range and key skills.

    Example: aicareers careers list --sort salary --min-pay 150000
    """
    from ..service.catalog import CareerFilter

    where = CareerFilter(min_pay=min_pay, skill=skill, background=background)
    rows = navigator().careers(sort, where)
    if fmt == "json":
        emit_json(rows)
        return
    from .plain_table import careers_text

    click.echo(careers_text(rows, "More about one career: aicareers careers show ID"))


@careers.command("show")
@click.argument("career_id", metavar="ID")
@format_option("text", "json")
@guide_facts
def show(career_id: str, fmt: str) -> None:
    """Show everything about one career: duties, pay, skills and how to break in.

    Example: aicareers careers show mlops-engineer
    """
    page = navigator().career(career_id)
    if fmt == "json":
        emit_json(page)
        return
    from ..service.pay import career_pay
    from .render_careers import career_page

    emit(career_page(page, career_pay(page.id, None, navigator().catalog)))


@careers.command("compare")
@click.argument("career_ids", metavar="ID ID [ID]...", nargs=-1, required=True)
@format_option("table", "json")
@guide_facts
def compare(career_ids: tuple[str, ...], fmt: str) -> None:
    """Compare two or more careers side by side.

    Example: aicareers careers compare prompt-engineer mlops-engineer
    """
    comparison = navigator().compare(career_ids)
    if fmt == "json":
        emit_json(comparison)
        return
    from .render_careers import comparison_table

    emit(*comparison_table(comparison))
