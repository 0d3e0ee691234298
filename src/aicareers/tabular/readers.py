"""Tables to assess in batch: CSV, JSONL and Parquet files read row by row, never whole.

A row that cannot be read (a malformed JSONL line, a broken CSV record) becomes a ``Row``
with an ``error``, so one bad line costs one output line, not the batch. A table may also be
a folder of Parquet parts or a glob (``data/part-*.csv``): its parts are read in name order
and numbered as one table, so row 0 of the second part follows the last row of the first.
"""

from __future__ import annotations

import csv
import glob
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, Any, NamedTuple

import msgspec

from ..errors import UserInputError

FORMATS = ("csv", "jsonl", "parquet")
EXTENSIONS = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
# Above the 10 MB document limit, so an over-long text reaches the engine and gets its message
# instead of a bare csv error; csv's own default (128 KiB) is too small for real resumes.
CSV_FIELD_LIMIT = 16 * 1024 * 1024
PARQUET_BATCH_ROWS = 1024
BOM = b"\xef\xbb\xbf"


class Row(NamedTuple):
    """One input row: the wanted fields by column name, or why the row could not be read."""

    number: int
    fields: dict[str, Any] | None
    error: str | None = None


@dataclass(frozen=True)
class Table:
    """An input file, its format and its column names (from the header, schema or first line)."""

    path: Path
    format: str
    columns: tuple[str, ...]
    # The files of a folder or glob, in name order; empty for a single file (``path``).
    parts: tuple[Path, ...] = ()

    def rows(self, wanted: Sequence[str]) -> Iterator[Row]:
        """Every row in file order, numbered from 0, with only the ``wanted`` columns."""
        if self.parts:
            return _chained(self.pieces(), wanted)
        readers = {"csv": _csv_rows, "jsonl": _jsonl_rows, "parquet": _parquet_rows}
        return readers[self.format](self, wanted)

    def count(self, stop: int | None = None) -> int:
        """How many rows ``rows`` will yield (at most ``stop``): from metadata or by a scan."""
        if self.parts:
            found = 0
            for piece in self.pieces():
                found += piece.count(None if stop is None else stop - found)
                if stop is not None and found >= stop:
                    break
            return found if stop is None else min(found, stop)
        counters = {"csv": _csv_count, "jsonl": _jsonl_count, "parquet": _parquet_count}
        found = counters[self.format](self, stop)
        return found if stop is None else min(found, stop)

    def pieces(self) -> Iterator[Table]:
        """Each file as a table of its own: the parts in order, or the one file."""
        if not self.parts:
            yield self
            return
        headers = {"csv": _csv_columns, "jsonl": _jsonl_columns, "parquet": _parquet_columns}
        for part in self.parts:
            yield Table(part, self.format, headers[self.format](part))

    def require(self, kind: str, column: str) -> None:
        """Raise UserInputError unless ``column`` is a column of this table (of every part:
        reading each part's header now beats failing halfway through the run)."""
        if self.parts and column in self.columns:
            for piece in islice(self.pieces(), 1, None):
                piece.require(kind, column)
        if column not in self.columns:
            names = ", ".join(repr(c) for c in self.columns) or "none"
            raise UserInputError(
                f"{self.path.name} has no column {column!r} (asked for as the {kind} column). "
                f"Its columns are: {names}."
            )


def detect_format(path: Path, given: str | None = None) -> str:
    """The format named by ``given``, else by the file's extension."""
    if given is not None:
        return given
    found = EXTENSIONS.get(path.suffix.lower())
    if found is None:
        raise UserInputError(
            f"Cannot tell the format of {path.name} from its extension; name files .csv, "
            ".jsonl or .parquet, or say which format it is in (csv, jsonl or parquet)."
        )
    return found


def open_table(path: Path, fmt: str | None = None) -> Table:
    """Read just enough of ``path`` (a file, a folder of Parquet parts or a glob) to know its
    format and columns; a folder's or glob's columns are those of its first part."""
    parts = find_parts(path)
    first = parts[0] if parts else path
    fmt = detect_format(first, fmt)
    headers = {"csv": _csv_columns, "jsonl": _jsonl_columns, "parquet": _parquet_columns}
    return Table(path, fmt, headers[fmt](first), tuple(parts))


def find_parts(path: Path) -> list[Path]:
    """The files of a folder (its Parquet parts) or of a glob, in name order; [] for a file."""
    if path.is_dir():
        found = sorted(p for p in path.iterdir() if p.suffix.lower() in (".parquet", ".pq"))
        where = f"the folder {path}"
    elif not path.exists() and glob.has_magic(str(path)):
        found = sorted(Path(p) for p in glob.glob(str(path)) if Path(p).is_file())
        where = f"the pattern {path}"
    else:
        if not path.is_file():
            raise UserInputError(f"{path} does not exist.")
        return []
    if not found:
        raise UserInputError(f"No input files in {where} (a folder is read for .parquet parts).")
    kinds = {EXTENSIONS.get(p.suffix.lower()) for p in found}
    if len(kinds) > 1:
        raise UserInputError(f"The files of {where} are in different formats; use one format.")
    return found


def _chained(pieces: Iterator[Table], wanted: Sequence[str]) -> Iterator[Row]:
    """The rows of each piece in turn, numbered on from the rows of the pieces before."""
    offset = 0
    for piece in pieces:
        for name in wanted:
            piece.require("wanted", name)
        count = 0
        for row in piece.rows(wanted):
            count = row.number + 1
            yield row._replace(number=offset + row.number)
        offset += count


# CSV


def _open_csv(path: Path) -> IO[str]:
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    # utf-8-sig drops the BOM Excel writes; undecodable bytes become U+FFFD so one stray
    # Latin-1 byte spoils a word, not the run.
    return path.open(encoding="utf-8-sig", errors="replace", newline="")


def _csv_columns(path: Path) -> tuple[str, ...]:
    with _open_csv(path) as handle:
        try:
            header = next(csv.reader(handle), [])
        except csv.Error as exc:
            raise UserInputError(f"{path.name}: cannot read the CSV header ({exc}).") from exc
    return tuple(name.strip() for name in header)


def _csv_rows(table: Table, wanted: Sequence[str]) -> Iterator[Row]:
    positions = {name: table.columns.index(name) for name in wanted}
    with _open_csv(table.path) as handle:
        reader = csv.reader(handle)
        next(reader, None)
        index = 0
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Row(index, None, f"Line {reader.line_num} is not valid CSV: {exc}.")
                index += 1
                continue
            if not record:  # a blank line separates nothing and is not a row
                continue
            fields = {n: record[p] if p < len(record) else None for n, p in positions.items()}
            yield Row(index, fields)
            index += 1


def _csv_count(table: Table, stop: int | None) -> int:
    count = 0
    with _open_csv(table.path) as handle:
        reader = csv.reader(handle)
        next(reader, None)
        while stop is None or count < stop:
            try:
                count += bool(next(reader))
            except StopIteration:
                break
            except csv.Error:
                count += 1
    return count


# JSONL


def _jsonl_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Non-blank lines with their 1-based line numbers."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.removeprefix(BOM) if number == 1 else line
            if line.strip():
                yield number, line


def _decode_object(number: int, line: bytes) -> tuple[dict[str, Any] | None, str | None]:
    try:
        value = msgspec.json.decode(line)
    except msgspec.DecodeError as exc:
        return None, f"Line {number} is not valid JSON: {exc}."
    if not isinstance(value, dict):
        return None, f"Line {number} is JSON but not an object ({{...}})."
    return value, None


def _jsonl_columns(path: Path) -> tuple[str, ...]:
    """The keys of the first line that is a JSON object (later lines may differ)."""
    for number, line in _jsonl_lines(path):
        value, _ = _decode_object(number, line)
        if value is not None:
            return tuple(value)
    return ()


def _jsonl_rows(table: Table, wanted: Sequence[str]) -> Iterator[Row]:
    for index, (number, line) in enumerate(_jsonl_lines(table.path)):
        value, error = _decode_object(number, line)
        if value is None:
            yield Row(index, None, error)
        else:
            yield Row(index, {name: value.get(name) for name in wanted})


def _jsonl_count(table: Table, stop: int | None) -> int:
    return sum(1 for _ in islice(_jsonl_lines(table.path), stop))


# Parquet


def _parquet_file(path: Path) -> Any:
    import pyarrow  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    try:
        return pq.ParquetFile(path)
    except (pyarrow.ArrowException, OSError) as exc:
        raise UserInputError(f"{path.name} is not a Parquet file we can read: {exc}") from exc


def _parquet_columns(path: Path) -> tuple[str, ...]:
    return tuple(_parquet_file(path).schema_arrow.names)


def _parquet_rows(table: Table, wanted: Sequence[str]) -> Iterator[Row]:
    columns = list(dict.fromkeys(wanted))
    index = 0
    # Record batches keep memory at one batch however large the file is.
    for batch in _parquet_file(table.path).iter_batches(PARQUET_BATCH_ROWS, columns=columns):
        for fields in batch.to_pylist():
            yield Row(index, fields)
            index += 1


def _parquet_count(table: Table, stop: int | None) -> int:
    return int(_parquet_file(table.path).metadata.num_rows)
