"""``batch assess --engine dask``: the output folder or file, resuming, and the run itself.

A run writes numbered part files (``batch.parts``): into OUT itself when OUT is a folder of
Parquet parts, or into ``OUT.parts/`` beside a JSONL file, joined into OUT in row order at
the end and then removed. A run that stops early leaves its parts; ``--resume`` finishes it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..batch.dask_run import DaskRun, run_on_dask
from ..batch.parts import Parts
from ..batch.runner import Columns, Summary
from ..batch.worker import AssessorFactory
from ..errors import UserInputError
from ..service.tables import Cluster, dashboard

if TYPE_CHECKING:
    from rich.console import Console

PARQUET_SUFFIXES = (".parquet", ".pq")


def output_kind(out: Path) -> str:
    """``parquet`` (a folder of parts) for a folder or a name ending in .parquet, else ``jsonl``."""
    if out.is_dir() or out.suffix.lower() in PARQUET_SUFFIXES:
        return "parquet"
    return "jsonl"


def parts_of(out: Path) -> Parts:
    """Where a Dask run writes its parts for ``out``."""
    if output_kind(out) == "parquet":
        return Parts(out, "parquet")
    return Parts(out.with_name(out.name + ".parts"), "jsonl")


def check_dask_out(out: Path, force: bool, resume: bool) -> Parts:
    """Fail before any work on an output that is taken; the parts folder to use."""
    parts = parts_of(out)
    if not out.parent.is_dir():
        raise UserInputError(f"The folder {out.parent} does not exist; create it first.")
    if parts.format == "jsonl" and out.exists() and not force:
        raise UserInputError(f"{out} already exists; pass --force to replace it.")
    if parts.folder.exists() and not parts.folder.is_dir():
        raise UserInputError(f"{parts.folder} is a file, not a folder of parts.")
    if parts.done() and not (resume or force):
        raise UserInputError(
            f"{parts.folder} holds {len(parts.done())} parts of an earlier run: pass --resume "
            "to finish that run, or --force to start again."
        )
    return parts


def announce(console: Console, scheduler: str | None) -> Callable[[Any], None]:
    """What to print once the cluster is up: its dashboard, or how to get one."""

    def show(client: Any) -> None:
        link = dashboard(client)
        if link:
            console.print(f"Dask dashboard: {link}", markup=False, highlight=False)
        elif scheduler is None:
            console.print(
                "(For the Dask dashboard, pip install bokeh.)", markup=False, highlight=False
            )

    return show


def run_dask(
    rows: Any,
    out: Path,
    settings: dict[str, Any],
    *,
    columns: Columns,
    factory: AssessorFactory,
    cluster: Cluster,
    top: int | None,
    partition_rows: int,
    resume: bool,
    force: bool,
    progress: Callable[[int], None],
    console: Console,
) -> Summary:
    """Assess ``rows`` on Dask into ``out`` (a JSONL file or a folder of Parquet parts)."""
    parts = check_dask_out(out, force, resume)
    run = DaskRun(parts, cluster, partition_rows, resume)
    summary = run_on_dask(
        rows, run, settings, columns=columns, factory=factory, top=top, progress=progress,
        on_client=announce(console, cluster.scheduler),
    )  # fmt: skip
    if parts.format == "jsonl":
        parts.join(out)
    return summary


def settings_of(input_path: Path, columns: Columns, **options: Any) -> dict[str, Any]:
    """What a run's parts are made from, to refuse resuming with anything else."""
    return {
        "input": str(input_path.resolve()), "text": columns.text, "title": columns.title,
        "skills": columns.skills, "keep": list(columns.keep), **options,
    }  # fmt: skip


def partition_rows_option() -> Callable[[Any], Any]:
    """``--partition-rows N``: rows per Dask task (and per part file)."""
    from ..batch.dask_run import PARTITION_ROWS

    return click.option(
        "--partition-rows",
        type=click.IntRange(min=1),
        default=PARTITION_ROWS,
        show_default=True,
        metavar="N",
        help="With --engine dask: rows per task and per part file.",
    )

