"""``postings analyze`` as a library call: a file of postings in, results and totals out."""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

from ..tabular.cluster import Cluster
from ..tabular.readers import Table, open_table
from .columns import PostingColumns, resolve_columns
from .output import Sink
from .runner import EngineFactory, Options, Progress, analyse_stream
from .stream import Malformed, read_postings


def open_postings(
    path: Path,
    fmt: str | None = None,
    *,
    title: str | None = None,
    text: str | None = None,
    salary: str | None = None,
) -> tuple[Table, PostingColumns]:
    """The input table and the columns to read from it; raises UserInputError early."""
    table = open_table(path, fmt)
    columns = resolve_columns(
        table.columns, title=title, text=text, salary=salary, source=path.name
    )
    return table, columns


def analyze_table(
    table: Table,
    columns: PostingColumns,
    sink: Sink | None,
    *,
    factory: EngineFactory,
    options: Options | None = None,
    workers: int = 1,
    limit: int | None = None,
    on_malformed: Callable[[Malformed], None] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    cluster: Cluster | None = None,
) -> dict[str, Any]:
    """Analyse every posting (the first ``limit``), write results to ``sink``, return totals.

    The returned summary is the JSON of ``--format json``: see docs/postings.md. With a
    ``cluster`` the postings are analysed on Dask, with the same results.
    """
    from ..knowledge import default_catalog

    items = islice(read_postings(table, columns), limit)
    aggregates, progress = analyse_stream(
        items, sink, factory=factory, options=options or Options(), workers=workers,
        on_malformed=on_malformed, on_progress=on_progress, cluster=cluster,
    )  # fmt: skip
    catalog = default_catalog()
    titles = {career.id: career.title for career in catalog.careers}
    names = {skill.id: skill.name for skill in catalog.skills}
    return {
        "input": {
            "file": table.path.name,
            "format": table.format,
            "columns": {"title": columns.title, "text": columns.text, "salary": columns.salary},
        },
        "seconds": round(progress.seconds, 3),
        "rows_per_second": round(progress.rate, 1),
        **aggregates.as_dict(titles, names),
    }
