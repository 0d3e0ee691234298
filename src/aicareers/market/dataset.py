"""The shipped salary data as numpy arrays, read once per process.

Only the columns queries use are read. Categorical columns arrive as small integer codes with a
tuple of labels beside them, so a filter is one integer comparison per row. Rows are sorted by
pay (the build does it; the loader checks and sorts again if a file was made otherwise), so
every subset taken with a boolean mask is already in ascending order of pay.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import CatalogError, Hint

DATA_DIR = Path(__file__).with_name("data")
PARQUET = DATA_DIR / "salaries.parquet"
LEVELS = ("EN", "MI", "SE", "EX")
# A developer's step (the data ships with the package), so no web page can offer it.
REBUILD = Hint(
    "build it from the ai-jobs.net CSV",
    command="python -m aicareers.build.market --csv salaries.csv",
)
COLUMNS = (
    "salary_in_usd", "work_year", "experience_level", "job_title", "company_location",
    "employee_residence", "remote_ratio", "duplicate",
)  # fmt: skip
Array = np.ndarray[Any, Any]


@dataclass(frozen=True, eq=False)
class SalaryData:
    """One array per column, all of the same length, in ascending order of ``pay``."""

    pay: Array  # salary_in_usd, int64
    year: Array  # work_year, int16
    level: Array  # index into LEVELS
    title: Array  # index into ``titles``
    country: Array  # company_location, index into ``countries``
    residence: Array  # employee_residence, index into ``countries``
    remote: Array  # remote_ratio: 0, 50 or 100
    duplicate: Array  # True on every copy of an identical row after the first
    titles: tuple[str, ...]
    countries: tuple[str, ...]
    manifest: dict[str, Any] = field(default_factory=dict, repr=False)  # the build's manifest
    _title_index: dict[str, int] = field(default_factory=dict, repr=False)
    _orders: dict[str, Array] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._title_index.update({t.casefold(): i for i, t in enumerate(self.titles)})

    def __len__(self) -> int:
        return len(self.pay)

    def title_code(self, title: str) -> int | None:
        """The code of a job title, matched case-insensitively (None when absent)."""
        return self._title_index.get(title.strip().casefold())

    def country_code(self, iso2: str) -> int | None:
        """The code of an ISO 3166 alpha-2 country (None when no row has it)."""
        try:
            return self.countries.index(iso2.upper())
        except ValueError:
            return None

    def order_by(self, name: str) -> Array:
        """Row numbers sorted by a column, pay order kept within each value (cached).

        Grouping a selection then costs a gather instead of a sort: ``order[mask[order]]``.
        """
        if name not in self._orders:
            column: Array = getattr(self, name)
            self._orders[name] = np.argsort(column, kind="stable")
        return self._orders[name]

    def years(self) -> tuple[int, int]:
        """The first and last work_year in the data."""
        return int(self.year.min()), int(self.year.max())


def _codes(column: Any, labels: list[str]) -> Array:
    """Dictionary codes of a column, renumbered into ``labels`` (the shared label list)."""
    chunk = column.combine_chunks()
    if not hasattr(chunk, "indices"):  # a plain string column: encode it here
        chunk = chunk.dictionary_encode()
    remap = np.array([labels.index(v) for v in chunk.dictionary.to_pylist()], dtype=np.int16)
    codes: Array = remap[chunk.indices.to_numpy(zero_copy_only=False)]
    return codes


def from_table(table: Any, manifest: dict[str, Any] | None = None) -> SalaryData:
    """Build ``SalaryData`` from a pyarrow table with the artifact's columns."""
    pay = table.column("salary_in_usd").to_numpy().astype(np.int64)
    order = None if bool(np.all(pay[1:] >= pay[:-1])) else np.argsort(pay, kind="stable")
    if order is not None:
        table = table.take(order)
        pay = pay[order]
    places = sorted({*_labels(table, "company_location"), *_labels(table, "employee_residence")})
    titles = sorted(_labels(table, "job_title"))
    return SalaryData(
        pay=pay,
        year=table.column("work_year").to_numpy().astype(np.int16),
        level=_codes(table.column("experience_level"), list(LEVELS)).astype(np.int8),
        title=_codes(table.column("job_title"), titles),
        country=_codes(table.column("company_location"), places),
        residence=_codes(table.column("employee_residence"), places),
        remote=table.column("remote_ratio").to_numpy().astype(np.int8),
        duplicate=table.column("duplicate").to_numpy(zero_copy_only=False).astype(bool),
        titles=tuple(titles),
        countries=tuple(places),
        manifest=manifest or {},
    )


def _labels(table: Any, name: str) -> list[str]:
    """The distinct values of a categorical column."""
    chunk = table.column(name).combine_chunks()
    values = chunk.dictionary if hasattr(chunk, "dictionary") else chunk.unique()
    return [str(v) for v in values.to_pylist()]


@cache
def load_salaries(path: Path = PARQUET) -> SalaryData:
    """The salary data in ``path`` (the shipped Parquet by default), read once per process."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    try:
        table = pq.read_table(path, columns=list(COLUMNS))
    except FileNotFoundError:
        raise CatalogError(f"The salary data is missing ({path}).", hint=REBUILD) from None
    except Exception as exc:  # pyarrow raises several types for a damaged or foreign file
        raise CatalogError(f"The salary data in {path} is unreadable ({exc}).") from None
    return from_table(table, load_manifest(path.parent))


def load_manifest(folder: Path = DATA_DIR) -> dict[str, Any]:
    """The build manifest beside the Parquet (source, hashes, row counts, dedup decision)."""
    try:
        manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise CatalogError(f"The salary manifest in {folder} is unreadable ({exc}).") from None
    return manifest
