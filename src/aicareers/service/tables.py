"""Rows from table files (CSV, JSONL, Parquet), for the adapters that process many at once.

Batch assessment reads its input through these, as postings analysis does; a worker process
builds its engine with ``build_engine`` so that a failure reaches the parent with its message.
"""

from __future__ import annotations

from ..tabular.readers import EXTENSIONS, FORMATS, Row, Table, open_table
from ..tabular.workers import EngineLoadError, build_engine, engine_or_error

__all__ = [
    "EXTENSIONS", "FORMATS", "EngineLoadError", "Row", "Table", "build_engine",
    "engine_or_error", "open_table",
]  # fmt: skip
