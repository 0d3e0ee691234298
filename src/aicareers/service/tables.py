"""Rows from table files (CSV, JSONL, Parquet), for the adapters that process many at once.

Batch assessment reads its input through these, as postings analysis does; a worker process
builds its engine with ``build_engine`` so that a failure reaches the parent with its message.
On Dask (``Cluster``), ``open_client`` gives each worker its engine once.
"""

from __future__ import annotations

from ..tabular.cluster import (
    Cluster,
    dashboard,
    dask_installed,
    open_client,
    result,
    submit,
    worker_count,
    worker_engine,
)
from ..tabular.readers import EXTENSIONS, FORMATS, Row, Table, open_table
from ..tabular.workers import EngineLoadError, build_engine, engine_or_error

__all__ = [
    "EXTENSIONS", "FORMATS", "Cluster", "EngineLoadError", "Row", "Table", "build_engine",
    "dashboard", "dask_installed", "engine_or_error", "open_client", "open_table", "result",
    "submit", "worker_count", "worker_engine",
]  # fmt: skip
