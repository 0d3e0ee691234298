"""``aicareers occupations``: O*NET occupations and which ones are alike in content.

The taxonomy, numpy and Rich load inside the commands, so registering this group costs the
other commands nothing.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from ..errors import UserInputError
from .output import emit, emit_json, format_option

if TYPE_CHECKING:
    from ..engine.occupations.similarity import OccupationSimilarity
    from ..taxonomy import Taxonomy

@click.group()
def occupations() -> None:
    """O*NET occupations and the occupations most alike in what the work is.

    Example: aicareers occupations similar 15-1252.00
    """


def _load() -> tuple[Taxonomy, OccupationSimilarity]:
    from ..build.similarity import load_similarity
    from ..taxonomy import Taxonomy

    taxonomy = Taxonomy.load()
    return taxonomy, load_similarity(taxonomy)


def _one(code: str, top: int, onet: bool, fmt: str) -> None:
    from ..service.occupations import similar_view

    taxonomy, similarity = _load()
    view = similar_view(taxonomy, similarity, code, top, onet)
    if fmt == "json":
        emit_json(view)
    elif fmt == "jsonl":
        click.echo(json.dumps(view, ensure_ascii=False))
    else:
        _table(view)


def _table(view: dict[str, Any]) -> None:
    from rich.table import Table

    onet = "related" in view
    table = Table(title=f"{view['code']} {view['title']}", caption=view["source"])
    table.add_column("#", justify="right")
    table.add_column("Code")
    table.add_column("Occupation")
    table.add_column("Tier" if onet else "Score", justify="left" if onet else "right")
    for rank, row in enumerate(view["related" if onet else "similar"], start=1):
        last = row["tier"] if onet else f"{row['score']:.2f}"
        table.add_row(str(rank), row["code"], row["title"], last)
    emit(table)


def _all(top: int, onet: bool, fmt: str) -> None:
    from ..service.occupations import onet_related

    taxonomy, similarity = _load()
    lines = []
    for code, pairs in similarity.all_top(top):
        if onet:
            related = [row["code"] for row in onet_related(taxonomy, code, top)]
            lines.append({"code": code, "related": related})
        else:
            lines.append({"code": code, "similar": [other for other, _ in pairs]})
    if fmt == "json":
        emit_json(lines)
        return
    click.echo("\n".join(json.dumps(line, ensure_ascii=False) for line in lines))


@occupations.command()
@click.argument("code", required=False)
@click.option("--all", "every", is_flag=True, help="Every occupation (jsonl: one per line).")
@click.option("--top", type=click.IntRange(1, 1015), default=10, show_default=True)
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
    from ..taxonomy import Taxonomy

    found = Taxonomy.load().occupations
    rows = [{"code": c, "title": t} for c, t in zip(found.codes, found.titles, strict=True)]
    if fmt == "json":
        emit_json(rows)
        return
    click.echo("\n".join(f"{row['code']}  {row['title']}" for row in rows))


def _attach_title_coding() -> None:
    from .title_code import code

    occupations.add_command(code)


_attach_title_coding()
