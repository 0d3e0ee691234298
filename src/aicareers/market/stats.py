"""Salary statistics over pay values that are already sorted ascending.

Percentiles follow DuckDB's ``quantile_cont`` (type 7 of Hyndman and Fan, the default of R and
numpy): the position is ``(n - 1) * q`` and a fractional position interpolates linearly between
its two neighbours as ``lo + (hi - lo) * fraction``, the same expression DuckDB evaluates, so
the floats agree to the last bit. Figures from fewer than ``MIN_N`` rows are withheld: a median
of five salaries says more about five people than about a job.
"""

from __future__ import annotations

import math
from typing import Any

import msgspec
import numpy as np

MIN_N = 10
QUANTILES = {"p10": 0.10, "p25": 0.25, "p50": 0.50, "p75": 0.75, "p90": 0.90}
Array = np.ndarray[Any, Any]


class Summary(msgspec.Struct, frozen=True, kw_only=True):
    """n, percentiles and mean in USD; every figure is None when ``suppressed``.

    The one declaration of these figures: a group and a whole report extend it.
    """

    n: int
    p10: float | None
    p25: float | None
    p50: float | None
    p75: float | None
    p90: float | None
    mean: float | None
    suppressed: bool


def quantile_cont(sorted_values: Array, q: float) -> float:
    """The ``q`` quantile of ascending values by linear interpolation (DuckDB's quantile_cont)."""
    n = len(sorted_values)
    if n == 0:
        raise ValueError("quantile of no values")
    position = (n - 1) * q
    below = math.floor(position)
    above = math.ceil(position)
    lo = float(sorted_values[below])
    if below == above:
        return lo
    hi = float(sorted_values[above])
    return lo + (hi - lo) * (position - below)


def mean(values: Array) -> float:
    """The arithmetic mean; an integer sum first, so it is exact for whole-dollar pay."""
    if values.dtype.kind in "iu":
        return int(values.sum(dtype=np.int64)) / len(values)
    return float(values.mean())


def summarize(sorted_values: Array, min_n: int = MIN_N) -> Summary:
    """The summary of ascending pay values, suppressed below ``min_n`` rows."""
    n = len(sorted_values)
    if n < min_n:
        return Summary(n=n, **dict.fromkeys(QUANTILES), mean=None, suppressed=True)
    figures = {name: quantile_cont(sorted_values, q) for name, q in QUANTILES.items()}
    return Summary(n=n, **figures, mean=mean(sorted_values), suppressed=False)


def median_or_none(sorted_values: Array, min_n: int = MIN_N) -> float | None:
    """The median, or None below ``min_n`` values."""
    return quantile_cont(sorted_values, 0.5) if len(sorted_values) >= min_n else None
