"""Turn what a person typed or uploaded into a Profile: shared by the CLI, web and batch.

Adapters pass raw values (file bytes, flag strings); parsing and validation live here and in
the engine, so every adapter reports bad input with the same words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..engine.plans.model import DEFAULT_HOURS_PER_WEEK
from ..engine.profile.build import build_profile
from ..engine.profile.interests import QUIZ, RATING_LABELS, interests_from_scores
from ..engine.profile.model import (
    EDUCATION_LEVELS,
    Education,
    EducationLevel,
    Interests,
    Location,
    Profile,
)
from ..errors import Hint, ProfileError
from ..knowledge.space import RIASEC_TYPES

if TYPE_CHECKING:
    from ..engine.profile.documents.model import Document

# What the forms of every adapter offer: the levels, the quiz and its answers, the interest
# types, the default pace.
__all__ = [
    "DEFAULT_HOURS_PER_WEEK", "EDUCATION_LEVELS", "QUIZ", "RATING_LABELS", "RIASEC_TYPES",
    "parse_interests", "parse_location", "parse_quiz", "profile_from_inputs", "split_skills",
]  # fmt: skip
# Where the quiz's statements are listed in their order.
QUIZ_HINT = Hint(
    "see the statements in their order",
    command="aicareers interests quiz",
    page="/assess?quiz=1#quiz",
)


def split_skills(text: str | None) -> list[str]:
    """``"Python, SQL; dashboards"`` -> ``["Python", "SQL", "dashboards"]``."""
    return [part.strip() for part in re.split(r"[,;\n]", text or "") if part.strip()]


def parse_location(text: str | None) -> Location | None:
    """``"Berlin, Germany"``, ``"Columbus, OH"``, ``"Texas"``: country, U.S. state and city."""
    from ..engine.profile.places import read_place

    return read_place(text)


def parse_interests(text: str | None) -> Interests | None:
    """``"R=2,I=6,A=3,S=4,E=5,C=3"`` on O*NET's 1-7 scale."""
    if not text:
        return None
    scores: dict[str, float] = {}
    for part in split_skills(text):
        key, sep, value = part.partition("=")
        try:
            scores[key.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise ProfileError(
                "interests",
                f"Could not read '{part}'. Give six scores from 1 to 7 like "
                "R=2,I=6,A=3,S=4,E=5,C=3 (Realistic, Investigative, Artistic, Social, "
                "Enterprising, Conventional).",
            )
    return interests_from_scores(scores, scale=(1.0, 7.0))


def parse_quiz(text: str | None) -> Interests | None:
    """Twelve 1-5 ratings of the interests quiz, in its order: ``"4,2,5,..."``."""
    if not text:
        return None
    from ..engine.profile.interests import score_quiz

    try:
        ratings = [int(part) for part in split_skills(text)]
    except ValueError:
        raise ProfileError(
            "quiz",
            f"Could not read the quiz answers '{text}'. Give twelve whole numbers from 1 to 5, "
            "comma separated, in the order the quiz lists its statements.",
            QUIZ_HINT,
        ) from None
    return score_quiz(ratings)


def profile_from_inputs(
    data: bytes | None = None,
    filename: str | None = None,
    *,
    title: str | None = None,
    past_titles: Sequence[str] = (),
    skills: str | Sequence[str] | None = None,
    years: float | None = None,
    location: str | None = None,
    education: str | None = None,
    interests: str | None = None,
    quiz: str | None = None,
    hours_per_week: float | None = None,
    read: Callable[[bytes, str | None], Document] | None = None,
) -> Profile:
    """A validated Profile from a resume file's bytes and/or typed fields.

    ``read`` reads the bytes (default: ``read_document`` in this process; the web passes the
    reader pool's, so that a hostile file cannot hold the server).
    """
    from ..engine.profile.documents import read_document

    document = (read or read_document)(data, filename) if data is not None else None
    place = parse_location(location)
    listed = split_skills(skills) if isinstance(skills, str) or skills is None else list(skills)
    degrees = (Education(level=_level(education)),) if education else ()
    return build_profile(
        document,
        title=title,
        past_titles=past_titles,
        skills=listed,
        years_experience=years,
        country=place.country if place else None,
        city=place.city if place else None,
        region=place.region if place else None,
        education=degrees,
        interests=parse_interests(interests) or parse_quiz(quiz),
        hours_per_week=hours_per_week,
    )


def _level(value: str) -> EducationLevel:
    for level in EDUCATION_LEVELS:
        if value.strip().lower() == level:
            return level
    raise ProfileError(
        "education",
        f"Unknown education level '{value}'. Use one of: {', '.join(EDUCATION_LEVELS)}.",
    )
