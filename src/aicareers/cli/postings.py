"""``aicareers postings analyze``: careers, skills and pay in a file of job postings.

``make_group(factory)`` builds the group around an engine factory, so tests can pass the
catalog-only engine; ``postings`` is the group the ``aicareers`` command registers.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import click

from ..errors import AicareersError, UserInputError
from ..service.postings import (
    EngineFactory,
    Malformed,
    PostingsRequest,
    Progress,
    Sink,
    analyze_file,
    markdown,
    open_sink,
    output_format,
    skills_chart,
    terminal,
)
from .batch import atomic_output
from .errors import show_error
from .options import (
    chosen_engine,
    engine_options,
    input_format_option,
    limit_option,
    workers_option,
)
from .output import emit_json, format_option

if TYPE_CHECKING:
    from rich.progress import Progress as Bar

REFRESH_SECONDS = 0.25


class Targets(NamedTuple):
    """The files to write: per-posting results, the report and the chart (each optional)."""

    out: Path | None
    report: Path | None
    chart: Path | None
    force: bool

    def check(self) -> str | None:
        """Fail before any work on a name that is taken or unusable; the --out format."""
        named = {"--out": self.out, "--report": self.report, "--chart": self.chart}
        given = [p for p in named.values() if p is not None]
        if len({p.resolve() for p in given}) < len(given):
            raise UserInputError("--out, --report and --chart must name different files.")
        fmt = output_format(self.out) if self.out is not None else None
        for option, path in named.items():
            if path is not None and path.exists() and not self.force:
                raise UserInputError(
                    f"{path} already exists ({option}); pass --force to replace it."
                )
            if path is not None and not path.parent.is_dir():
                raise UserInputError(f"The folder {path.parent} does not exist ({option}).")
        if self.chart is not None:
            from ..service.market import chart_format

            chart_format(self.chart)
        return fmt


def _bar() -> Bar:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("Analysing postings"),
        BarColumn(),
        TextColumn("{task.completed:,} rows"),
        TextColumn("{task.fields[rate]:,.0f} rows/s"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        auto_refresh=False,  # no refresh thread: worker processes are forked
    )


@contextmanager
def _reporting(
    total: int | None,
) -> Iterator[tuple[Callable[[Malformed], None], Callable[[Progress], None]]]:
    """Callbacks that print each malformed row to stderr and advance a progress bar."""
    with _bar() as bar:
        task = bar.add_task("analyse", total=total, rate=0.0)
        last = [0.0]

        def malformed(item: Malformed) -> None:
            bar.console.print(
                f"Skipped row {item.row}: {item.reason}.", markup=False, highlight=False
            )

        def progress(done: Progress) -> None:
            bar.update(task, completed=done.rows, rate=done.rate)
            now = time.monotonic()
            if now - last[0] >= REFRESH_SECONDS:
                last[0] = now
                bar.refresh()

        yield malformed, progress


def _announce(link: str | None) -> None:
    """The dashboard of the cluster started here, or how to get one."""
    words = f"Dask dashboard: {link}" if link else "(For the Dask dashboard, pip install bokeh.)"
    click.echo(words, err=True)


def _announce_remote(link: str | None) -> None:
    if link:
        click.echo(f"Dask dashboard: {link}", err=True)


def make_group(factory: EngineFactory | None = None) -> click.Group:
    """The ``postings`` group; ``factory`` builds the engine (default: the installed one)."""

    @click.group()
    def postings() -> None:
        """Careers, skills in demand and pay in files of job postings.

        Example: aicareers postings analyze jobs.csv --out jobs.parquet --report jobs.md
        """

    @postings.command()
    @click.argument("file", type=click.Path(path_type=Path))
    @click.option("--title-col", metavar="C", help="Column with the job title (default: detected).")
    @click.option(
        "--text-col", metavar="C", help="Column with the description (default: detected)."
    )
    @click.option(
        "--salary-col", metavar="C", help="Column with the salary text (default: detected)."
    )
    @click.option(
        "--out",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="FILE",
        help="Per-posting results: .parquet, .json (one array) or .jsonl.",
    )
    @click.option(
        "--report",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="FILE.md",
        help="Write the totals as a Markdown report.",
    )
    @click.option(
        "--chart",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="FILE.svg",
        help="Draw the skills in demand as .svg or .png.",
    )
    @format_option("table", "json")
    @input_format_option("--input-format")
    @workers_option("analysing postings")
    @engine_options()
    @limit_option("Analyse")
    @click.option(
        "--currency",
        metavar="CODE",
        help="Currency of salaries that name none (default: such figures are skipped).",
    )
    @click.option(
        "--semantic/--no-semantic",
        default=False,
        show_default=True,
        help="Also match skills by meaning (about ten times slower).",
    )
    @click.option("--force", is_flag=True, help="Replace output files that exist.")
    def analyze(
        file: Path,
        title_col: str | None,
        text_col: str | None,
        salary_col: str | None,
        out: Path | None,
        report: Path | None,
        chart: Path | None,
        fmt: str,
        input_format: str | None,
        workers: int,
        engine: str,
        scheduler: str | None,
        limit: int | None,
        currency: str | None,
        semantic: bool,
        force: bool,
    ) -> None:
        """Give each posting in FILE (CSV, JSONL or Parquet) a career, skills and a salary.

        FILE may also be a folder of Parquet parts or a quoted glob ('jobs/*.csv').

        Each posting gets one of the 20 careers or "other", with a confidence; the project
        skills it names; and its salary normalised to a year. The totals (postings and top
        skills per career, median pay ranges) are printed, and written with --report.
        A malformed row is reported on stderr and in the report, and skipped.

        \b
        Example:
          aicareers postings analyze glassdoor_jobs.csv --out jobs.parquet --report jobs.md
        """
        request = PostingsRequest(
            input_format=input_format, title_col=title_col, text_col=text_col,
            salary_col=salary_col, currency=currency, limit=limit, semantic=semantic,
            workers=workers, engine=chosen_engine(engine, scheduler), scheduler=scheduler,
        )  # fmt: skip
        try:
            summary = _run(file, request, Targets(out, report, chart, force), factory)
        except AicareersError as exc:
            show_error(exc)
            raise SystemExit(exc.exit_code) from None
        if fmt == "json":
            emit_json(summary)
        else:
            click.echo(terminal(summary))

    return postings


def _run(
    file: Path, request: PostingsRequest, targets: Targets, factory: EngineFactory | None
) -> dict[str, Any]:
    """Analyse the file into the target files; the summary."""
    out_format = targets.check()
    with ExitStack() as stack:
        sink: Sink | None = None
        if targets.out is not None and out_format is not None:
            handle = stack.enter_context(atomic_output(targets.out, targets.force))
            sink = open_sink(handle, out_format)
        summary = analyze_file(
            file, request, sink, factory=factory,
            reporting=lambda total: stack.enter_context(_reporting(total)),
            announce=_announce if request.scheduler is None else _announce_remote,
        )  # fmt: skip
        if sink is not None:
            sink.close()
    if targets.report is not None:
        with atomic_output(targets.report, targets.force) as report:
            report.write(markdown(summary).encode())
    if targets.chart is not None:
        skills_chart(summary, targets.chart)
    return summary


postings = make_group()
