"""Reading the source tables: O*NET Excel sheets and ESCO CSV files, as lists of dicts."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import TaxonomyError

Row = dict[str, Any]

# ESCO's scheme file holds cells of several MB (lists of member URIs).
csv.field_size_limit(sys.maxsize)


def require_file(path: Path) -> Path:
    """``path`` if it is a readable file; otherwise a ``TaxonomyError`` naming it."""
    if not path.is_file():
        raise TaxonomyError(f"Source file not found: {path}")
    return path


def require_dir(path: Path, what: str) -> Path:
    """``path`` if it is a directory; otherwise a ``TaxonomyError`` naming it."""
    if not path.is_dir():
        raise TaxonomyError(f"{what} directory not found: {path}")
    return path


def _check_header(path: Path, header: Sequence[str], needed: Sequence[str]) -> None:
    missing = [name for name in needed if name not in header]
    if missing:
        raise TaxonomyError(
            f"{path} lacks the column(s) {', '.join(missing)}; is it the right file?"
        )


def _sheet_rows(path: Path) -> list[list[Any]]:
    # python-calamine is about five times faster than openpyxl; either one is build-time only.
    try:
        # Ignores: the build extra may be absent where mypy runs.
        from python_calamine import CalamineWorkbook  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return _sheet_rows_openpyxl(path)
    try:
        rows: list[list[Any]] = (
            CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        )
    except Exception as exc:  # calamine raises its own types for every kind of bad file
        raise TaxonomyError(f"Cannot read {path}: {exc}") from exc
    return rows


def _sheet_rows_openpyxl(path: Path) -> list[list[Any]]:
    try:
        import openpyxl  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as exc:
        raise TaxonomyError(
            "Reading O*NET needs python-calamine or openpyxl: pip install 'aicareers[build]'"
        ) from exc
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
    except Exception as exc:  # zipfile, XML and openpyxl errors alike mean "not a workbook"
        raise TaxonomyError(f"Cannot read {path}: {exc}") from exc


def _clean(value: Any) -> Any:
    # The two readers disagree on empty cells (None vs ""); whole numbers may come back as floats.
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    return value


def read_xlsx(path: Path, needed: Sequence[str]) -> list[Row]:
    """The first sheet of ``path`` as dicts keyed by the header row; checks ``needed`` columns."""
    rows = _sheet_rows(require_file(path))
    if not rows:
        raise TaxonomyError(f"{path} is empty.")
    header = [str(_clean(cell)) for cell in rows[0]]
    _check_header(path, header, needed)
    return [
        dict(zip(header, (_clean(cell) for cell in row), strict=False))
        for row in rows[1:]
        if any(cell not in (None, "") for cell in row)
    ]


def read_csv(path: Path, needed: Sequence[str]) -> Iterator[Row]:
    """Rows of a UTF-8 CSV file as dicts; checks ``needed`` columns first."""
    require_file(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            _check_header(path, reader.fieldnames or [], needed)
            yield from reader
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise TaxonomyError(f"Cannot read {path}: {exc}") from exc


def as_int(value: Any) -> int:
    """A whole number from a cell that may hold ``8823.0`` or ``"8823"``."""
    return int(float(value))


def as_float(value: Any) -> float:
    """A number from a cell; blank cells are NaN."""
    return float(value) if value not in ("", None) else float("nan")
