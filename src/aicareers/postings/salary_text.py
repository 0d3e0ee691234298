"""Salaries as job boards write them, parsed into a yearly range with a currency.

"$137K-$171K (Glassdoor est.)", "$45 - $60 Per Hour", "£40,000 a year", "Employer Provided
Salary:$120K-$140K", "$279,000 - $361,000/year (CAD)", "₹12 LPA"... become
``Salary(min=137000.0, max=171000.0, currency="USD", period="year")`` and the like.

Normalisation to a year: an hour is 1/2080 of a year (40 hours x 52 weeks), a day 1/260
(5 days x 52 weeks), a week 1/52 and a month 1/12. When the text names no period, a figure
with K/M/lakh or of 10,000 and more is yearly, one of 300 or less is hourly, and anything in
between is too ambiguous to guess (``None``). Text without a currency ("-1", "401k",
"Competitive") is not a salary unless the caller names a default currency.
"""

from __future__ import annotations

import re

import msgspec

HOURS_PER_YEAR = 2080
PER_YEAR = {"hour": HOURS_PER_YEAR, "day": 260, "week": 52, "month": 12, "year": 1}
MAX_HOURLY = 300  # above this a bare figure could be a day, week or month rate
MIN_YEARLY = 10_000  # a bare figure from here up reads as a yearly salary
MIN_YEARLY_PAY = 500  # "$45, Pittsburgh PA" read as 45 a year is a misreading, not pay
MAX_YEARLY = 1e9  # beyond any salary in any currency: a company's funding, not pay

# Longest spellings first, so "US$" wins over "$". The code, when written, beats the symbol.
SYMBOLS = {
    "US$": "USD", "CA$": "CAD", "C$": "CAD", "AU$": "AUD", "A$": "AUD", "NZ$": "NZD",
    "S$": "SGD", "HK$": "HKD", "R$": "BRL", "$": "USD", "£": "GBP", "€": "EUR", "₹": "INR",
    "RS.": "INR", "RS": "INR", "¥": "JPY",
}  # fmt: skip
CODES = ("USD", "CAD", "AUD", "NZD", "SGD", "HKD", "GBP", "EUR", "INR", "JPY", "CHF", "BRL",
         "MXN", "SEK", "NOK", "DKK", "PLN", "ZAR")  # fmt: skip
MULTIPLIERS = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "l": 1e5, "lakh": 1e5,
    "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "lpa": 1e5, "cr": 1e7, "crore": 1e7, "crores": 1e7,
}  # fmt: skip

_currency_rx = "|".join(re.escape(s) for s in sorted([*SYMBOLS, *CODES], key=len, reverse=True))
_mult = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
# One figure: an optional currency before it ("USD $" counts as one), the number, a
# multiplier, a unit ("/hr", dropped: the period is read separately) and a currency after it.
_side = (
    r"(?:(?<![A-Za-z])(?P<c{i}>" + _currency_rx + r")\s*(?:\$\s*)?)?"
    r"(?P<n{i}>\d[\d,.]*)(?:\s*(?P<m{i}>" + _mult + r")(?![A-Za-z]))?"
    r"(?:\s*/\s*[a-z]+)?"
    r"(?:\s*\(?(?P<k{i}>" + _currency_rx + r")(?![A-Za-z])\)?)?"
)
# A salary is one figure, or two joined by dashes, "to", "and" or "~".
MONEY = re.compile(
    _side.format(i=1) + r"(?:\s*(?:-+|to|and|~)\s*" + _side.format(i=2) + ")?",
    re.IGNORECASE,
)
_per = r"(?:\b(?:per|an?)\s+|/\s*)"
PERIODS = (
    ("hour", _per + r"(?:hour|hr)s?\b|\bhourly\b"),
    ("day", _per + r"day\b|\bdaily\b|\bday\s*rate\b"),
    ("week", _per + r"(?:week|wk)\b|\bweekly\b"),
    ("month", _per + r"(?:month|mo|mth)\b|\bmonthly\b"),
    ("year", _per + r"(?:year|yr|annum)\b|\bannual(?:ly)?\b|\byearly\b|\bp\.a\b|\blpa\b"),
)
PERIOD = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in PERIODS), re.IGNORECASE)
OPEN_BELOW = re.compile(r"\b(?:up\s*to|max(?:imum)?|under|below)\s*$", re.IGNORECASE)
OPEN_ABOVE = re.compile(r"\b(?:from|min(?:imum)?|starting\s*(?:at|from)?|over|above)\s*$", re.I)
HUGE = re.compile(r"\s*\+?\s*(?:billion|trillion|bn|million)\b", re.IGNORECASE)
# En dash, em dash, minus sign, figure dash; a no-break space is a space.
# What job boards write where there is no salary: not a salary we failed to read.
NO_SALARY = frozenset({"", "-", "-1", "0", "n/a", "na", "none", "null", "nan", "unknown",
                       "not specified", "not disclosed"})  # fmt: skip
DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2012": "-", "\u00a0": " "})


class Salary(msgspec.Struct, frozen=True):
    """A yearly pay range; one end is ``None`` for "up to X" or "from X"."""

    min: float | None
    max: float | None
    currency: str
    period: str  # the period the text gave (or that was inferred): hour, day, ..., year


def parse_salary(text: object, default_currency: str | None = None) -> Salary | None:
    """The salary ``text`` states, normalised to a year, or ``None`` if it states none."""
    if not isinstance(text, str) or not text.strip():
        return None
    text = text.translate(DASHES)
    for match in MONEY.finditer(text):
        found = _from_match(text, match, default_currency)
        if found is not None:
            return found
    return None


def states_salary(text: object) -> bool:
    """Whether ``text`` is meant as a salary at all (not empty, "-1", "N/A" and the like)."""
    return isinstance(text, str) and text.strip().casefold() not in NO_SALARY


def _from_match(text: str, match: re.Match[str], default: str | None) -> Salary | None:
    written = _written_currency(match)
    currency = written or default
    if currency is None or HUGE.match(text, match.end()):
        return None
    low = _amount(match["n1"], match["m1"])
    high = _amount(match["n2"], match["m2"]) if match["n2"] else low
    if low is None or high is None:
        return None
    low, high = _share_multiplier(low, high, match)
    if not 0 < low <= high:
        return None
    period = _period(text, match) or _bare_period(high, match, written is not None)
    if period is None:
        return None
    yearly_low, yearly_high = (round(v * PER_YEAR[period], 2) for v in (low, high))
    if not MIN_YEARLY_PAY <= yearly_high <= MAX_YEARLY:
        return None
    return _open_ended(text, match, Salary(yearly_low, yearly_high, currency, period))


def _open_ended(text: str, match: re.Match[str], salary: Salary) -> Salary:
    """Open ends: "up to $80K" has no minimum; "from $60K" and "$60K+" have no maximum."""
    if match["n2"] is not None:
        return salary
    before = text[: match.start()]
    if OPEN_BELOW.search(before):
        return msgspec.structs.replace(salary, min=None)
    if OPEN_ABOVE.search(before) or text[match.end() :].lstrip().startswith("+"):
        return msgspec.structs.replace(salary, max=None)
    return salary


def _written_currency(match: re.Match[str]) -> str | None:
    for group in ("k1", "k2", "c1", "c2"):  # a code after the figures beats a symbol before
        written = match[group]
        if written:
            upper = written.upper()
            return upper if upper in CODES else SYMBOLS[upper]
    return None


def _number(digits: str) -> float | None:
    """Read "137", "1,234.50", "1.234,50", "40.000" or the Indian "10,00,000"."""
    digits = digits.rstrip(".,")
    if not digits:
        return None
    if "," in digits and "." in digits:
        thousands, decimal = (",", ".") if digits.rfind(".") > digits.rfind(",") else (".", ",")
        digits = digits.replace(thousands, "").replace(decimal, ".")
    elif "," in digits:
        head, _, tail = digits.rpartition(",")
        # One comma before one or two digits is a decimal comma ("45,50"); else thousands.
        digits = f"{head}.{tail}" if "," not in head and len(tail) <= 2 else digits.replace(",", "")
    elif digits.count(".") > 1 or re.fullmatch(r"\d{1,3}\.\d{3}", digits):
        digits = digits.replace(".", "")  # "40.000" is forty thousand in much of Europe
    try:
        return float(digits)
    except ValueError:
        return None


def _amount(digits: str, multiplier: str | None) -> float | None:
    value = _number(digits)
    if value is None or multiplier is None:
        return value
    return value * MULTIPLIERS[multiplier.lower()]


def _share_multiplier(low: float, high: float, match: re.Match[str]) -> tuple[float, float]:
    """One multiplier for both ends: "$100-150K" and "$110 - $120,000" are thousands."""
    if match["n2"] is None:
        return low, high
    if match["m2"] and not match["m1"] and low < 1000:
        return _amount(match["n1"], match["m2"]) or low, high
    if match["m1"] and not match["m2"] and high < 1000:
        return low, _amount(match["n2"], match["m1"]) or high
    if not match["m1"] and not match["m2"] and low < 1000 <= high and low * 1000 <= high:
        return low * 1000, high
    return low, high


def _period(text: str, match: re.Match[str]) -> str | None:
    """The period named after the figures, else anywhere in the text; LPA implies a year."""
    if any((match[m] or "").lower() == "lpa" for m in ("m1", "m2")):
        return "year"
    found = PERIOD.search(text, match.start()) or PERIOD.search(text)
    return found.lastgroup if found is not None else None


def _bare_period(high: float, match: re.Match[str], currency_written: bool) -> str | None:
    """No period named: K/M or 10,000+ is a year; <= 300 an hour, but only beside a currency
    sign, since a bare small number ("-1", "3") is rarely pay."""
    if match["m1"] or match["m2"] or high >= MIN_YEARLY:
        return "year"
    return "hour" if high <= MAX_HOURLY and currency_written else None
