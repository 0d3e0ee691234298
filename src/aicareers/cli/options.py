"""Options the commands that read many rows share (``batch assess``, ``postings analyze``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..cpu import usable_cores
from ..service.tables import FORMATS

F = TypeVar("F", bound=Callable[..., Any])
MAX_DEFAULT_WORKERS = 8  # each worker holds a whole engine in memory


def default_workers() -> int:
    """The cores this process may use, capped."""
    return min(usable_cores(), MAX_DEFAULT_WORKERS)


def workers_option(doing: str) -> Callable[[F], F]:
    """``--workers N``: processes working in parallel (default: the cores, capped)."""
    return click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=default_workers,
        show_default="the CPU cores",
        help=f"Processes {doing} in parallel.",
    )


def limit_option(doing: str) -> Callable[[F], F]:
    """``--limit N``: only the first N rows, to try the settings on a large file."""
    return click.option(
        "--limit",
        type=click.IntRange(min=1),
        metavar="N",
        help=f"{doing} only the first N rows (to try the settings).",
    )


def input_format_option(*names: str) -> Callable[[F], F]:
    """The input format, for a file whose extension does not say it."""
    return click.option(
        *names,
        "input_format",
        type=click.Choice(FORMATS),
        help="Input format, when the extension does not say it.",
    )


ENGINES = ("local", "dask")


def engine_options() -> Callable[[F], F]:
    """``--engine local|dask`` and ``--scheduler ADDRESS``: where the rows are worked on."""
    engine = click.option(
        "--engine",
        type=click.Choice(ENGINES),
        default="local",
        show_default=True,
        help="Where to run: local (a pool of --workers processes here) or dask (a Dask "
        "cluster: one started here with --workers processes, or the one at --scheduler; "
        "needs pip install 'aicareers[dask]').",
    )
    scheduler = click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="A Dask scheduler to run on (tcp://host:8786); implies --engine dask.",
    )

    def both(function: F) -> F:
        return engine(scheduler(function))

    return both


def chosen_engine(engine: str, scheduler: str | None) -> str:
    """The engine to use: a scheduler address means Dask."""
    return "dask" if scheduler else engine
