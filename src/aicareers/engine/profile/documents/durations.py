"""Years of experience stated in words: '3+ years of experience', 'Total Experience: 5 years',
'Exprience - 24 months', 'Duration: 6 months', 'less than 1 year'.

Two kinds: a statement of the whole ('12 years of experience in banking') and a lower bound (a
skill used for 24 months, a project of 6 months). The Profile prefers dated positions; these
fill in when a resume gives no ranges, and a stated total also corrects ranges that cover only
the latest jobs.
"""

from __future__ import annotations

import re

_NUMBER = r"(?P<n>\d{1,3}(?:\.\d{1,2})?)\s*\+?\s*(?P<unit>years?|yrs?|months?)"
_MORE = r"(?:\s*(?:and\s+)?(?P<m>\d{1,2})\s*months?)?"
_ABOUT = r"(?:(?:over|around|about|nearly|almost|approx\.?|approximately|more\s+than)\s+)?"
# '5 years of experience', '3+ yrs of IT experience', '10 years' professional experience'.
_TOTAL = (
    re.compile(
        rf"\b{_NUMBER}{_MORE}(?:'|\u2019)?\s+(?:of\s+)?(?:[A-Za-z&/+#.-]+\s+){{0,3}}?"
        r"(?:experience|exp\b)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:total\s+)?(?:work\s+|professional\s+|relevant\s+)?experience\s*(?::\s*|of\s+)"
        rf"{_ABOUT}{_NUMBER}{_MORE}",
        re.IGNORECASE,
    ),
)
# Lower bounds: a per-skill experience line of job-site exports (misspelt as they write it),
# a labelled duration, and 'less than 1 year'.
_BOUND = (
    re.compile(
        rf"\b(?:exp(?:e?rience|rience)?|duration|period|tenure)\s*[:\-]\s*{_ABOUT}{_NUMBER}{_MORE}",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:exp(?:e?rience|rience)?)\s*[:\-]\s*(?P<less>less\s+than\s+(?:1|one|a)\s+year)",
        re.IGNORECASE,
    ),
)
_MAX_YEARS = 60.0  # "120 months" is 10 years; "120 years" is a typo, dropped


def _years(match: re.Match[str]) -> float | None:
    if match.groupdict().get("less"):
        return 0.5  # 'less than a year': half a year is the middle of what it allows
    value = float(match["n"])
    if match["unit"].lower().startswith("m"):
        value /= 12
    elif match["m"]:
        value += int(match["m"]) / 12
    return round(value, 1) if 0 < value <= _MAX_YEARS else None


def stated_total_years(text: str) -> float | None:
    """The largest total of years of experience the text states, or None."""
    found = [y for p in _TOTAL for y in map(_years, p.finditer(text)) if y is not None]
    return max(found) if found else None


def stated_least_years(text: str) -> float | None:
    """The largest lower bound on experience the text states (a skill's or a job's duration)."""
    found = [y for p in _BOUND for y in map(_years, p.finditer(text)) if y is not None]
    return max(found) if found else None
