"""Education entries: the level a degree name stands for, and entries read from resume lines."""

from __future__ import annotations

import re

from aicareers.engine.profile.dates import find_date, find_date_range
from aicareers.engine.profile.documents.normalize import trim_separators
from aicareers.engine.profile.documents.titles import looks_like_title
from aicareers.engine.profile.model import Education, EducationLevel

# Checked in order, so 'Master of Business Administration' is a master before anything else.
_LEVELS: tuple[tuple[EducationLevel, tuple[str, ...]], ...] = (
    ("doctorate", ("phd", "doctorate", "doctor of", "dphil", "edd", "dnp", "pharmd")),
    ("master", ("master", "msc", "mba", "meng", "mres", "mphil", "ma", "ms", "msn", "mph", "llm",
                "mca", "mtech", "m tech", "mcom", "pgdm", "mpharm", "mba")),
    ("bachelor", ("bachelor", "bsc", "ba", "bs", "beng", "bsn", "bba", "llb", "bfa", "bcom",
                  "btech", "b tech", "bca", "be", "bpharm", "mbbs", "bds", "barch", "bms")),
    # 'Associate' alone is a job title ('Sales Associate'); the degree says which it is.
    ("associate", ("associate degree", "associate of", "associates", "associate s", "aas", "aa",
                   "as degree", "adn")),
    ("certificate", ("certificate", "diploma", "hnd", "hnc", "nvq", "bootcamp")),
    ("secondary", ("high school", "a levels", "gcse", "secondary school", "ged", "abitur", "hsc",
                   "ssc", "sslc", "higher secondary", "secondary education")),
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
        # A prefix counts only for long words ('Masters', 'Bachelors'), never for 'MA' or 'BA'.
        if any(f" {word} " in key or (len(word) > 4 and f" {word}" in key) for word in words):
            return level
    return None


def _is_degree(text: str) -> bool:
    return education_level(text) is not None


def education_from_line(line: str, neighbour: str | None = None) -> Education | None:
    """An Education from a resume line naming a degree; the neighbour line may name the school."""
    if not _is_degree(line) and not _INSTITUTION.search(line):
        return None
    if looks_like_title(line) and not _INSTITUTION.search(line):
        return None  # 'Data Science Associate' under the education heading is a job
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
    field = field or field_of_study(line)
    level = education_level(degree) if degree else None
    return Education(
        institution=school, degree=degree, field=field, level=level, start=start, end=end
    )


# Common fields of study, longest first, and abbreviations that stand for them on resumes.
_FIELDS = sorted(
    (
        "computer science", "computer engineering", "computer applications",
        "computer application", "information technology", "software engineering",
        "electronics and telecommunication", "electronics and communication", "electronics",
        "electrical and electronics engineering", "electrical engineering", "electrical",
        "mechanical engineering", "mechanical", "civil engineering", "civil",
        "chemical engineering", "chemistry", "physics", "mathematics", "statistics",
        "biology", "biotechnology", "commerce", "economics", "business administration",
        "business management", "management", "finance", "accounting", "accountancy",
        "marketing", "human resources", "human resource management", "law", "laws",
        "fine arts", "arts", "nursing", "pharmacy", "medicine", "psychology", "sociology",
        "english", "history", "political science", "education", "hotel management",
        "hospitality management", "fashion design", "architecture", "data science",
        "journalism", "mass communication", "agriculture", "physical education",
        "sports science", "nutrition", "automobile engineering", "production engineering",
        "instrumentation", "aeronautical engineering", "industrial engineering",
    ),
    key=len,
    reverse=True,
)  # fmt: skip
_FIELD = re.compile(r"\b(" + "|".join(map(re.escape, _FIELDS)) + r")\b", re.IGNORECASE)
_FIELD_ABBREVIATIONS = {
    "CSE": "computer science", "CS": "computer science", "IT": "information technology",
    "EXTC": "electronics and telecommunication", "ECE": "electronics and communication",
    "EEE": "electrical and electronics engineering", "EE": "electrical engineering",
    "ME": "mechanical engineering", "CE": "civil engineering",
}  # fmt: skip
_ABBREVIATION = re.compile(r"\b(" + "|".join(_FIELD_ABBREVIATIONS) + r")\b")


def field_of_study(line: str) -> str | None:
    """The field a degree line names ('B.E CSE' -> 'computer science'), or None."""
    found = _FIELD.search(line)
    if found is not None:
        return found.group(1).lower()
    abbreviation = _ABBREVIATION.search(line)
    return _FIELD_ABBREVIATIONS[abbreviation.group(1)] if abbreviation else None


def _dates(line: str) -> tuple[str | None, str | None, str]:
    """(start, end, rest of line): a range, or a lone year taken as the year it ended."""
    found = find_date_range(line)
    if found is not None:
        return found.start, found.end, line[: found.span[0]] + line[found.span[1] :]
    single = find_date(line)
    if single is not None:
        (start, end), date = single
        return None, date, line[:start] + line[end:]
    return None, None, line
