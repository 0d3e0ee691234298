"""The shapes of the guide's other parts: one skill in full, emerging specializations, the
challenges of a switch, and real pay by experience level beside the guide's bands.

Like ``documents.catalog``, each view is a msgspec Struct whose fields are the JSON contract:
the API prints ``msgspec.to_builtins(view)``, the pages lay the same fields out.
"""

from __future__ import annotations

from .catalog import BandsView, Link, Ref, SourceRef, View


class SkillNeed(View, frozen=True):
    """A career that needs the skill: how central it is there and how well it must be mastered,
    each from 1 to 5 (the career space's judgement, not the guide's)."""

    career: Ref
    importance: int
    level: int
    key_skill: bool  # the guide names it among the career's key skills


class LearningView(View, frozen=True):
    """How to learn a skill to working level, from nothing: our estimate and our advice."""

    hours: int
    resources: tuple[Link, ...]
    practice: str
    prerequisites: tuple[Ref, ...]
    first_step: str | None
    first_step_hours: int | None


class SkillPage(View, frozen=True):
    """Everything about one skill: where it is needed and how to learn it."""

    id: str
    name: str
    category: str
    description: str
    aliases: tuple[str, ...]
    needed_by: tuple[SkillNeed, ...]  # most important first
    essential_groups: tuple[Ref, ...]
    trends: tuple[str, ...]  # the capabilities on the rise it belongs to
    learning: LearningView | None


class EmergingView(View, frozen=True):
    """A specialization the guide expects to grow."""

    id: str
    name: str
    description: str
    sources: tuple[SourceRef, ...]


class ChallengeView(View, frozen=True):
    """A common obstacle in a switch to AI, and ways past it."""

    id: str
    name: str
    problem: str
    remedies: tuple[str, ...]


class LevelPay(View, frozen=True):
    """Real yearly pay at one experience level, from the salary data (US dollars; every figure
    None when too few salaries were reported to show)."""

    key: str
    label: str
    n: int
    p10: float | None
    p25: float | None
    p50: float | None
    p75: float | None
    p90: float | None
    suppressed: bool


class MarketLevels(View, frozen=True):
    """Real pay by level across all AI jobs in the salary data, and where it comes from."""

    levels: tuple[LevelPay, ...]
    source: str
    url: str
    license: str
    rows: int


class BandsPage(View, frozen=True):
    """The guide's pay bands, the date they are from, and real pay by level where the salary
    data is installed (None otherwise)."""

    published: str  # ISO date of the guide
    bands: BandsView
    market: MarketLevels | None
