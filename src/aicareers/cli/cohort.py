"""``aicareers cohort report``: what a batch's results file says about the cohort."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import msgspec

from ..documents.cohort import CohortReport

FORMATS = ("md", "html", "json")
EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}
PROGRESS_FROM = 64 * 1_048_576  # bytes: smaller files are read before a bar would show


@click.group()
def cohort() -> None:
    """Reports on a whole cohort, from the results of `aicareers batch assess`.

    Example: aicareers cohort report results.jsonl --format html --out cohort.html
    """


@cohort.command()
@click.argument("results", type=click.Path(exists=True, path_type=Path))
@click.option("--by", metavar="COLUMN",
              help="Also report each group of rows by this column, kept in the results with "
              "`batch assess --keep COLUMN` (a site, a programme).")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="md (Markdown), html (one self-contained file with charts) or json. "
              "Default: from the --out extension, else md.")  # fmt: skip
@click.option("--include-text", is_flag=True,
              help="Include people's own words: quotes, the reasons for their first "
              "career and error messages. Left out by default; the report then holds "
              "counts only.")  # fmt: skip
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Write the report to FILE (replaced if it exists) instead of "
              "printing it.")  # fmt: skip
def report(
    results: Path, by: str | None, fmt: str | None, include_text: bool, out: Path | None
) -> None:
    """Report how the cohort in RESULTS spreads over the careers.

    RESULTS is the JSON Lines file `aicareers batch assess` writes (gzip-compressed or not),
    or the folder of Parquet parts it writes with `--out FOLDER`.
    The report counts the rows whose first career and top 3 are each career, how each
    career's scores spread, the skills missing most, the backgrounds found and why rows could
    not be assessed; lines that are not results are counted, not fatal.

    \b
    Examples:
      aicareers cohort report results.jsonl
      aicareers cohort report results.jsonl --by site --format html --out cohort.html
    """
    from ..service.cohort import CohortRequest, cohort_report

    layout = fmt or (EXTENSIONS.get(out.suffix.lower(), "md") if out else "md")
    if out is not None and not out.parent.is_dir():
        raise click.BadParameter(f"the folder {out.parent} does not exist.", param_hint="--out")
    request = CohortRequest(by=by.strip() if by else None, include_text=include_text)
    size = 0 if results.is_dir() else results.stat().st_size
    with _progress(size) as advance:
        document = cohort_report(results, request, advance)
    text = _render(document, layout)
    if out is None:
        click.echo(text, nl=False)
        return
    _write(out, text)
    click.echo(f"Wrote {out} ({document.results:,} results).", err=True)


def _render(document: CohortReport, layout: str) -> str:
    from ..service.cohort import cohort_html, cohort_markdown

    if layout == "json":
        return json.dumps(msgspec.to_builtins(document), indent=2, ensure_ascii=False) + "\n"
    return cohort_html(document) if layout == "html" else cohort_markdown(document)


@contextmanager
def _progress(size: int) -> Iterator[Callable[[int], None] | None]:
    """A bar over the file's bytes on a terminal, for files big enough to take a while."""
    if size < PROGRESS_FROM or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("Reading"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                   console=Console(stderr=True), transient=True)  # fmt: skip
    with bar:
        task = bar.add_task("read", total=size)
        yield lambda done: bar.update(task, completed=done)


def _write(out: Path, text: str) -> None:
    """Write beside ``out`` and rename, so a reader never sees half a report."""
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=out.parent, prefix=f".{out.name}.", suffix=".part",
        delete=False,
    ) as handle:  # fmt: skip
        handle.write(text)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(handle.name, 0o666 & ~umask)
    os.replace(handle.name, out)
