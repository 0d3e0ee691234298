"""The person we assess: who they are today, as typed models (``build`` makes a Profile).

Every model is a frozen ``msgspec.Struct`` that checks its own values in ``__post_init__`` and
raises ``ProfileError`` with a message for the person, so a Profile that exists is a valid one
(also when decoded from JSON by the store or the API).
"""

from __future__ import annotations

import math
from typing import Literal, get_args

import msgspec

from aicareers.engine.profile import dates
from aicareers.engine.profile.countries import find_country
from aicareers.errors import ProfileError
from aicareers.knowledge.space import RIASEC_TYPES
from aicareers.knowledge.us_states import find_state

SectionKind = Literal[
    "experience", "skills", "education", "certifications", "summary", "projects", "other"
]
# Lowest to highest: the order matters (the highest level a person has is the one scored).
EducationLevel = Literal["secondary", "certificate", "associate", "bachelor", "master", "doctorate"]
EDUCATION_LEVELS: tuple[EducationLevel, ...] = get_args(EducationLevel)
InterestMethod = Literal["quiz", "scores"]
RIASEC = tuple(RIASEC_TYPES.values())  # the interest types by name, in RIASEC order
MAX_YEARS = 70.0
MAX_HOURS = 80.0


class Base(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Common base: immutable, keyword-only, unknown keys rejected."""


def _check_date(field: str, value: str | None) -> None:
    if value is not None and not dates.is_iso_month(value):
        raise ProfileError(field, f"Dates are written YYYY or YYYY-MM (got {value!r} for {field}).")


def _check_number(field: str, label: str, value: float | None, low: float, high: float) -> None:
    """Raise unless value is None or a finite number in [low, high]."""
    if value is None:
        return
    if not math.isfinite(value) or value < low:
        raise ProfileError(field, f"{label} must be a number of at least {low:g} (got {value!r}).")
    if value > high:
        raise ProfileError(
            field, f"{label} must be at most {high:g} (got {value:g}); check for a typo."
        )


class Position(Base, frozen=True):
    """A job someone holds or held, with the dates they gave."""

    title: str
    organization: str | None = None
    start: str | None = None
    end: str | None = None
    years: float | None = None
    current: bool = False

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise ProfileError("titles", "A job title cannot be empty.")
        _check_date("start", self.start)
        _check_date("end", self.end)
        if self.start and self.end and self.end[:7] < self.start[:7]:
            raise ProfileError(
                "titles", f"'{self.title}' ends ({self.end}) before it starts ({self.start})."
            )
        _check_number("titles", f"Years in '{self.title}'", self.years, 0, MAX_YEARS)


class Education(Base, frozen=True):
    """A degree, diploma or course of study."""

    institution: str | None = None
    degree: str | None = None
    field: str | None = None
    level: EducationLevel | None = None
    start: str | None = None
    end: str | None = None

    def __post_init__(self) -> None:
        # A level alone is an entry: the forms ask only for the highest level reached.
        if not any((self.institution, self.degree, self.field, self.level)):
            raise ProfileError(
                "education", "An education entry needs a school, degree, field or level."
            )
        _check_date("start", self.start)
        _check_date("end", self.end)


class Section(Base, frozen=True):
    """A part of ``text`` under one heading: [start, end) with the body from ``body_start``."""

    kind: SectionKind
    start: int
    body_start: int
    end: int
    heading: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.body_start <= self.end:
            raise ProfileError("sections", f"Bad section offsets {self.start}..{self.end}.")


class Location(Base, frozen=True):
    """Where the person lives: an ISO 3166-1 alpha-2 country code, a city as written and, in
    the U.S., the state's postal code (local pay comes by state)."""

    country: str | None = None
    city: str | None = None
    region: str | None = None

    def __post_init__(self) -> None:
        if self.country is not None and find_country(self.country) != self.country:
            raise ProfileError(
                "country", f"{self.country!r} is not an upper-case ISO country code like 'DE'."
            )
        if self.region is not None and (self.country != "US" or find_state(self.region)
                                        != self.region):  # fmt: skip
            raise ProfileError(
                "location", f"{self.region!r} is not the postal code of a U.S. state like 'OH'."
            )


class Interests(Base, frozen=True):
    """RIASEC (Holland) interest scores, each 0..1, and how they were obtained."""

    realistic: float
    investigative: float
    artistic: float
    social: float
    enterprising: float
    conventional: float
    method: InterestMethod

    def __post_init__(self) -> None:
        for name in RIASEC:
            _check_number("interests", f"The {name} score", getattr(self, name), 0.0, 1.0)

    def scores(self) -> dict[str, float]:
        """The six scores by type name, in RIASEC order."""
        return {name: float(getattr(self, name)) for name in RIASEC}

    def code(self, letters: int = 3) -> str:
        """The Holland code: the initials of the highest types, ties kept in RIASEC order."""
        ranked = sorted(RIASEC, key=lambda name: -getattr(self, name))
        return "".join(name[0].upper() for name in ranked[:letters])


class Profile(Base, frozen=True):
    """Everything we know about the person; offsets in ``sections`` refer to ``text``."""

    titles: tuple[Position, ...] = ()
    skills: tuple[str, ...] = ()
    # The skills the person typed as fields (also in ``skills``): claims in their own words,
    # unlike list items read from a document, which may be anything from "Typewriting" to
    # "Quick learning".
    typed_skills: tuple[str, ...] = ()
    text: str = ""
    sections: tuple[Section, ...] = ()
    years_experience: float | None = None
    education: tuple[Education, ...] = ()
    certifications: tuple[str, ...] = ()
    location: Location | None = None
    interests: Interests | None = None
    hours_per_week: float | None = None
    source: str | None = None
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_number("years_experience", "Years of experience", self.years_experience, 0,
                      MAX_YEARS)  # fmt: skip
        if self.hours_per_week is not None and self.hours_per_week <= 0:
            raise ProfileError(
                "hours_per_week",
                f"Hours per week must be more than 0 (got {self.hours_per_week:g}); "
                "give the hours you can spend on learning each week, for example 5.",
            )
        _check_number("hours_per_week", "Hours per week", self.hours_per_week, 0, MAX_HOURS)
        for section in self.sections:
            if section.end > len(self.text):
                raise ProfileError("sections", "A section ends after the end of the text.")

    def current_titles(self) -> tuple[str, ...]:
        """Titles of the positions marked current."""
        return tuple(p.title for p in self.titles if p.current)
