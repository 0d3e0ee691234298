"""Education entries: the level a degree name stands for, and entries read from resume lines."""

from __future__ import annotations

import re

from aicareers.engine.profile.dates import find_date_range
from aicareers.engine.profile.documents.normalize import trim_separators
from aicareers.engine.profile.model import Education, EducationLevel

# Checked in order, so 'Master of Business Administration' is a master before anything else.
_LEVELS: tuple[tuple[EducationLevel, tuple[str, ...]], ...] = (
    ("doctorate", ("phd", "doctorate", "doctor of", "dphil", "edd", "dnp", "pharmd")),
    ("master", ("master", "msc", "mba", "meng", "mres", "mphil", "ma", "ms", "msn", "mph", "llm")),
    ("bachelor", ("bachelor", "bsc", "ba", "bs", "beng", "bsn", "bba", "llb", "bfa", "bcom")),
    ("associate", ("associate", "aas", "aa", "as degree", "adn")),
    ("certificate", ("certificate", "diploma", "hnd", "hnc", "nvq", "bootcamp")),
    ("secondary", ("high school", "a levels", "gcse", "secondary school", "ged", "abitur")),
)  # fmt: skip
_INSTITUTION = re.compile(
    r"\b(?:universit(?:y|ies|é|ät|at|ad|à)|college|school|institute|academy|polytechnic|"
    r"hochschule|école|ecole|conservatory|seminary)\b",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s+(?:\u2014|\u2013|-|\||@|at)\s+|,\s+")
_YEAR = re.compile(r"\(?\b((?:19|20)\d\d)\b\)?")


def _key(text: str) -> str:
    """Lower-case words with dots dropped, so 'B.Sc.' and 'BSc' read the same."""
    return " " + " ".join(re.sub(r"[^a-z ]+", " ", text.lower().replace(".", "")).split()) + " "


def education_level(degree: str) -> EducationLevel | None:
    """The level a degree name stands for ('MSc Data Science' -> 'master'), or None."""
    key = _key(degree)
    for level, words in _LEVELS:
        if any(f" {word} " in key or key.startswith(f" {word}") for word in words):
            return level
    return None


def _is_degree(text: str) -> bool:
    return education_level(text) is not None


def education_from_line(line: str, neighbour: str | None = None) -> Education | None:
    """An Education from a resume line naming a degree; the neighbour line may name the school."""
    if not _is_degree(line) and not _INSTITUTION.search(line):
        return None
    start, end, line = _dates(line)
    parts = [trim_separators(p) for p in _SPLIT.split(line)]
    parts = [p for p in parts if p]
    degree = next((p for p in parts if _is_degree(p)), None)
    school = next((p for p in parts if _INSTITUTION.search(p) and p != degree), None)
    if school is None and neighbour and _INSTITUTION.search(neighbour):
        school = neighbour.strip()
    if school is None and degree is not None and len(parts) > 1:
        school = next(p for p in parts if p != degree)
    if degree is None and school is None:
        return None
    field = None
    if degree and " in " in degree:
        degree, field = (part.strip() for part in degree.split(" in ", 1))
    level = education_level(degree) if degree else None
    return Education(
        institution=school, degree=degree, field=field, level=level, start=start, end=end
    )


def _dates(line: str) -> tuple[str | None, str | None, str]:
    """(start, end, rest of line): a range, or a lone year taken as the year it ended."""
    found = find_date_range(line)
    if found is not None:
        return found.start, found.end, line[: found.span[0]] + line[found.span[1] :]
    year = _YEAR.search(line)
    if year is not None:
        return None, year.group(1), line[: year.start()] + line[year.end() :]
    return None, None, line
