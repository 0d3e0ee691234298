"""Local pay: what a career pays where the person lives, from three sources side by side.

``career_pay`` answers for one career and place (a U.S. state, the U.S., or another country)
with job-board searches attached; ``place_of`` reads a place as typed ("TX", "Columbus, OH",
"Germany") and ``place_for`` takes it from a profile's location. The CLI, the career pages,
the salaries page and the API all call these. See docs/market.md for what each source can say.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from ..errors import UserInputError
from ..knowledge.lookup import CAREER_IDS, by_id
from ..knowledge.us_states import find_state, states
from ..market.job_links import JobLink, job_links
from ..market.local_pay import (
    BASE_LABEL,
    BaseOccupation,
    CareerPay,
    PaySource,
    Place,
    StateDemand,
)

if TYPE_CHECKING:
    from ..engine.profile.model import Location
    from ..knowledge.models import Catalog

__all__ = [
    "BASE_LABEL",
    "BaseOccupation",
    "CareerPay",
    "JobLink",
    "LocalCareerPay",
    "PaySource",
    "Place",
    "StateDemand",
    "career_pay",
    "pay_chart_svg",
    "place_for",
    "place_of",
    "state_choices",
    "states_by_demand",
]


class LocalCareerPay(CareerPay, frozen=True, kw_only=True):
    """A career's pay in a place, and searches for its titles there on the job boards."""

    links: tuple[JobLink, ...]
    no_metro_note: str | None = None


NO_METRO = (
    "The wage survey's city (metro area) figures are not included here, so {city} shows "
    "{state} figures."
)


def state_choices() -> dict[str, str]:
    """Postal code -> name of every state and DC, for a form's list."""
    return {s.code: s.name for s in states()}


def place_for(location: Location | None) -> Place:
    """The place a profile's location selects: its state, its country, or the U.S. as a whole."""
    from ..engine.profile.countries import country_name

    if location is None or location.country in (None, "US"):
        return Place(state=location.region if location else None)
    return Place(country=location.country, country_name=country_name(location.country))


def place_of(text: str | None) -> tuple[Place, str | None]:
    """A place as typed, and the city it named (if any): "TX", "Texas", "Columbus, OH",
    "Germany". ``ProfileError`` for a country we do not know."""
    if not text or not text.strip():
        return Place(), None
    state = find_state(text)
    if state:
        return Place(state=state), None
    from ..engine.profile.places import read_place

    location = read_place(text)
    if location is not None and location.country is None and location.city:
        raise UserInputError(
            f"Could not tell which state or country '{text.strip()}' is in. Add the state or "
            "country after a comma, like 'Columbus, OH' or 'Berlin, Germany'."
        )
    return place_for(location), location.city if location else None


def career_pay(
    career_id: str, place: str | Place | None = None, catalog: Catalog | None = None
) -> LocalCareerPay:
    """The guide's range, the AI job-title salaries and the base occupations for one career."""
    from ..knowledge import default_catalog
    from ..knowledge.space import default_space
    from ..market.local_pay import career_pay as compute
    from ..market.titles import load_title_map
    from ..taxonomy.wages import load_wages

    catalog = catalog or default_catalog()
    career = by_id(catalog.careers, career_id, "career", CAREER_IDS)
    city = None
    if not isinstance(place, Place):
        place, city = place_of(place)
    target = next(t for t in default_space() if t.career == career.id)
    pay = compute(career.id, catalog, target, load_wages(), place)
    titles = [career.title, *target.search_titles, *load_title_map().titles_of(career.id)]
    where = ", ".join(p for p in (city, pay.area_name) if p)
    links = job_links(titles, where, us=not place.abroad)
    note = NO_METRO.format(city=city, state=pay.area_name) if city and not place.abroad else None
    return LocalCareerPay(**msgspec.structs.asdict(pay), links=tuple(links), no_metro_note=note)


def states_by_demand(career_id: str, catalog: Catalog | None = None) -> list[StateDemand]:
    """Every state ranked for a career by jobs in its base occupations, then pay; the guide's
    U.S. hubs are marked on their state."""
    from ..knowledge import default_catalog
    from ..knowledge.space import default_space
    from ..market.local_pay import states_by_demand as rank
    from ..taxonomy.wages import load_wages

    catalog = catalog or default_catalog()
    career = by_id(catalog.careers, career_id, "career", CAREER_IDS)
    target = next(t for t in default_space() if t.career == career.id)
    hubs = {h.state: h.name for h in catalog.hubs if h.state}
    return rank(target, load_wages(), hubs)


def pay_chart_svg(pay: CareerPay, ident: str = "pay-ranges") -> str:
    """The sources of ``pay`` as ranges on one dollar axis: an inline SVG for a page."""
    from ..charts.pay_ranges import pay_ranges_svg

    return pay_ranges_svg(pay, ident=ident)
