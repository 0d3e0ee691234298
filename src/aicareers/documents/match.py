"""The match document: one resume against one job posting, as ``aicareers match --format
json`` prints it and ``POST /api/v1/match`` returns it.

Declared here once; the CLI and the page lay it out. Quotes point into the texts they came
from: ``posting_quote`` into the posting, ``resume_quote`` into the resume as read (the same
text an assessment's evidence points into).
"""

from __future__ import annotations

from ..postings.match import FitParts, Mention, PostingRead, Quote, SkillMatch
from ..postings.salary_text import Salary
from .catalog import View

__all__ = ["FitParts", "MatchReport", "Mention", "PostingRead", "Quote", "ResumeRead",
           "SkillMatch"]  # fmt: skip


class ResumeRead(View, frozen=True):
    """What the match used from the resume."""

    titles: tuple[str, ...]
    years_experience: float | None
    skills_found: int


class MatchReport(View, frozen=True):
    """The fit, its parts, each posting skill met or missing, and what to do about it."""

    fit: int
    # False: no skill the posting asks for could be read, so the fit (0) means nothing.
    measured: bool
    parts: FitParts
    posting: PostingRead
    pay: Salary | None
    resume: ResumeRead
    skills: tuple[SkillMatch, ...]  # must-haves first, then nice-to-haves, then duties
    missing_must: int
    missing_must_hours: int  # the learning paths' hours for the missing must-haves we know
    also_worth_mentioning: tuple[Mention, ...]
    suggestions: tuple[str, ...]
    notes: tuple[str, ...]
