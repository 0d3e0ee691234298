"""``aicareers occupations``: O*NET occupations and which ones are alike in content.

The taxonomy, numpy and Rich load inside the commands, so registering this group costs the
other commands nothing.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click
import msgspec

from ..errors import UserInputError
from ..service.occupations import MAX_TOP
from .output import emit, emit_json, format_option

if TYPE_CHECKING:
    from ..documents.occupations import SimilarOccupations


@click.group()
def occupations() -> None:
    """O*NET occupations and the occupations most alike in what the work is.

    Example: aicareers occupations similar 15-1252.00
    """


def _one(code: str, top: int, onet: bool, fmt: str) -> None:
    from ..service.occupations import similar

    view = similar(code, top, onet)
    if fmt == "json":
        emit_json(view)
    elif fmt == "jsonl":
        click.echo(json.dumps(msgspec.to_builtins(view), ensure_ascii=False))
    else:
        _table(view)


def _table(view: SimilarOccupations) -> None:
    from rich.table import Table

    table = Table(title=f"{view.code} {view.title}", caption=view.source)
    table.add_column("#", justify="right")
    table.add_column("Code")
    table.add_column("Occupation")
    if view.related is not None:
        table.add_column("Tier", justify="left")
        for rank, row in enumerate(view.related, start=1):
            table.add_row(str(rank), row.code, row.title, row.tier)
    else:
        table.add_column("Score", justify="right")
        for rank, other in enumerate(view.similar or (), start=1):
            table.add_row(str(rank), other.code, other.title, f"{other.score:.2f}")
    emit(table)


def _all(top: int, onet: bool, fmt: str) -> None:
    from ..service.occupations import all_similar

    lines = all_similar(top, onet)
    if fmt == "json":
        emit_json(lines)
        return
    click.echo("\n".join(json.dumps(msgspec.to_builtins(line), ensure_ascii=False)
                         for line in lines))  # fmt: skip


@occupations.command()
@click.argument("code", required=False)
@click.option("--all", "every", is_flag=True, help="Every occupation (jsonl: one per line).")
@click.option("--top", type=click.IntRange(1, MAX_TOP), default=10, show_default=True)
@click.option("--onet-related", "onet", is_flag=True, help="Show O*NET's own list instead.")
@format_option("table", "json", "jsonl")
def similar(code: str | None, every: bool, top: int, onet: bool, fmt: str) -> None:
    """The occupations most alike in content to CODE (an O*NET-SOC code).

    Computed from tasks, work activities, skills, knowledge, technology, titles and text;
    O*NET's own Related Occupations never feed it (--onet-related shows that list, labelled).

    Example: aicareers occupations similar 15-1252.00 --top 10 --format json
    """
    if every == (code is not None):
        raise UserInputError("Give one occupation CODE, or --all (not both).")
    if every:
        if fmt == "table":
            raise UserInputError("--all prints one line per occupation: use --format jsonl.")
        _all(top, onet, fmt)
        return
    assert code is not None
    _one(code, top, onet, fmt)


@occupations.command(name="list")
@format_option("table", "json")
def list_(fmt: str) -> None:
    """Every O*NET occupation code with its title.

    Example: aicareers occupations list --format json
    """
    from ..service.occupations import occupations as listed

    rows = listed()
    if fmt == "json":
        emit_json(rows)
        return
    click.echo("\n".join(f"{row.code}  {row.title}" for row in rows))


def _attach_title_coding() -> None:
    from .title_code import code

    occupations.add_command(code)


_attach_title_coding()
