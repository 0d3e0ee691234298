"""``aicareers batch assess``: every row of a table file assessed into a JSONL file.

``make_group(factory)`` builds the command group around an engine factory, so tests and
embedders can pass a light engine; ``batch`` is the group the ``aicareers`` command registers.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from ..batch.runner import Columns, Summary, run_batch
from ..batch.worker import AssessorFactory, full_assessor
from ..errors import AicareersError, UserInputError
from ..service.tables import Cluster, Table, open_table
from .batch_dask import (
    check_dask_out,
    output_kind,
    partition_rows_option,
    run_dask,
    settings_of,
)
from .errors import show_error
from .options import (
    chosen_engine,
    engine_options,
    input_format_option,
    limit_option,
    workers_option,
)

if TYPE_CHECKING:
    from rich.progress import Progress



def _table(path: Path, fmt: str | None, columns: Columns) -> Table:
    """Open the input and check every named column before any work starts."""
    table = open_table(path, fmt)
    table.require("text", columns.text)
    for kind, name in (("title", columns.title), ("skills", columns.skills)):
        if name is not None:
            table.require(kind, name)
    for name in columns.keep:
        table.require("kept", name)
    return table


def _check_out(out: Path, force: bool) -> None:
    if out.exists() and not force:
        raise UserInputError(f"{out} already exists; pass --force to replace it.")
    if not out.parent.is_dir():
        raise UserInputError(f"The folder {out.parent} does not exist; create it first.")


@contextmanager
def atomic_output(out: Path, force: bool) -> Iterator[IO[bytes]]:
    """A temporary file beside ``out`` that becomes ``out`` only if the block succeeds."""
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below, then renamed or removed)
        "wb", dir=out.parent, prefix=f".{out.name}.", suffix=".part", delete=False
    )
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if out.exists() and not force:  # created by someone else while we ran
            raise UserInputError(f"{out} appeared while the batch ran; pass --force to replace it.")
        # NamedTemporaryFile is private (0600); the result should get the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(handle.name, 0o666 & ~umask)
        os.replace(handle.name, out)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _progress(threads: bool) -> Progress:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("Assessing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} rows/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        # Locally, no refresh thread: pool workers are forked, and forking a threaded process
        # is unsafe. Dask's workers are spawned, and its parts take seconds, so the bar
        # refreshes itself to keep the clock moving between them.
        auto_refresh=threads,
    )


def _summary_line(summary: Summary, out: Path) -> str:
    return (
        f"{summary.rows} rows in {summary.seconds:.1f} s ({summary.rate:.1f} rows/s): "
        f"{summary.ok} assessed, {summary.errors} errors. Wrote {out}."
    )


@dataclass(frozen=True)
class Plan:
    """How to run: the engine, its workers or scheduler, the partition size, resuming."""

    engine: str = "local"
    workers: int = 1
    scheduler: str | None = None
    partition_rows: int = 500
    resume: bool = False


def _run(
    table: Table,
    columns: Columns,
    out: Path,
    *,
    factory: AssessorFactory,
    plan: Plan,
    top: int | None,
    limit: int | None,
    force: bool,
    settings: dict[str, Any],
) -> Summary:
    total = table.count(limit)
    rows = islice(table.rows(columns.names()), limit)
    dask = plan.engine == "dask"
    with ExitStack() as stack:
        bar = stack.enter_context(_progress(threads=dask))
        task = bar.add_task("assess", total=total, rate=0.0)

        def advance(done: int) -> None:
            elapsed = bar.tasks[0].elapsed or 0.0
            completed = bar.tasks[0].completed + done
            bar.update(task, advance=done, rate=completed / elapsed if elapsed else 0.0)
            bar.refresh()

        if dask:
            return run_dask(
                rows, out, settings, columns=columns, factory=factory,
                cluster=Cluster(plan.scheduler, plan.workers), top=top,
                partition_rows=plan.partition_rows, resume=plan.resume, force=force,
                progress=advance, console=bar.console,
            )  # fmt: skip
        handle = stack.enter_context(atomic_output(out, force))
        return run_batch(
            rows, handle, columns=columns, factory=factory, workers=plan.workers, top=top,
            total=total, progress=advance,
        )  # fmt: skip


def _out_folder(ctx: click.Context, param: click.Parameter, value: str) -> Path:
    """``--out parts/`` asks for a folder, but a Path drops the slash and would name a JSONL
    file: make the folder (when its parent exists), so a Dask run writes Parquet parts there."""
    out = Path(value)
    if value.endswith(("/", os.sep)) and out.parent.is_dir() and not out.exists():
        out.mkdir()
    return out


def _plan(engine: str, scheduler: str | None, workers: int, partition_rows: int,
          resume: bool, out: Path) -> Plan:  # fmt: skip
    """The run's plan; refuses options that only the Dask engine has, given to the local one."""
    engine = chosen_engine(engine, scheduler)
    if engine == "local" and resume:
        raise UserInputError("--resume needs --engine dask (a local run writes OUT whole).")
    if engine == "local" and output_kind(out) == "parquet":
        raise UserInputError(
            f"{out} names a folder of Parquet parts, which --engine dask writes; locally, "
            "write a .jsonl file."
        )
    return Plan(engine, workers, scheduler, partition_rows, resume)


def make_group(factory: AssessorFactory | None = None) -> click.Group:
    """The ``batch`` group; ``factory`` builds the engine (default: the full installed one)."""

    @click.group()
    def batch() -> None:
        """Assess many people at once from a table file.

        Example: aicareers batch assess people.csv --text-column resume --out careers.jsonl
        """

    @batch.command()
    @click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
    @click.option(
        "--text-column",
        required=True,
        metavar="COL",
        help="Column with each person's text: resume, profile or job history.",
    )
    @click.option(
        "--out",
        required=True,
        metavar="OUT.jsonl",
        type=click.Path(),
        callback=_out_folder,
        help="JSONL file to write, one line per input row; with --engine dask, a folder or a "
        "name ending in .parquet is written as Parquet parts (part-00000.parquet, ...).",
    )
    @workers_option("assessing rows")
    @engine_options()
    @partition_rows_option()
    @click.option(
        "--resume",
        is_flag=True,
        help="With --engine dask: keep the parts an interrupted run wrote and do the rest.",
    )
    @click.option(
        "--top",
        type=click.IntRange(min=1),
        metavar="K",
        help="Keep only the K best careers per row (default: all).",
    )
    @input_format_option("--format", "--input-format")
    @limit_option("Assess")
    @click.option("--title-column", metavar="COL", help="Column with a current job title.")
    @click.option(
        "--skills-column",
        metavar="COL",
        help="Column with skills: a list, or text split at , ; | or new lines.",
    )
    @click.option(
        "--semantic/--no-semantic",
        default=True,
        show_default=True,
        help="Match skills and work by meaning as well as by name, as `aicareers assess` does, "
        "so a row gets the same answer as the person alone; --no-semantic is faster but "
        "reads less.",
    )
    @click.option(
        "--keep",
        metavar="COL",
        multiple=True,
        help="Copy this input column into each output line as \"columns\": {COL: value}, "
        "to group results by it later (cohort report --by COL); repeat for more.",
    )
    @click.option("--force", is_flag=True, help="Replace OUT if it exists.")
    def assess(
        input_path: Path,
        text_column: str,
        out: Path,
        workers: int,
        engine: str,
        scheduler: str | None,
        partition_rows: int,
        resume: bool,
        top: int | None,
        input_format: str | None,
        limit: int | None,
        title_column: str | None,
        skills_column: str | None,
        semantic: bool,
        keep: tuple[str, ...],
        force: bool,
    ) -> None:
        """Assess every row of INPUT (CSV, JSONL or Parquet) and write OUT as JSONL.

        INPUT may also be a folder of Parquet parts or a quoted glob ('data/*.csv'), read as
        one table in name order. Each output line is {"row": i, "careers": [...]} (row i of
        the input, from 0, careers as in `assess --format json`) or {"row": i, "error":
        "..."} for a row that could not be assessed; a bad row never stops the batch. With
        --keep, "columns" follows "row". OUT appears only when the run completes.

        \b
        Example:
          aicareers batch assess people.csv --text-column resume --out careers.jsonl --top 5
          aicareers batch assess people.parquet --text-column resume --out careers.jsonl \\
            --engine dask --workers 8
        """
        columns = Columns(text_column, title_column, skills_column, keep)
        engine_factory = factory or partial(full_assessor, semantic=semantic)
        try:
            plan = _plan(engine, scheduler, workers, partition_rows, resume, out)
            table = _table(input_path, input_format, columns)
            if plan.engine == "local":
                _check_out(out, force)
            else:
                check_dask_out(out, force, resume)  # before the bar and the cluster start
            settings = settings_of(input_path, columns, top=top, limit=limit, semantic=semantic)
            summary = _run(
                table, columns, out, factory=engine_factory, plan=plan, top=top, limit=limit,
                force=force, settings=settings,
            )  # fmt: skip
        except AicareersError as exc:
            # Shown here, not only by the root group, so the group works wherever it is mounted.
            show_error(exc)
            raise SystemExit(exc.exit_code) from None
        click.echo(_summary_line(summary, out), err=True)

    return batch


batch = make_group()
