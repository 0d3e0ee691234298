"""Where the salary data says AI jobs are: counts and medians by country, remote share by
career, and the guide's six hubs set beside them.

The data has no city column (only the ISO country of the employer and of the employee), so a
hub is shown with its country's figures: the three US hubs share the US row.
"""

from __future__ import annotations

from typing import Any

import msgspec
import numpy as np

from ..knowledge.models import Catalog
from .dataset import SalaryData
from .filters import SalaryFilters
from .groups import group_label, split, split_selection
from .report import Source, career_names, market_inputs, source_of
from .stats import MIN_N, median_or_none
from .titles import OTHER, TitleMap

CITY_NOTE = "The data names countries, not cities, so each hub shows its country's figures."
Array = np.ndarray[Any, Any]


class CountryRow(msgspec.Struct, frozen=True):
    """One country (of the employer): rows, share of all rows, median pay, remote share."""

    code: str
    name: str
    n: int
    share: float
    p50: float | None
    remote_share: float | None
    rank: int


class HubRow(msgspec.Struct, frozen=True):
    """One of the guide's hubs with its country's figures from the data."""

    id: str
    name: str
    country: str
    country_code: str | None
    n: int
    share: float
    p50: float | None
    rank: int | None  # the country's place by number of rows (1 = most)


class RemoteRow(msgspec.Struct, frozen=True):
    """How a career's (or reference role's) rows split between remote, hybrid and on site."""

    id: str
    name: str
    kind: str
    n: int
    remote: float | None
    hybrid: float | None
    on_site: float | None


class HubsReport(msgspec.Struct, frozen=True):
    """Hubs from data: the guide's hubs, countries by size, remote work by career."""

    n: int
    remote_share: float
    hubs: tuple[HubRow, ...]
    countries: tuple[CountryRow, ...]
    remote_by_career: tuple[RemoteRow, ...]
    city_note: str
    remote_note: str
    min_n: int
    source: Source


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def country_rows(data: SalaryData) -> tuple[CountryRow, ...]:
    """Every employer country with rows, most rows first."""
    remote_by_country = dict(split(data.remote, data.country))
    everything = np.ones(len(data), dtype=bool)
    found = []
    for code, pay in split_selection(data, everything, "country"):
        remote = remote_by_country[code]
        share = float((remote == 100).mean()) if len(pay) >= MIN_N else None
        found.append((data.countries[code], len(pay), median_or_none(pay), share))
    found.sort(key=lambda row: (-row[1], row[0]))
    return tuple(
        CountryRow(iso, group_label("country", iso), n, _share(n, len(data)), p50, remote, rank)
        for rank, (iso, n, p50, remote) in enumerate(found, 1)
    )


def hub_rows(catalog: Catalog, countries: tuple[CountryRow, ...]) -> tuple[HubRow, ...]:
    """The guide's hubs, each with the row of its country (zeros when the data has none)."""
    from ..engine.profile.countries import find_country

    by_code = {row.code: row for row in countries}
    rows = []
    for hub in catalog.hubs:
        code = find_country(hub.country)
        row = by_code.get(code or "")
        rows.append(
            HubRow(hub.id, hub.name, hub.country, code, row.n if row else 0,
                   row.share if row else 0.0, row.p50 if row else None,
                   row.rank if row else None)
        )  # fmt: skip
    return tuple(rows)


def _remote_row(ident: str, name: str, kind: str, remote: Array) -> RemoteRow:
    n = len(remote)
    if n < MIN_N:
        return RemoteRow(ident, name, kind, n, None, None, None)
    shares = [float((remote == ratio).mean()) for ratio in (100, 50, 0)]
    return RemoteRow(ident, name, kind, n, *shares)


def remote_rows(data: SalaryData, title_map: TitleMap, catalog: Catalog) -> tuple[RemoteRow, ...]:
    """Remote, hybrid and on-site shares for every career, then every reference role."""
    roles = [(cid, name, "career") for cid, name in career_names(catalog).items()]
    roles += [(rid, name, "reference") for rid, name in title_map.reference_names.items()]
    roles.append((OTHER, "Other job titles", "other"))
    role_codes = {ident: index for index, (ident, _, _) in enumerate(roles)}
    title_role = np.array(
        [role_codes[title_map.role_of(t) or OTHER] for t in data.titles], dtype=np.int16
    )
    by_role = dict(split(data.remote, title_role[data.title]))
    empty = np.zeros(0, dtype=np.int8)
    return tuple(
        _remote_row(ident, name, kind, by_role.get(index, empty))
        for index, (ident, name, kind) in enumerate(roles)
    )


def hubs_report(
    *,
    catalog: Catalog | None = None,
    data: SalaryData | None = None,
    title_map: TitleMap | None = None,
) -> HubsReport:
    """Hubs from data, over every row of the salary data."""
    catalog, data, title_map = market_inputs(catalog, data, title_map)
    countries = country_rows(data)
    return HubsReport(
        n=len(data),
        remote_share=float((data.remote == 100).mean()) if len(data) else 0.0,
        hubs=hub_rows(catalog, countries),
        countries=countries,
        remote_by_career=remote_rows(data, title_map, catalog),
        city_note=CITY_NOTE,
        remote_note=catalog.guide.remote_note,
        min_n=MIN_N,
        source=source_of(data, SalaryFilters()),
    )
