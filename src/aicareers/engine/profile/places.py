"""Read where a person lives from what they wrote: "Columbus, OH", "Ohio", "Berlin, Germany".

One reader for the typed field, the form and the resume formats, so that "Austin, TX, USA"
and "Texas" both select Texas's wages and "Berlin, Germany" selects Germany's salary data.
"""

from __future__ import annotations

from aicareers.engine.profile.countries import country_code, find_country
from aicareers.engine.profile.model import Location
from aicareers.knowledge.us_states import find_state, is_us


def read_place(text: str | None, *, strict: bool = True) -> Location | None:
    """The place ``text`` names, or None for an empty one.

    Parts are read from the end: a country ("Germany", "DE", "USA"), then a U.S. state ("OH",
    "Ohio", "OH 43215"); what stays before them is the city. A lone word is a country, else a
    state, else a city. With ``strict`` an unknown last part after a city ("Springfield, Foo")
    raises ``ProfileError`` saying how to write a country; without it the part is dropped.
    """
    parts = [part.strip() for part in (text or "").split(",") if part.strip()]
    if not parts:
        return None
    country = region = None
    if len(parts) > 1 and is_us(parts[-1]):
        country, parts = "US", parts[:-1]
    if len(parts) == 1 and country is None:
        return _lone(parts[0])
    last = parts[-1]
    state = find_state(last)
    # A state wins after "USA" and as two letters after a city ('Indianapolis, IN': IN is India
    # too); a full name that is also a country ('Georgia') stays the country.
    if state and (country == "US" or len(last) == 2 or not find_country(last)):
        country, region, parts = "US", state, parts[:-1]
    elif country is None:
        found = find_country(last)
        if found is None and strict:
            found = country_code(last)  # raises: an unknown country, with the way to write one
        country, parts = found, parts[:-1]
    city = ", ".join(parts) or None
    return Location(country=country, city=city, region=region) if country or city else None


def _lone(word: str) -> Location:
    if country := find_country(word):
        return Location(country=country)
    if state := find_state(word):
        return Location(country="US", region=state)
    return Location(city=word)
