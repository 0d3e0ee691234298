"""How sure an assessment is, in one line, and what would sharpen it; what a score means.

The certainty is counted from what was read, not from the scores: a job title (or work coded to
an occupation with confidence), skills named in the person's own words, years of work,
education, and interests they gave. Each adapter shows ``Reading.summary`` as it is.
"""

from __future__ import annotations

from typing import Literal

from ..engine.assessment.assess import Assessment as EngineResult
from ..engine.profile.model import Profile
from .catalog import View

Certainty = Literal["high", "medium", "low"]

# What 30, 60 and 90 mean, shown beside every ranking (CLI, page, Markdown).
SCORE_LEGEND = (
    "What a score means: about 90, you already do much of this work; about 60, a solid base "
    "with a few gaps to close; about 30, some overlap, with most of the role still to learn."
)
CONFIDENT_OCCUPATION = 0.5
ENOUGH_SKILLS = 5
WORDS: dict[Certainty, str] = {
    "high": "quite sure", "medium": "fairly sure", "low": "not very sure",
}  # fmt: skip


class Reading(View, frozen=True):
    """How sure the ranking is (high, medium, low) and one line that says why and what helps."""

    certainty: Certainty
    summary: str


def _points(profile: Profile, result: EngineResult) -> tuple[int, list[str], list[str]]:
    """Points for what was read, the phrases that say so, and what would add more."""
    # Skills named in the person's words, or listed by them (a skills section, a typed field)
    # even where none is one of our own 85: a civil engineer's AutoCAD and surveying count.
    named = max(sum(1 for s in result.skills if s.how == "named"), len(profile.skills))
    shown = max(len(result.skills), len(profile.skills))
    best = max((o.confidence for o in result.occupations), default=0.0)
    # A title read but coded only vaguely ("Sr. Executive - Projects") is half a reading.
    job = 2 if best >= CONFIDENT_OCCUPATION else int(bool(profile.titles or result.occupations))
    skills = 2 if named >= ENOUGH_SKILLS else int(bool(shown))
    read, more = [], []
    count = len(profile.titles)
    if count:
        read.append("your job title" if count == 1 else f"{count} job titles")
    elif result.occupations:
        read.append("the kind of work you describe")
    if job < 2:
        more.append("adding your current job title" if not count else "naming your job plainly")
    if shown:
        read.append(f"{shown} skill" + ("s" if shown != 1 else ""))
    if skills < 2:
        more.append("listing the skills you use most")
    if profile.years_experience is not None:
        read.append(f"{profile.years_experience:g} years of work")
    else:
        more.append("saying how many years you have worked")
    if profile.interests is None:
        more.append("answering the twelve interest questions")
    extra = int(profile.years_experience is not None) + int(bool(profile.education))
    return job + skills + extra + int(profile.interests is not None), read, more


def reading_of(profile: Profile, result: EngineResult) -> Reading:
    """The certainty of one assessment and its one-line summary."""
    points, read, more = _points(profile, result)
    certainty: Certainty = "high" if points >= 5 else "medium" if points >= 3 else "low"
    said = ", ".join(read[:-1]) + f" and {read[-1]}" if len(read) > 1 else "".join(read)
    line = f"How sure this ranking is: {WORDS[certainty]}"
    line += f". We read {said}" if said else ""
    if more:
        line += "; " + " and ".join(more[:2]) + " would sharpen it"
    return Reading(certainty=certainty, summary=line + ".")
