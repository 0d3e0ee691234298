"""Which rows a salary question is about: the filters, their checks, and the row mask.

The country filter matches ``company_location`` (where the employer is), not
``employee_residence``: the guide's hubs are places where employers hire, and the two columns
differ on only 0.1% of rows, so the choice barely moves a figure.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

import msgspec
import numpy as np

from ..errors import UnknownIdError
from ..knowledge.lookup import CAREER_IDS, suggest
from .dataset import LEVELS, SalaryData
from .errors import (
    FilterError,
    UnknownCountryError,
    UnknownJobTitleError,
    UnknownLevelError,
    YearOutOfRangeError,
)
from .titles import OTHER, TitleMap

REMOTE_RATIOS = (0, 50, 100)
Array = np.ndarray[Any, Any]


class SalaryFilters(msgspec.Struct, frozen=True, kw_only=True):
    """What to select; None means any. ``career`` may name a career or a reference role."""

    career: str | None = None
    job_title: str | None = None
    level: str | None = None
    country: str | None = None
    remote: int | None = None
    year: int | None = None
    distinct_rows: bool = False


@dataclass(frozen=True)
class _Role:
    """A career or reference role, as ``suggest`` wants it."""

    id: str
    name: str


def check_career(career: str, career_names: dict[str, str], title_map: TitleMap) -> str:
    """The career or reference-role id, or ``UnknownIdError`` with the closest ids."""
    ident = career.strip().lower()
    if ident in career_names or ident in title_map.references or ident == OTHER:
        return ident
    roles = [_Role(i, n) for i, n in career_names.items()]
    roles += [_Role(i, n) for i, n in title_map.reference_names.items()]
    raise UnknownIdError("career", career, suggest(career, roles), CAREER_IDS)


def check_job_title(title: str, data: SalaryData) -> str:
    """The job title as the data spells it, or ``UnknownJobTitleError`` with close titles."""
    code = data.title_code(title)
    if code is not None:
        return data.titles[code]
    by_key = {t.casefold(): t for t in data.titles}
    close = difflib.get_close_matches(title.strip().casefold(), list(by_key), n=3, cutoff=0.6)
    raise UnknownJobTitleError(title, [by_key[k] for k in close])


def check_country(country: str) -> str:
    """An ISO 3166 alpha-2 code from a code or an English country name."""
    from ..engine.profile.countries import find_country

    code = find_country(country)
    if code is None:
        raise UnknownCountryError(country)
    return code


def check_filters(
    filters: SalaryFilters, data: SalaryData, title_map: TitleMap, career_names: dict[str, str]
) -> SalaryFilters:
    """The filters checked and spelled canonically; a ``FilterError`` says what is wrong."""
    if filters.career is not None and filters.job_title is not None:
        raise FilterError("career", "Give a career or a job title, not both.")
    changes: dict[str, Any] = {}
    if filters.career is not None:
        changes["career"] = check_career(filters.career, career_names, title_map)
    if filters.job_title is not None:
        changes["job_title"] = check_job_title(filters.job_title, data)
    if filters.level is not None:
        changes["level"] = filters.level.strip().upper()
        if changes["level"] not in LEVELS:
            raise UnknownLevelError(filters.level)
    if filters.country is not None:
        changes["country"] = check_country(filters.country)
    if filters.remote is not None and filters.remote not in REMOTE_RATIOS:
        raise FilterError("remote", "Remote ratio must be 0 (on site), 50 (hybrid) or 100.")
    first, last = data.years()
    if filters.year is not None and not first <= filters.year <= last:
        raise YearOutOfRangeError(filters.year, first, last)
    return msgspec.structs.replace(filters, **changes)


def role_titles(data: SalaryData, title_map: TitleMap, role: str) -> Array:
    """A lookup table over title codes: True for the titles mapped to ``role``."""
    table = np.zeros(len(data.titles), dtype=bool)
    for index, title in enumerate(data.titles):
        table[index] = title_map.role_of(title) == role
    return table


def select(
    data: SalaryData, filters: SalaryFilters, title_map: TitleMap, *, skip_year: bool = False
) -> Array:
    """The boolean row mask of checked ``filters`` (``skip_year`` leaves the year out)."""
    mask = np.ones(len(data), dtype=bool)
    if filters.career is not None:
        mask &= role_titles(data, title_map, filters.career)[data.title]
    if filters.job_title is not None:
        mask &= data.title == data.title_code(filters.job_title)
    if filters.level is not None:
        mask &= data.level == LEVELS.index(filters.level)
    if filters.country is not None:
        code = data.country_code(filters.country)
        mask &= data.country == (-1 if code is None else code)
    if filters.remote is not None:
        mask &= data.remote == filters.remote
    if filters.year is not None and not skip_year:
        mask &= data.year == filters.year
    if filters.distinct_rows:
        mask &= ~data.duplicate
    return mask
