"""Postings read from a CSV, JSONL or Parquet file (or its parts) one at a time, and checked.

Nothing here holds more than one row (one Parquet record batch): files of millions of
postings stream through. A row that cannot be used becomes a ``Malformed`` with its number
and the reason, and reading goes on. Rows are numbered from 0 in file order, header not
counted, as in ``aicareers batch``; for CSV and JSONL the reason also names the file line.

CSV is read here rather than with ``batch.readers`` because a record whose field count
differs from the header's (a stray comma or quote shifts every column after it) must be
reported, not read with its values under the wrong names.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, NamedTuple, TypeVar

from ..tabular.readers import CSV_FIELD_LIMIT, Table
from .columns import PostingColumns

T = TypeVar("T")


class Posting(NamedTuple):
    """One usable row: its number, title, description and salary text (or None)."""

    row: int
    title: str
    text: str
    salary: str | None = None


class Malformed(NamedTuple):
    """A row that was skipped, and why."""

    row: int
    reason: str


Item = Posting | Malformed


def read_postings(table: Table, columns: PostingColumns) -> Iterator[Item]:
    """Every row of ``table`` as a Posting or a Malformed, in file order."""
    if table.format != "csv":
        return _checked_rows(table, columns)  # parts, if any, are chained by the table
    if not table.parts:
        return _csv_items(table, columns)
    return _csv_parts(table, columns)


def _csv_parts(table: Table, columns: PostingColumns) -> Iterator[Item]:
    """CSV parts (a glob) one after the other, rows numbered on as in ``Table.rows``."""
    offset = 0
    for piece in table.pieces():
        for name in columns.names():
            piece.require("posting", name)
        count = 0
        for item in _csv_items(piece, columns):
            count = item.row + 1
            yield item._replace(row=offset + item.row)
        offset += count


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _kind(value: object) -> str:
    return "a number" if isinstance(value, int | float) else f"a {type(value).__name__}"


def check_fields(row: int, fields: dict[str, Any], columns: PostingColumns) -> Item:
    """A Posting when the title is text and the description text or empty; else Malformed."""
    title = fields.get(columns.title)
    if title is None or (isinstance(title, str) and not title.strip()):
        return Malformed(row, f"no job title in column {columns.title!r}")
    if not isinstance(title, str):
        return Malformed(row, f"column {columns.title!r} holds {_kind(title)}, not text")
    text = fields.get(columns.text)
    if text is None:
        text = ""  # a posting with a title but no description still has a career
    elif not isinstance(text, str):
        return Malformed(row, f"column {columns.text!r} holds {_kind(text)}, not text")
    salary = fields.get(columns.salary) if columns.salary else None
    if isinstance(salary, int | float) and not isinstance(salary, bool):
        salary = str(salary)  # a numeric salary column; the parser decides what it means
    return Posting(row, title.strip(), text, salary if isinstance(salary, str) else None)


def _checked_rows(table: Table, columns: PostingColumns) -> Iterator[Item]:
    for row in table.rows(columns.names()):
        if row.fields is None:
            yield Malformed(row.number, _lowered(row.error or "the row could not be read"))
        else:
            yield check_fields(row.number, row.fields, columns)


def _lowered(reason: str) -> str:
    """Reader messages are sentences; in "row 12: ..." they read better without the capital."""
    reason = reason.rstrip(".")
    return reason[:1].lower() + reason[1:]


def _csv_items(table: Table, columns: PostingColumns) -> Iterator[Item]:
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    positions = {name: table.columns.index(name) for name in columns.names()}
    width = len(table.columns)
    # utf-8-sig drops an Excel BOM; a stray Latin-1 byte spoils one character, not the file.
    with table.path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        row = 0
        while True:
            line = reader.line_num + 1
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Malformed(row, f"line {line}: not valid CSV ({exc})")
                row += 1
                continue
            if not record:  # a blank line is not a row
                continue
            yield _csv_item(row, line, record, width, positions, columns)
            row += 1


def _csv_item(
    row: int,
    line: int,
    record: list[str],
    width: int,
    positions: dict[str, int],
    columns: PostingColumns,
) -> Item:
    extra = record[width:]
    if len(record) < width or any(value.strip() for value in extra):
        return Malformed(row, f"line {line}: {len(record)} fields where the header has {width}")
    return check_fields(row, {name: record[p] for name, p in positions.items()}, columns)
