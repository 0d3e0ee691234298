"""The 50 U.S. states and the District of Columbia: postal code, name and FIPS code.

Pay by place comes from the U.S. wage survey (OEWS), which reports states by FIPS code, while
people write "Columbus, OH", "Ohio" or "Austin, Texas, USA". This table is the one place that
turns either into a postal code; the wage artifact keys its areas by the same codes.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple


class State(NamedTuple):
    code: str  # USPS postal code: "OH"
    name: str  # "Ohio"
    fips: str  # two-digit FIPS code: "39"


_TABLE = """\
AL Alabama 01|AK Alaska 02|AZ Arizona 04|AR Arkansas 05|CA California 06|CO Colorado 08|
CT Connecticut 09|DE Delaware 10|DC District of Columbia 11|FL Florida 12|GA Georgia 13|
HI Hawaii 15|ID Idaho 16|IL Illinois 17|IN Indiana 18|IA Iowa 19|KS Kansas 20|KY Kentucky 21|
LA Louisiana 22|ME Maine 23|MD Maryland 24|MA Massachusetts 25|MI Michigan 26|MN Minnesota 27|
MS Mississippi 28|MO Missouri 29|MT Montana 30|NE Nebraska 31|NV Nevada 32|NH New Hampshire 33|
NJ New Jersey 34|NM New Mexico 35|NY New York 36|NC North Carolina 37|ND North Dakota 38|
OH Ohio 39|OK Oklahoma 40|OR Oregon 41|PA Pennsylvania 42|RI Rhode Island 44|
SC South Carolina 45|SD South Dakota 46|TN Tennessee 47|TX Texas 48|UT Utah 49|VT Vermont 50|
VA Virginia 51|WA Washington 53|WV West Virginia 54|WI Wisconsin 55|WY Wyoming 56"""

# Other ways people write a state (lower case, after dots are dropped).
_ALIASES = {"washington dc": "DC", "washington d c": "DC", "d c": "DC", "calif": "CA"}
# Ways of writing the country itself, so "Austin, TX, USA" reads as Texas.
US_NAMES = frozenset({"us", "usa", "u s", "u s a", "united states", "united states of america"})


@cache
def states() -> tuple[State, ...]:
    """Every state and DC, in alphabetical order of postal code."""
    found = []
    for item in _TABLE.replace("\n", "").split("|"):
        code, rest = item.strip().split(" ", 1)
        name, fips = rest.rsplit(" ", 1)
        found.append(State(code, name, fips))
    return tuple(sorted(found))


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[.\-]", " ", text)).strip().casefold()


@cache
def _index() -> dict[str, str]:
    index = {s.name.casefold(): s.code for s in states()}
    index.update(_ALIASES)
    return index


def find_state(text: str) -> str | None:
    """The postal code for "OH", "oh", "Ohio" or "Washington, D.C."; None when it is no state.

    A two-letter code must be written as one (no lower-case words like "in" or "me" in prose:
    callers pass a place's parts, never free text).
    """
    stripped = text.strip()
    if len(stripped) == 2 and stripped.isalpha():
        code = stripped.upper()
        return code if any(s.code == code for s in states()) else None
    # "Columbus, OH 43215": a ZIP code after the state is common on resumes.
    stripped = re.sub(r"\s+\d{5}(-\d{4})?$", "", stripped)
    if len(stripped) == 2 and stripped.isalpha():
        return find_state(stripped)
    return _index().get(_key(stripped))


def state(code: str) -> State:
    """The state with postal code ``code`` (KeyError if none)."""
    for found in states():
        if found.code == code:
            return found
    raise KeyError(code)


def is_us(text: str) -> bool:
    """Whether ``text`` names the United States itself ("USA", "U.S.", "United States")."""
    return _key(text) in US_NAMES
