"""``aicareers assessments``: the assessments kept with ``assess --save``."""

from __future__ import annotations

import click

from .output import emit, emit_json, format_option


@click.group()
@click.option("--database", envvar="AICAREERS_DATABASE_URL", metavar="URL",
              help="Where they are kept (see `aicareers plan --help`).")  # fmt: skip
@click.pass_context
def assessments(ctx: click.Context, database: str | None) -> None:
    """The assessments you saved, to look at again or to plan from.

    Example: aicareers assessments list
    """
    ctx.obj = database


@assessments.command("list")
@format_option("table", "json")
@click.pass_obj
def list_assessments(database: str | None, fmt: str) -> None:
    """Saved assessments, oldest first, with the best-fitting career of each.

    Example: aicareers assessments list --format json
    """
    from ..service.assess import saved_assessments
    from ..service.store import open_store

    with open_store(database) as store:
        rows = saved_assessments(store, store.local_user())
    if fmt == "json":
        emit_json(rows)
        return
    from .render_plan import assessments_table

    emit(assessments_table(rows))


@assessments.command()
@click.argument("assessment_id", metavar="ID", type=int)
@click.option("--top", type=click.IntRange(min=1, max=20), default=20, show_default=True,
              help="How many careers to show.")  # fmt: skip
@format_option("table", "json", "markdown")
@click.pass_obj
def show(database: str | None, assessment_id: int, top: int, fmt: str) -> None:
    """One saved assessment, as `aicareers assess` printed it.

    Example: aicareers assessments show 1 --top 5
    """
    import msgspec

    from ..service.assess import saved_assessment
    from ..service.store import open_store

    with open_store(database) as store:
        report = saved_assessment(store, store.local_user(), assessment_id)
    report = msgspec.structs.replace(report, careers=report.careers[:top])
    if fmt == "json":
        emit_json(report)
        return
    from .render_assess import assessment_markdown, assessment_renderables

    if fmt == "markdown":
        click.echo(assessment_markdown(report, 3))
        return
    emit(*assessment_renderables(report, 3))
