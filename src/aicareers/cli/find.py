"""``aicareers search`` and ``aicareers catalog``: find anything, or take everything."""

from __future__ import annotations

import click

from .output import emit, emit_json, format_option
from .state import navigator


@click.command()
@click.argument("text", nargs=-1, required=True)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    metavar="N",
    help="Show at most N hits.",
)
@format_option("table", "json")
def search(text: tuple[str, ...], limit: int, fmt: str) -> None:
    """Search everything in the catalog.

    Careers, skills, certifications, resources, tools, employers, hubs and steps are ranked
    together; each hit says which field matched.

    Example: aicareers search "prompt design"
    """
    query = " ".join(text)
    hits = navigator().search(query, limit=limit)
    if fmt == "json":
        emit_json(hits)
        return
    from .render_reference import search_table

    emit(search_table(hits, query))


@click.command()
@format_option("json")
def catalog(fmt: str) -> None:
    """Print the whole catalog as JSON, for other programs.

    Example: aicareers catalog --format json > catalog.json
    """
    emit_json(navigator().catalog)
