"""``aicareers occupations code``: a job title as written -> the O*NET-SOC occupations it names."""

from __future__ import annotations

import click

from .output import emit, emit_json, format_option


@click.command()
@click.argument("title")
@click.option(
    "--top",
    type=click.IntRange(min=1, max=50),
    default=5,
    show_default=True,
    metavar="N",
    help="Show the N most likely occupations.",
)
@format_option("table", "json")
def code(title: str, top: int, fmt: str) -> None:
    """Code a job title to O*NET-SOC occupations, with confidence.

    Copes with abbreviations (RN, SWE, PM), seniority and level words (Sr., II), shift and
    contract noise (nights, PRN, remote), company tails (@ Google) and typos. Confidences are
    shares of certainty: they sum to at most 1, and low values mean the title is unclear.

    Example: aicareers occupations code "Sr. RN - ICU nights" --format json
    """
    from ..service.occupations import code_title

    coded = code_title(title, top)
    if fmt == "json":
        emit_json(coded)
        return
    from rich.table import Table

    matches = coded.occupations
    table = Table(title=f"{title}  (read as: {coded.normalised})", title_justify="left")
    table.add_column("O*NET-SOC")
    table.add_column("Occupation")
    table.add_column("Confidence", justify="right")
    for match in matches:
        table.add_row(match.code, match.title, f"{match.confidence:.2f}")
    if not matches:
        table.caption = "No occupation matches this title; try the plain job name."
    emit(table)
