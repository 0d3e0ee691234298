"""The local-pay part of an assessment: the person's occupations and their top careers, paid
where they live (see ``documents.local_pay``).

Added to the assessment only when the person gave a place (typed, on the form, or found in
their resume), so assessments without one read as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from ..documents.local_pay import CareerHere, LocalPay, OccupationHere
from .pay import place_for

if TYPE_CHECKING:
    from ..documents.assessment import Assessment, Occupation
    from ..knowledge.models import Catalog
    from ..market.local_pay import PaySource, Place
    from ..taxonomy.wages import Wages

# Today's occupations shown: the best guess and any close to it (a title read two ways).
MAX_CURRENT = 2
CLOSE = 0.5


def with_local_pay(doc: Assessment, catalog: Catalog | None = None) -> Assessment:
    """``doc`` with ``local_pay`` filled when the profile names a place; else ``doc`` itself."""
    if doc.profile.location is None or not (doc.profile.location.country
                                            or doc.profile.location.region):  # fmt: skip
        return doc
    return msgspec.structs.replace(doc, local_pay=local_pay(doc, catalog))


def local_pay(doc: Assessment, catalog: Catalog | None = None) -> LocalPay:
    """Pay in the assessment's place for the person's occupations and the careers shown."""
    from ..knowledge import default_catalog
    from ..taxonomy.wages import load_wages, source_note

    catalog = catalog or default_catalog()
    wages = load_wages()
    place = place_for(doc.profile.location)
    state = None if place.abroad else place.state
    current = _current(doc.occupations, wages, state) if not place.abroad else ()
    medians = [(o.median, w) for o, w in current if o.median is not None]
    mine = sum(m * w for m, w in medians) / sum(w for _, w in medians) if medians else None
    careers = tuple(_career(c.id, c.title, catalog, wages, place, mine) for c in doc.careers)
    area_name = place.country_name if place.abroad else wages.areas[state or "US"]
    everyone = _country_ai_jobs(place, catalog) if place.abroad else None
    return LocalPay(
        area=state or place.country, area_name=area_name, abroad=place.abroad,
        current=tuple(o for o, _ in current), current_median=mine, careers=careers,
        country_ai_jobs_median=everyone.median if everyone else None,
        country_ai_jobs_n=everyone.n or 0 if everyone else 0,
        notes=_notes(place, state, area_name), source=source_note(wages.release),
        date=wages.release,
    )  # fmt: skip


def _current(
    occupations: tuple[Occupation, ...], wages: Wages, state: str | None
) -> list[tuple[OccupationHere, float]]:
    best = occupations[0].confidence if occupations else 0.0
    found = []
    for o in occupations[:MAX_CURRENT]:
        soc = wages.soc_for(o.code)
        if o.confidence < CLOSE * best or soc is None:
            continue
        national = wages.row(soc)
        row = (wages.row(soc, state) if state else None) or national
        if row is None:
            continue
        found.append((OccupationHere(
            code=o.code, title=o.title, p25=row.p25, median=row.p50, p75=row.p75,
            employment=row.employment, national_median=national.p50 if national else None,
        ), o.confidence))  # fmt: skip
    return found


def _career(
    ident: str, title: str, catalog: Catalog, wages: Wages, place: Place, mine: float | None
) -> CareerHere:
    from ..knowledge.space import default_space
    from ..market.local_pay import ai_jobs_source, base_occupations, blend

    target = next(t for t in default_space() if t.career == ident)
    state = None if place.abroad else place.state
    # Abroad the U.S. survey says nothing about local pay: only the country's AI salaries.
    base = base_occupations(target, wages, state)
    figures = None if place.abroad else blend(base, local=state is not None)
    low, high, median, _ = figures if figures else (None, None, None, 0)
    country = place.country if place.abroad or state else None
    where = place.country_name if place.abroad else "United States"
    ai, _ = ai_jobs_source(ident, country, where, catalog)
    return CareerHere(
        id=ident, title=title, low=low, median=median, high=high,
        difference=median - mine if median is not None and mine is not None else None,
        ai_jobs_median=ai.median, ai_jobs_n=ai.n or 0, ai_jobs_area=where,
    )  # fmt: skip


def _country_ai_jobs(place: Place, catalog: Catalog) -> PaySource:
    from ..market.local_pay import ai_jobs_source

    return ai_jobs_source(None, place.country, place.country_name, catalog)[0]


def _notes(place: Place, state: str | None, area_name: str) -> tuple[str, ...]:
    if place.abroad:
        return (
            f"The U.S. wage survey covers the United States only, so there are no figures for "
            f"your occupation in {area_name}. Each career shows the AI job-title salaries "
            f"reported for {area_name} where there are at least 10, and every AI job title "
            f"there together as a baseline, in U.S. dollars.",
        )
    where = area_name if state else "the United States as a whole (give your state to see it)"
    return (
        f"Pay here is for whole occupations in {where}: what people in the jobs each career "
        "grows from earn, not the AI role's own pay. Careers list the AI job-title salaries "
        "too where there are at least 10.",
    )
