"""How fresh the guide's facts are: which items are undated, checked too long ago or unverified.

What ``aicareers data freshness`` reports. Every career, certification, organisation, resource
and statistic carries ``last_checked`` and ``verified`` (see ``knowledge.models.Checked``); this
module lists the ones a person should look at again before relying on them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ..knowledge.loader import default_catalog
from ..knowledge.models import Catalog, Checked

# About half a year: pay, job titles and certification programmes in AI change within months.
DEFAULT_MAX_AGE_DAYS = 180


@dataclass(frozen=True)
class DatedItem:
    """One checked item of the catalog, with its date, age and why it needs a look."""

    kind: str
    id: str
    name: str
    last_checked: dt.date | None
    age_days: int | None
    verified: bool
    status: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class FreshnessReport:
    """The items that need a look, out of how many, as of which day and for which age."""

    today: dt.date
    older_than_days: int
    total: int
    undated: int
    stale: int
    unverified: int
    items: tuple[DatedItem, ...]


def _checked(catalog: Catalog) -> Iterator[tuple[str, str, str, str, Checked]]:
    """(kind, id, name, status, item) for every item that carries a check date."""
    for career in catalog.careers:
        yield "career", career.id, career.title, "active", career
    for cert in catalog.certifications:
        yield "certification", cert.id, cert.name, cert.status, cert
    for org in catalog.organizations:
        yield "organization", org.id, org.name, org.status, org
    for resource in catalog.resources:
        yield "resource", resource.id, resource.name, resource.status, resource
    for stat in catalog.statistics:
        yield "statistic", stat.id, stat.label, "active", stat


def _reasons(item: Checked, age: int | None, max_age: int) -> tuple[str, ...]:
    reasons = []
    if age is None:
        reasons.append("not dated")
    elif age > max_age:
        reasons.append(f"checked {age} days ago")
    if not item.verified:
        reasons.append("unverified")
    return tuple(reasons)


def dated_items(
    catalog: Catalog, today: dt.date, max_age: int = DEFAULT_MAX_AGE_DAYS
) -> list[DatedItem]:
    """Every checked item of ``catalog``, with its age on ``today`` and its reasons, if any."""
    items = []
    for kind, ident, name, status, item in _checked(catalog):
        checked = item.last_checked
        # A date in the future (a clock set back) counts as checked today, not as negative age.
        age = None if checked is None else max((today - checked).days, 0)
        reasons = _reasons(item, age, max_age)
        items.append(DatedItem(kind, ident, name, checked, age, item.verified, status, reasons))
    return items


def freshness(
    older_than_days: int = DEFAULT_MAX_AGE_DAYS,
    today: dt.date | None = None,
    catalog: Catalog | None = None,
) -> FreshnessReport:
    """The items undated, checked more than ``older_than_days`` ago, or unverified.

    Undated items come first, then the oldest; ``today`` defaults to the local date.
    """
    if older_than_days < 0:
        raise ValueError(f"older_than_days must be 0 or more, not {older_than_days}")
    day = today or dt.date.today()
    every = dated_items(catalog or default_catalog(), day, older_than_days)
    flagged = [item for item in every if item.reasons]
    flagged.sort(key=lambda i: (i.age_days is not None, -(i.age_days or 0), i.kind, i.id))
    return FreshnessReport(
        today=day,
        older_than_days=older_than_days,
        total=len(every),
        undated=sum(item.last_checked is None for item in every),
        stale=sum(any(r.startswith("checked ") for r in item.reasons) for item in every),
        unverified=sum(not item.verified for item in every),
        items=tuple(flagged),
    )
