"""Resume dates: 'Jan 2020', '2020-01', '01/2020', '2020', 'Present', and spans between them.

Dates are kept as 'YYYY' or 'YYYY-MM' strings (the precision the person gave). For arithmetic a
year-only start counts from January and a year-only end to December, so '2019 - 2019' is one
year of work rather than none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19|20)\d\d"
_DATE = rf"(?:{_MONTH}\s+{_YEAR}|\d{{1,2}}/{_YEAR}|{_YEAR}-\d\d(?:-\d\d)?|{_YEAR})"
_PRESENT = r"(?:present|current|now|today|ongoing|date)"
_RANGE = re.compile(
    rf"(?<![\w/-])(?P<start>{_DATE})\s*(?:-|\u2013|\u2014|to|until|till)\s*(?P<end>{_DATE}|{_PRESENT})\b"
    rf"|\bsince\s+(?P<since>{_DATE})\b",
    re.IGNORECASE,
)
_SHAPES = (
    re.compile(rf"^(?P<y>{_YEAR})(?:-(?P<m>\d\d)(?:-\d\d)?)?$"),
    re.compile(rf"^(?P<mon>{_MONTH})\s+(?:\d{{1,2}},?\s+)?(?P<y>{_YEAR})$", re.IGNORECASE),
    re.compile(rf"^(?P<m>\d{{1,2}})/(?P<y>{_YEAR})$"),
)
_ISO = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2]))?$")


def is_present(text: str) -> bool:
    """True for words that mean 'still doing this' ('Present', 'current', ...)."""
    return re.fullmatch(_PRESENT, text.strip(), re.IGNORECASE) is not None


def is_iso_month(text: str) -> bool:
    """True for the stored forms 'YYYY' and 'YYYY-MM'."""
    return _ISO.match(text) is not None


def parse_date(text: str | None) -> str | None:
    """'Jan 2020' -> '2020-01', '2020' -> '2020'; None for blanks, 'Present' and unreadable text."""
    if not text:
        return None
    cleaned = text.strip()
    for shape in _SHAPES:
        match = shape.match(cleaned)
        if match is None:
            continue
        groups = match.groupdict()
        month = _month_number(groups)
        if month is None:
            return str(match["y"])
        if 1 <= month <= 12:
            return f"{match['y']}-{month:02d}"
    return None


def _month_number(groups: dict[str, str | None]) -> int | None:
    if groups.get("mon"):
        return _MONTHS[str(groups["mon"])[:3].lower()]
    if groups.get("m"):
        return int(str(groups["m"]))
    return None


class DateRange:
    """A date range found in a line: where it is and what it says."""

    __slots__ = ("current", "end", "span", "start")

    def __init__(self, span: tuple[int, int], start: str | None, end: str | None, current: bool):
        self.span = span
        self.start = start
        self.end = end
        self.current = current


def find_date_range(line: str) -> DateRange | None:
    """The first 'start - end' (or 'since start') range in a line of text."""
    match = _RANGE.search(line)
    if match is None:
        return None
    if match["since"]:
        return DateRange(match.span(), parse_date(match["since"]), None, True)
    end_text = match["end"]
    current = is_present(end_text)
    end = None if current else parse_date(end_text)
    return DateRange(match.span(), parse_date(match["start"]), end, current)


def month_index(date: str, *, end: bool) -> int:
    """Months since year 0; a year-only date means January as a start, December as an end."""
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else (12 if end else 1)
    return year * 12 + month - 1


def _interval(
    start: str | None, end: str | None, current: bool, as_of: dt.date
) -> tuple[int, int] | None:
    """Half-open month interval [first, last + 1), or None when it cannot be placed."""
    if start is None:
        return None
    first = month_index(start, end=False)
    if end is not None:
        last = month_index(end, end=True)
    elif current:
        last = as_of.year * 12 + as_of.month - 1
    else:
        return None
    return (first, last + 1) if last >= first else None


def span_years(start: str | None, end: str | None, current: bool, as_of: dt.date) -> float | None:
    """Length of one position in years (one decimal), or None without enough dates."""
    interval = _interval(start, end, current, as_of)
    return None if interval is None else round((interval[1] - interval[0]) / 12, 1)


def merged_years(
    spans: Iterable[tuple[str | None, str | None, bool]], as_of: dt.date
) -> float | None:
    """Total years covered by (start, end, current) spans, counting overlaps once."""
    intervals = sorted(
        iv for iv in (_interval(s, e, c, as_of) for s, e, c in spans) if iv is not None
    )
    if not intervals:
        return None
    total, (low, high) = 0, intervals[0]
    for first, last in intervals[1:]:
        if first > high:
            total += high - low
            low, high = first, last
        else:
            high = max(high, last)
    total += high - low
    return round(total / 12, 1)
