"""What an occupation pays in the U.S. and in each state: the wage survey's part of the artifact.

Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025
(www.bls.gov/oes); built by ``python -m aicareers.build.wages``. Figures are yearly pay before
tax, in U.S. dollars, for the occupation as a whole: what people in it earn, not what an AI
role that grows from it pays. A figure the survey did not publish is ``None``, never 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import msgspec
import numpy as np

from ..errors import Hint, TaxonomyError
from .artifact import read_array, read_table
from .manifest import DEFAULT_DIR, read_manifest

ARRAY, KEYS, TABLE = "wages.npy", "wages_keys.npy", "wages.json.gz"
WAGE_FILES = (ARRAY, KEYS, TABLE)
RELEASE = "May 2025"
COLUMNS = (
    "employment", "p10", "p25", "p50", "p75", "p90", "mean", "hourly_median",
    "jobs_per_1000", "location_quotient",
)  # fmt: skip
SOURCE = {
    "name": "Occupational Employment and Wage Statistics (OEWS)",
    "publisher": "U.S. Bureau of Labor Statistics",
    "url": "https://www.bls.gov/oes/",
    "license": "Public domain (U.S. federal government work); cite BLS as the source",
    "cite": "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage "
    "Statistics, May 2025 (www.bls.gov/oes)",
}
NATIONAL = "US"
REBUILD = Hint(
    "add the wage survey to the artifact", command="python -m aicareers.build.wages --oews DIR"
)


class WageRow(msgspec.Struct, frozen=True, kw_only=True):
    """One occupation in one area; each figure is None where the survey published none."""

    soc: str
    title: str
    area: str  # "US" or a state's postal code
    area_name: str
    employment: int | None
    p10: int | None
    p25: int | None
    p50: int | None
    p75: int | None
    p90: int | None
    mean: int | None
    hourly_median: float | None
    jobs_per_1000: float | None
    location_quotient: float | None


def _value(x: float, whole: bool) -> int | float | None:
    if math.isnan(x):
        return None
    return round(x) if whole else round(float(x), 2)


@dataclass(frozen=True, eq=False)
class Wages:
    """The survey's rows with an index by (area, SOC code), and the O*NET-SOC crosswalk."""

    values: np.ndarray[Any, Any]
    keys: np.ndarray[Any, Any]
    table: dict[str, Any]
    _rows: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        areas = [a["code"] for a in self.table["areas"]]
        socs = self.table["occupations"]["soc"]
        self._rows.update({(areas[a], socs[s]): i for i, (a, s) in enumerate(self.keys.tolist())})

    @property
    def release(self) -> str:
        return str(self.table["release"])

    @property
    def areas(self) -> dict[str, str]:
        """Area code -> name: "US" first, then the states and DC."""
        return {a["code"]: a["name"] for a in self.table["areas"]}

    def soc_for(self, onet_code: str) -> str | None:
        """The survey's SOC code for an O*NET-SOC code (``29-1141.00`` -> ``29-1141``)."""
        found = self.table["crosswalk"].get(onet_code)
        return str(found) if found else None

    def not_surveyed(self, onet_code: str) -> str | None:
        """Why the survey has no figures for an O*NET-SOC code, if it has none."""
        found = self.table["not_surveyed"].get(onet_code)
        return str(found) if found else None

    def title(self, soc: str) -> str | None:
        occupations = self.table["occupations"]
        try:
            return str(occupations["title"][occupations["soc"].index(soc)])
        except ValueError:
            return None

    def row(self, soc: str, area: str = NATIONAL) -> WageRow | None:
        """The figures of ``soc`` in ``area``; None when the survey has no row for them there."""
        index = self._rows.get((area, soc))
        if index is None:
            return None
        v = self.values[index].tolist()
        whole = {"employment", "p10", "p25", "p50", "p75", "p90", "mean"}
        figures = {name: _value(x, name in whole) for name, x in zip(COLUMNS, v, strict=True)}
        return WageRow(soc=soc, title=self.title(soc) or soc, area=area,
                       area_name=self.areas[area], **figures)  # type: ignore[arg-type]  # fmt: skip

    def by_area(self, soc: str) -> list[WageRow]:
        """``soc`` in every state that has a row for it (the national row left out)."""
        found = (self.row(soc, area) for area in self.areas if area != NATIONAL)
        return [row for row in found if row is not None]


def load_wages(folder: Path | None = None) -> Wages:
    """The wage part of the artifact in ``folder`` (default: the shipped one)."""
    return _load(Path(folder) if folder is not None else DEFAULT_DIR)


@cache
def _load(folder: Path) -> Wages:
    if "wages" not in read_manifest(folder):
        raise TaxonomyError(f"The taxonomy in {folder} has no wage data.", hint=REBUILD)
    return Wages(read_array(folder, ARRAY), read_array(folder, KEYS), read_table(folder, TABLE))


def source_note(release: str = RELEASE) -> str:
    """The citation BLS asks for."""
    return str(SOURCE["cite"]).replace(RELEASE, release)
