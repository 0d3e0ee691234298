"""Resume dates in the forms people write them, and spans between them.

'Jan 2020', 'Sept 2009', "Jan'19", '16th Jan 2017', '01/2010', '2020-01', '2020', and ranges such
as '2015-Present', 'Sept 2009 - till date', '01/2010 to Current', 'since 2012'. Dates are kept as
'YYYY' or 'YYYY-MM' strings (the precision the person gave). For arithmetic a year-only start
counts from January and a year-only end to December, so '2019 - 2019' is one year of work rather
than none.

Every pattern here is a plain alternation without nested repeats: resumes are untrusted input,
so matching must stay linear in their length.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19|20)\d\d"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# "Jan'19" is common in Indian and British resumes; a bare two-digit year is not read (a day?).
_NAMED = rf"(?:{_DAY}\s+)?{_MONTH}(?:,?\s*{_YEAR}|\s*['\u2019]\s*\d\d(?!\d)|\s+{_DAY},?\s+{_YEAR})"
_DATE = (
    rf"(?:{_NAMED}|{_MONTH}-{_YEAR}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]{_YEAR}|\d{{1,2}}[/.-]{_YEAR}"
    rf"|{_YEAR}[/-](?:0?[1-9]|1[0-2])(?![\d/-])|{_YEAR})"
)
_PRESENT = (
    r"(?:(?:till|to|until|up\s?to)\s+(?:date|now|today|present)|present|current(?:ly)?|now"
    r"|today|ongoing|continuing|date)"
)
_SEPARATOR = r"\s*(?:-+|\u2013|\u2014|~|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*"
_RANGE = re.compile(
    rf"(?<![\w/.-])(?:\b(?:since|from)\s+)?(?P<start>{_DATE}){_SEPARATOR}(?:till\s+)?"
    rf"(?:(?P<end>{_DATE})|(?P<present>{_PRESENT}))(?![\w/])"
    rf"|\b(?:since|from)\s+(?P<since>{_DATE})(?![\w/])",
    re.IGNORECASE,
)
_SHAPES = (
    re.compile(rf"^(?P<y>{_YEAR})(?:[-/.](?P<m>\d{{1,2}})(?:[-/.]\d{{1,2}})?)?$"),
    re.compile(
        rf"^(?:{_DAY}\s+)?(?P<mon>{_MONTH})(?:[\s,.-]*(?:{_DAY},?\s+)?(?P<y>{_YEAR})"
        rf"|\s*['\u2019]\s*(?P<yy>\d\d))$",
        re.IGNORECASE,
    ),
    re.compile(rf"^(?P<m>\d{{1,2}})[/.-](?P<y>{_YEAR})$"),
    re.compile(rf"^(?P<a>\d{{1,2}})[/.-](?P<b>\d{{1,2}})[/.-](?P<y>{_YEAR})$"),
)
_ISO = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2]))?$")


def is_present(text: str) -> bool:
    """True for words that mean 'still doing this' ('Present', 'till date', ...)."""
    return re.fullmatch(_PRESENT, " ".join(text.split()), re.IGNORECASE) is not None


def is_iso_month(text: str) -> bool:
    """True for the stored forms 'YYYY' and 'YYYY-MM'."""
    return _ISO.match(text) is not None


def parse_date(text: str | None) -> str | None:
    """'Jan 2020' -> '2020-01', '2020' -> '2020'; None for blanks, 'Present' and unreadable text."""
    if not text:
        return None
    cleaned = " ".join(text.split())
    for shape in _SHAPES:
        match = shape.match(cleaned)
        if match is None:
            continue
        groups = match.groupdict()
        year = groups.get("y") or _century(groups.get("yy"))
        month = _month_number(groups)
        if month is None:
            return str(year)
        if 1 <= month <= 12:
            return f"{year}-{month:02d}"
        return str(year)
    return None


def _century(two_digits: str | None) -> str:
    """'19' -> '2019', '98' -> '1998': a resume's two-digit years are within living memory."""
    value = int(two_digits or 0)
    return str(2000 + value if value < 50 else 1900 + value)


def _month_number(groups: dict[str, str | None]) -> int | None:
    if groups.get("mon"):
        return _MONTHS[str(groups["mon"])[:3].lower()]
    if groups.get("m"):
        return int(str(groups["m"]))
    if groups.get("a"):
        # dd/mm/yyyy in most of the world; mm/dd/yyyy shows itself by a first part over 12.
        first, second = int(str(groups["a"])), int(str(groups["b"]))
        return first if second > 12 else second
    return None


class DateRange:
    """A date range found in a line: where it is and what it says."""

    __slots__ = ("current", "end", "span", "start")

    def __init__(self, span: tuple[int, int], start: str | None, end: str | None, current: bool):
        self.span = span
        self.start = start
        self.end = end
        self.current = current


def _range(match: re.Match[str]) -> DateRange:
    if match["since"]:
        return DateRange(match.span(), parse_date(match["since"]), None, True)
    current = match["present"] is not None
    end = None if current else parse_date(match["end"])
    return DateRange(match.span(), parse_date(match["start"]), end, current)


def find_date_range(line: str) -> DateRange | None:
    """The first 'start - end' (or 'since start') range in a line of text."""
    match = _RANGE.search(line)
    return None if match is None else _range(match)


def iter_date_ranges(text: str) -> Iterator[DateRange]:
    """Every date range in text, in order."""
    return (_range(match) for match in _RANGE.finditer(text))


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


_SINGLE = re.compile(rf"(?<![\w/.-])(?:{_DATE})(?![\w/])", re.IGNORECASE)


def find_date(line: str) -> tuple[tuple[int, int], str] | None:
    """The first single date in a line ('June 2015', '2010'): where it is and its stored form."""
    for match in _SINGLE.finditer(line):
        parsed = parse_date(match.group())
        if parsed is not None:
            return match.span(), parsed
    return None
