"""The occupation documents: a job title coded to O*NET-SOC, and occupations alike in content.

What ``aicareers occupations code|similar|list`` print as JSON and the API returns.
"""

from __future__ import annotations

from .assessment import Occupation
from .catalog import View


class TitleCoding(View, frozen=True):
    """A job title as written, how we read it, and the occupations it most likely names."""

    title: str
    normalised: str
    occupations: tuple[Occupation, ...]


class SimilarOccupation(View, frozen=True):
    """An occupation alike in content, with its similarity (0-1)."""

    code: str
    title: str
    score: float


class RelatedOccupation(View, frozen=True):
    """An occupation on O*NET's own related list, with O*NET's tier and order."""

    code: str
    title: str
    tier: str
    index: int


class SimilarOccupations(View, frozen=True, omit_defaults=True):
    """One occupation and either ours (``similar``) or O*NET's list (``related``), labelled."""

    code: str
    title: str
    source: str
    similar: tuple[SimilarOccupation, ...] | None = None
    related: tuple[RelatedOccupation, ...] | None = None


class NeighbourLine(View, frozen=True, omit_defaults=True):
    """One line of ``occupations similar --all``: an occupation and the codes of its list."""

    code: str
    similar: tuple[str, ...] | None = None
    related: tuple[str, ...] | None = None


class OccupationEntry(View, frozen=True):
    """An O*NET-SOC code and its title."""

    code: str
    title: str
