"""Split a selection of pay values into groups (level, country, year, remote) in one pass.

A stable argsort on the group codes keeps each group's pay in ascending order, so every group
is summarised without sorting pay again. For the shipped data that argsort is made once per
column and reused: the rows of a selection, in group order, are then one gather away.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import numpy as np

from .dataset import LEVELS, SalaryData

GroupBy = Literal["level", "country", "year", "remote"]
GROUP_BYS: tuple[GroupBy, ...] = ("level", "country", "year", "remote")
LEVEL_NAMES = {"EN": "Entry", "MI": "Mid", "SE": "Senior", "EX": "Executive"}
REMOTE_NAMES = {0: "On site", 50: "Hybrid", 100: "Remote"}
Array = np.ndarray[Any, Any]


def group_key(data: SalaryData, by: GroupBy, code: int) -> str:
    """The JSON key of a group: EN, US, 2024 or 100."""
    if by == "level":
        return LEVELS[code]
    if by == "country":
        return data.countries[code]
    return str(code)


def group_label(by: GroupBy, key: str) -> str:
    """A readable label: Senior, United States, 2024, Remote."""
    if by == "level":
        return LEVEL_NAMES[key]
    if by == "country":
        from ..engine.profile.countries import country_name

        try:
            return country_name(key)
        except KeyError:
            return key
    if by == "remote":
        return REMOTE_NAMES[int(key)]
    return key


def split(pay: Array, codes: Array) -> Iterator[tuple[int, Array]]:
    """(code, ascending pay of the rows with that code) for every code present, code order."""
    order = np.argsort(codes, kind="stable")
    return _runs(codes[order], pay[order])


def split_selection(data: SalaryData, mask: Array, by: str) -> Iterator[tuple[int, Array]]:
    """``split`` of the selected rows by a column, using the data's cached order of it."""
    order = data.order_by(by)
    rows = order[mask[order]]
    return _runs(getattr(data, by)[rows], data.pay[rows])


def _runs(ordered_codes: Array, ordered_pay: Array) -> Iterator[tuple[int, Array]]:
    """Each run of equal codes with its slice of pay (views, no copies)."""
    if len(ordered_codes) == 0:
        return
    starts = np.flatnonzero(np.r_[True, ordered_codes[1:] != ordered_codes[:-1]])
    ends = np.r_[starts[1:], len(ordered_codes)]
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        yield int(ordered_codes[start]), ordered_pay[start:end]
