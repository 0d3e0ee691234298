"""``aicareers occupations code``: a job title as written -> the O*NET-SOC occupations it names."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from .output import emit, emit_json, format_option

if TYPE_CHECKING:
    from ..engine.occupations.titles import TitleCoder


def _coder() -> TitleCoder:
    """The title coder; the encoder joins only when the taxonomy ships occupation vectors."""
    from ..engine.occupations.titles import TitleCoder
    from ..errors import ModelNotBuiltError
    from ..taxonomy import Taxonomy

    tax = Taxonomy.load()
    encoder: Any = None
    if tax.has_vectors:  # otherwise the fallback would first spend seconds encoding titles
        try:
            from ..semantic import Encoder

            encoder = Encoder.load()
        except (ImportError, ModelNotBuiltError):
            encoder = None
    return TitleCoder.from_taxonomy(tax, encoder)


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
    coder = _coder()
    matches = coder.code(title, top=top)
    normalised = coder.normalise(title)
    if fmt == "json":
        emit_json(
            {
                "title": title,
                "normalised": normalised,
                "occupations": [
                    {"code": m.code, "title": m.title, "confidence": m.confidence} for m in matches
                ],
            }
        )
        return
    from rich.table import Table

    table = Table(title=f"{title}  (read as: {normalised})", title_justify="left")
    table.add_column("O*NET-SOC")
    table.add_column("Occupation")
    table.add_column("Confidence", justify="right")
    for match in matches:
        table.add_row(match.code, match.title, f"{match.confidence:.2f}")
    if not matches:
        table.caption = "No occupation matches this title; try the plain job name."
    emit(table)
