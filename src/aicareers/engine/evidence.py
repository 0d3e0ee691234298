"""What the engine found in a person's words: skills, occupations and backgrounds, with spans.

These small types are shared by extraction, title coding and scoring so that each stage can be
tested alone and the scorer never needs to know how a signal was found.
"""

from __future__ import annotations

import msgspec


class Span(msgspec.Struct, frozen=True, kw_only=True):
    """A quote from the person's text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


class SkillEvidence(msgspec.Struct, frozen=True, kw_only=True):
    """A project skill the person shows, how sure we are, and where it shows."""

    skill: str
    name: str
    confidence: float
    evidence: tuple[Span, ...] = ()
    how: str = "text"


class OccupationMatch(msgspec.Struct, frozen=True, kw_only=True):
    """An O*NET occupation the person's job titles point to."""

    code: str
    title: str
    confidence: float
    from_title: str = ""


class BackgroundMatch(msgspec.Struct, frozen=True, kw_only=True):
    """A prior-career background (see backgrounds.yaml) the person has."""

    background: str
    name: str
    confidence: float
    evidence: tuple[Span, ...] = ()
    how: str = "title"
