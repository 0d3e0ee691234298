"""The shapes of a scoring: what the scorer knows about a person, and one career's fit.

Kept apart from ``scoring`` (the arithmetic) and ``explain`` (the sentence), which both use
them, so that neither imports the other's module for its types.
"""

from __future__ import annotations

import msgspec

from ..evidence import BackgroundMatch, OccupationMatch, SkillEvidence

__all__ = ["CareerScore", "MissingSkill", "Signals"]


class Signals(msgspec.Struct, frozen=True, kw_only=True):
    """Everything the scorer knows about a person, already extracted."""

    skills: dict[str, SkillEvidence]
    # Whether the person gave anything skills could be read from (text or a skills list).
    skills_read: bool = True
    occupations: tuple[OccupationMatch, ...] = ()
    backgrounds: tuple[BackgroundMatch, ...] = ()
    interests: dict[str, float] | None = None
    years: float | None = None
    education: str | None = None


class MissingSkill(msgspec.Struct, frozen=True, kw_only=True):
    """A skill the career needs and the person does not show yet."""

    skill: str
    name: str
    importance: int
    level: int


class CareerScore(msgspec.Struct, frozen=True, kw_only=True):
    """One career's fit: total, components, evidence, gaps and a plain reason."""

    id: str
    title: str
    score: int
    components: dict[str, int | None]
    matched: tuple[SkillEvidence, ...]
    missing: tuple[MissingSkill, ...]
    backgrounds: tuple[str, ...]
    reason: str
    # For ordering only: the unrounded 0-1 total and the importance of the skills shown.
    exact: float = 0.0
    skills_weight: int = 0
