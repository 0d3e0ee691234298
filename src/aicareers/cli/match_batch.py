"""``aicareers match RESUME --postings FILE``: every posting of a file ranked for one resume.

The resume is read once; each posting becomes one JSON line {row, title, career, fit,
missing_must, missing_must_hours, error}, best fit first and rows that could not be matched
last. With --output the lines go to a file (whole, or not at all) and the best few are shown
as a table; without it they go to standard output for other programs.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .batch import atomic_output
from .output import emit

if TYPE_CHECKING:
    from rich.progress import Progress

    from ..documents.match import MatchReport
    from ..service.assess import AssessInput

REFRESH_SECONDS = 0.2  # often enough to look alive, rarely enough to cost nothing


def _bar() -> Progress:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("Matching"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} postings/s"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        # Refreshed by hand below, as the other batch commands do, so no thread runs beside us.
        auto_refresh=False,
    )


def line_for(row: int, title: str, report: MatchReport | None, error: str | None) -> dict[str, Any]:
    """One posting's JSON line; a row that could not be matched keeps only its error."""
    if report is None:
        return {"row": row, "title": title or None, "career": None, "fit": None,
                "missing_must": None, "missing_must_hours": None, "error": error}  # fmt: skip
    return {
        "row": row, "title": report.posting.title, "career": report.posting.career,
        "fit": report.fit if report.measured else None, "missing_must": report.missing_must,
        "missing_must_hours": report.missing_must_hours, "error": None,
    }  # fmt: skip


def ranked(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Best fit first; ties in file order; rows that could not be matched last."""
    return sorted(lines, key=lambda d: (d["error"] is not None, -(d["fit"] or 0), d["row"]))


def rank_postings(
    person: AssessInput,
    postings: Path,
    output: Path | None,
    *,
    top: int,
    force: bool,
    input_format: str | None,
    title_col: str | None,
    text_col: str | None,
    limit: int | None,
) -> None:
    """Match, rank, write the lines, and show the best ``top`` when they went to a file."""
    from ..service.match_postings import match_file

    if output is not None:
        _check_output(output, force)
    started = time.monotonic()
    total, results = match_file(person, postings, input_format, title_col=title_col,
                                text_col=text_col, limit=limit)  # fmt: skip
    lines = []
    with _bar() as bar:
        task = bar.add_task("match", total=total, rate=0.0)
        last = 0.0
        for result in results:
            lines.append(line_for(*result))
            elapsed = time.monotonic() - started
            bar.update(task, advance=1, rate=len(lines) / elapsed if elapsed else 0.0)
            if elapsed - last >= REFRESH_SECONDS:
                last = elapsed
                bar.refresh()
    lines = ranked(lines)
    text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    failed = sum(line["error"] is not None for line in lines)
    seconds = time.monotonic() - started
    summary = f"Matched {len(lines) - failed} of {len(lines)} postings in {seconds:.1f} s"
    summary += f"; {failed} could not be matched (see their error)." if failed else "."
    if output is None:
        click.echo(text, nl=False)
        click.echo(summary, err=True)
        return
    with atomic_output(output, force) as handle:
        handle.write(text.encode())
    best = [line for line in lines if line["error"] is None][:top]
    if best:
        from .render_match import top_table

        emit(top_table(best, len(lines)))
    click.echo(f"{summary} Wrote {output}.", err=True)


def _check_output(output: Path, force: bool) -> None:
    """Fail before any work on a name that is taken or a folder that is not there."""
    from ..errors import UserInputError

    if output.exists() and not force:
        raise UserInputError(f"{output} already exists; pass --force to replace it.")
    if not output.parent.is_dir():
        raise UserInputError(f"The folder {output.parent} does not exist; create it first.")
