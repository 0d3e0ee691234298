"""Pay where the person lives, as an assessment shows it: their occupations today beside the
occupations each top career grows from, in their state, and the difference.

Figures are yearly U.S. dollars before tax from the BLS wage survey (OEWS) for U.S. places;
elsewhere the survey does not apply and the AI job-title salaries of the person's country
stand in. ``None`` means "not published", never 0.
"""

from __future__ import annotations

from .catalog import View


class OccupationHere(View, frozen=True):
    """One of the person's occupations today with its pay in their area (and nationally)."""

    code: str
    title: str
    p25: int | None
    median: int | None
    p75: int | None
    employment: int | None
    national_median: int | None


class CareerHere(View, frozen=True):
    """A top career: its base occupations' pay in the area, and the AI job-title salaries."""

    id: str
    title: str
    low: float | None  # the base occupations' 25th to 75th percentile, weighted
    median: float | None
    high: float | None
    difference: float | None  # ``median`` minus the person's occupations' median
    ai_jobs_median: float | None
    ai_jobs_n: int
    ai_jobs_area: str


class LocalPay(View, frozen=True):
    """Local pay for one assessment: where, today's occupations, the careers, and the sources."""

    area: str  # a U.S. state's postal code, "US", or another country's ISO code
    area_name: str
    abroad: bool
    current: tuple[OccupationHere, ...]
    current_median: float | None  # today's occupations' medians averaged by confidence
    careers: tuple[CareerHere, ...]
    # Abroad: every AI job title's salaries in the country, the baseline when a career has few.
    country_ai_jobs_median: float | None
    country_ai_jobs_n: int
    notes: tuple[str, ...]
    source: str
    date: str
