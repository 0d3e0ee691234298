"""Batch adapter: assess every row of a CSV, JSONL or Parquet file into a JSONL file."""

from __future__ import annotations

from ..service.tables import FORMATS, Row, Table, open_table
from .runner import Columns, Summary, run_batch
from .worker import AssessorFactory, full_assessor, light_assessor

__all__ = [
    "FORMATS",
    "AssessorFactory",
    "Columns",
    "Row",
    "Summary",
    "Table",
    "full_assessor",
    "light_assessor",
    "open_table",
    "run_batch",
]
