"""Per-posting output, written as results arrive: Parquet row groups, a JSON array or JSON Lines.

Each record has the same fields in every format (``FIELDS``). Parquet is written with
pyarrow's ``ParquetWriter``, one row group per ``ROW_GROUP_ROWS`` postings, so at most one
row group is held in memory. ``.json`` is one JSON array streamed an object per line (any JSON
reader loads it whole; a line-oriented tool can strip the brackets and commas); ``.jsonl`` is
JSON Lines, an object per line and nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, Protocol

import msgspec

from ..errors import UserInputError
from .classify import PostingResult

ROW_GROUP_ROWS = 16_384
FORMATS = {".parquet": "parquet", ".pq": "parquet", ".json": "json", ".jsonl": "jsonl",
           ".ndjson": "jsonl"}  # fmt: skip
FIELDS = (
    "row", "title", "career", "confidence", "basis", "occupation", "occupation_title",
    "skills", "salary_min", "salary_max", "salary_currency", "salary_period",
)  # fmt: skip


def output_format(path: Path) -> str:
    """``parquet``, ``json`` or ``jsonl``, from the file name; raises UserInputError."""
    found = FORMATS.get(path.suffix.lower())
    if found is None:
        raise UserInputError(
            f"Cannot tell the output format of {path.name}: name it .parquet, .json (one JSON "
            "array) or .jsonl (JSON Lines)."
        )
    return found


def record(result: PostingResult) -> dict[str, Any]:
    """One posting's output fields (see ``FIELDS``)."""
    salary = result.salary
    return {
        "row": result.row, "title": result.title, "career": result.career,
        "confidence": result.confidence, "basis": result.basis,
        "occupation": result.occupation, "occupation_title": result.occupation_title,
        "skills": list(result.skills),
        "salary_min": salary.min if salary else None,
        "salary_max": salary.max if salary else None,
        "salary_currency": salary.currency if salary else None,
        "salary_period": salary.period if salary else None,
    }  # fmt: skip


class Sink(Protocol):
    """Where results go: ``write`` them in input order, then ``close`` once."""

    def write(self, results: Sequence[PostingResult]) -> None: ...

    def close(self) -> None: ...


class JsonSink:
    """A JSON array (``lines=False``) or JSON Lines, an object per line."""

    def __init__(self, handle: IO[bytes], lines: bool = False) -> None:
        self.handle = handle
        self.lines = lines
        self.count = 0
        self._encoder = msgspec.json.Encoder()
        if not lines:
            handle.write(b"[")

    def write(self, results: Sequence[PostingResult]) -> None:
        """Append ``results``."""
        encode = self._encoder.encode
        parts = []
        for result in results:
            if self.lines:
                parts += [encode(record(result)), b"\n"]
            else:  # "[" then "\n{...}" for the first object and ",\n{...}" for the others
                parts += [b",\n" if self.count else b"\n", encode(record(result))]
            self.count += 1
        self.handle.write(b"".join(parts))

    def close(self) -> None:
        """End the array; JSON Lines needs nothing more."""
        if not self.lines:
            self.handle.write(b"\n]\n")


class ParquetSink:
    """Parquet with one row group per ``ROW_GROUP_ROWS`` postings."""

    def __init__(self, handle: IO[bytes], row_group_rows: int = ROW_GROUP_ROWS) -> None:
        import pyarrow as pa  # type: ignore[import-untyped]
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        self._pa = pa
        self.schema = pa.schema([
            ("row", pa.int64()), ("title", pa.string()), ("career", pa.string()),
            ("confidence", pa.float64()), ("basis", pa.string()), ("occupation", pa.string()),
            ("occupation_title", pa.string()), ("skills", pa.list_(pa.string())),
            ("salary_min", pa.float64()), ("salary_max", pa.float64()),
            ("salary_currency", pa.string()), ("salary_period", pa.string()),
        ])  # fmt: skip
        self.writer: Any = pq.ParquetWriter(handle, self.schema, compression="zstd")
        self.row_group_rows = row_group_rows
        # Held as columns, not as a dict per row: a row group in waiting costs a few MB.
        self.columns: dict[str, list[Any]] = {name: [] for name in FIELDS}
        self.buffered = 0

    def write(self, results: Sequence[PostingResult]) -> None:
        """Buffer ``results``; each full row group is written out."""
        for result in results:
            for name, value in record(result).items():
                self.columns[name].append(value)
            self.buffered += 1
            if self.buffered >= self.row_group_rows:
                self._flush()

    def close(self) -> None:
        """Write the last, partial row group and the file footer."""
        if self.buffered:
            self._flush()
        self.writer.close()

    def _flush(self) -> None:
        table = self._pa.Table.from_pydict(self.columns, schema=self.schema)
        self.writer.write_table(table, row_group_size=self.buffered)
        self.columns = {name: [] for name in FIELDS}
        self.buffered = 0


def open_sink(handle: IO[bytes], fmt: str) -> Sink:
    """A sink writing ``fmt`` (see ``output_format``) to ``handle``."""
    if fmt == "parquet":
        return ParquetSink(handle)
    return JsonSink(handle, lines=fmt == "jsonl")
