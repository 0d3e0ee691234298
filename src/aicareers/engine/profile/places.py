"""Read where a person lives from what they wrote: "Columbus, OH", "Ohio", "Berlin, Germany".

One reader for the typed field, the form and the resume formats, so that "Austin, TX, USA"
and "Texas" both select Texas's wages and "Berlin, Germany" selects Germany's salary data.
"""

from __future__ import annotations

import re

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


# A resume's header: the lines before its first section, at most this many.
HEADER_LINES = 8
# Separators of a contact line: "Jane Doe | Columbus, OH | jane@example.com".
_PARTS = re.compile(r"\s*(?:[|\u2022\u00b7\u25cf\u25aa]|\s[\u2013\u2014-]\s|\t|\s{3,})\s*")
_LABEL = re.compile(r"^(?:location|address|based in|lives? in|city)\s*[:\-]?\s*", re.IGNORECASE)
_NOT_A_PLACE = re.compile(r"@|https?:|www\.|\d{3}[\s.)-]*\d{3}[\s.-]*\d{4}|\b(19|20)\d\d\b")


def place_in_header(text: str, header_end: int | None = None) -> Location | None:
    """Where the person lives, from a contact line at the top of a resume, if it says so.

    Only a part that reads as a whole place counts: "Columbus, OH 43215", "Austin, Texas",
    "Location: Berlin, Germany". A lone word ("Java") or a school's town later in the text
    ("Mumbai, Maharashtra" beside a degree) never does; the first match wins.
    """
    head = text[: header_end if header_end is not None else len(text)]
    for line in head.splitlines()[:HEADER_LINES]:
        for part in _PARTS.split(line.strip()):
            labelled = bool(_LABEL.match(part))
            part = _LABEL.sub("", part).strip(" .;")
            if not part or _NOT_A_PLACE.search(re.sub(r"\s\d{5}(-\d{4})?$", "", part)):
                continue
            if "," not in part and not labelled:
                continue
            if len(part.split()) > 6:  # a sentence, not an address line
                continue
            place = read_place(part, strict=False)
            if place is not None and (place.region or (place.country and (place.city or labelled))):
                # "123 Main St, Springfield, IL": the town is the last part before the state.
                city = place.city.rsplit(",", 1)[-1].strip() if place.city else None
                return Location(country=place.country, city=city, region=place.region)
    return None
