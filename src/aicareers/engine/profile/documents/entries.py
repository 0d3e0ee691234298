"""Structured fields read from the sections of a plain-text resume.

These are heuristics over common layouts; anything they miss is still in ``text`` for the
skill extractor and title coder, which work on the words themselves.
"""

from __future__ import annotations

import re

import msgspec

from aicareers.engine.profile.dates import find_date_range
from aicareers.engine.profile.documents.durations import stated_least_years, stated_total_years
from aicareers.engine.profile.documents.education import education_from_line
from aicareers.engine.profile.documents.jobs import read_jobs
from aicareers.engine.profile.documents.model import Fields
from aicareers.engine.profile.documents.normalize import trim_separators
from aicareers.engine.profile.documents.sections import section_text
from aicareers.engine.profile.model import Education, Position, Section

_BULLET = re.compile(r"^(?:[-*+>\u2013\u2014](?=\s)|[•·▪◦●○■□►▸➢✓✔]|\d{1,2}[.)](?=\s))\s*")
_LABEL = re.compile(r"^[*_]*([A-Za-z][\w &/'-]{0,40}?)[*_]*\s*:[*_]*\s+")
_SEPARATORS = ",;|•·▪"
# A year at the end of a certification line is when it was earned, not part of its name.
_TRAILING_YEAR = re.compile(r"[\s,(\u2013-]*\b(?:19|20)\d\d\)?\s*$")
_MAX_SKILL_WORDS = 6
# How long a skill was used, written after it: 'Python - 3 years', 'TALLY- Exprience - 60 months'.
_SKILL_DURATION = re.compile(
    r"\s*[-:(]?\s*(?:exp(?:e?rience|rience)\s*[-:]\s*)?(?:less\s+than\s+\d+\s+years?"
    r"|\d{1,3}(?:\.\d)?\s*\+?\s*(?:months?|years?|yrs?))(?:\s*months)?\)?\s*$",
    re.IGNORECASE,
)
_MAX_TITLE_WORDS = 10
_TITLE_SPLIT = re.compile(r"\s+(?:at|@|\u2014|\u2013|-|\|)\s+|,\s+")


def strip_bullet(line: str) -> str:
    """A line without its leading bullet or list number."""
    return _BULLET.sub("", line.strip()).strip()


def _split_outside_parens(text: str) -> list[str]:
    """Split on list separators, but not inside parentheses: 'Python (pandas, NumPy)' stays."""
    items: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        depth += (char in "([") - (char in ")]")
        if char in _SEPARATORS and depth <= 0:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return items


def skills_from_body(body: str) -> list[str]:
    """Skill names in a skills section, as written: bullets, commas, 'Label: a, b' lines."""
    found: list[str] = []
    for raw in body.split("\n"):
        line = strip_bullet(raw)
        label = _LABEL.match(line)
        if label is not None:
            line = line[label.end() :]
        for item in _split_outside_parens(line):
            cleaned = _SKILL_DURATION.sub("", item).strip(" *_.\t-")
            if cleaned and len(cleaned.split()) <= _MAX_SKILL_WORDS and len(cleaned) <= 60:
                found.append(cleaned)
    return found


def certifications_from_body(body: str) -> list[str]:
    """One certification per non-empty line of a certifications section."""
    lines = (
        trim_separators(_TRAILING_YEAR.sub("", strip_bullet(line))) for line in body.split("\n")
    )
    return [line for line in lines if line and len(line) <= 150]


def _split_title(text: str) -> tuple[str, str | None]:
    """'Nurse at St Mary's' -> ('Nurse', "St Mary's"); the first separator found wins."""
    parts = _TITLE_SPLIT.split(text, maxsplit=1)
    title = trim_separators(parts[0])
    organization = trim_separators(parts[1]) if len(parts) > 1 else ""
    return title, organization or None


def _could_be_title(line: str) -> bool:
    """A short line that is not a bullet, a sentence or a dated line."""
    return (
        bool(line)
        and _BULLET.match(line) is None
        and not line.endswith(".")
        and len(line.split()) <= _MAX_TITLE_WORDS
        and find_date_range(line) is None
    )


def positions_from_body(body: str) -> list[Position]:
    """Positions from an experience section: each line with a date range starts one.

    Handles 'Title, Org, 2019 - Present', and a title line followed by 'Org | Jan 2019 - 2021'.
    """
    lines = [line.strip() for line in body.split("\n")]
    positions: list[Position] = []
    for index, line in enumerate(lines):
        found = find_date_range(line)
        if found is None or _BULLET.match(line):
            continue
        rest = trim_separators(line[: found.span[0]] + " " + line[found.span[1] :])
        previous = lines[index - 1] if index > 0 else ""
        if _could_be_title(previous):
            title, organization = _split_title(previous)
            organization = organization or rest or None
        elif rest:
            title, organization = _split_title(rest)
        else:
            continue
        if title:
            positions.append(make_position(title, organization, found.start, found.end,
                                           found.current))  # fmt: skip
    return positions


def make_position(
    title: str, organization: str | None, start: str | None, end: str | None, current: bool
) -> Position:
    """A Position from document values; dates that end before they start are dropped.

    A document is not the person at the keyboard: a typo in an old resume should cost the
    dates of one job, not the whole upload.
    """
    if start and end and end[:7] < start[:7]:
        start = end = None
    return Position(title=title, organization=organization, start=start, end=end, current=current)


def education_from_body(body: str) -> list[Education]:
    """Education entries from an education section, one per line that names a degree."""
    lines = [strip_bullet(line) for line in body.split("\n")]
    entries: list[Education] = []
    for index, line in enumerate(lines):
        neighbour = lines[index + 1] if index + 1 < len(lines) else None
        entry = education_from_line(line, neighbour) if line else None
        if entry is None or _repeats_school(entries, entry):
            continue
        last = entries[-1] if entries else None
        if last and last.degree is None and entry.institution is None:  # school line, then degree
            entries[-1] = msgspec.structs.replace(entry, institution=last.institution)
        else:
            entries.append(entry)
    return entries


def _repeats_school(entries: list[Education], entry: Education) -> bool:
    """True for a school-only line already used as the school of the entry above."""
    return entry.degree is None and any(e.institution == entry.institution for e in entries)


def extract_fields(text: str, sections: tuple[Section, ...]) -> Fields:
    """Positions, skills, education, certifications and experience read from text."""
    fields = Fields()
    positions, fields.work_spans = read_jobs(text, sections)
    fields.positions.extend(positions)
    fields.stated_years = stated_total_years(text)
    fields.least_years = stated_least_years(text)
    for section in sections:
        body = section_text(text, section)
        if section.kind == "skills":
            fields.skills.extend(skills_from_body(body))
        elif section.kind == "education":
            fields.education.extend(education_from_body(body))
        elif section.kind == "certifications":
            fields.certifications.extend(certifications_from_body(body))
    return fields
