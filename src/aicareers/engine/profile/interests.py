"""Interests on the RIASEC (Holland) model: a 12-item quiz, and scores given directly.

The quiz is ours: two plain activity statements per type, each rated 1 (dislike a lot) to 5
(enjoy a lot). A type's score is its two ratings rescaled to 0..1.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import msgspec

from aicareers.engine.profile.model import RIASEC, Interests
from aicareers.errors import ProfileError

RATING_LABELS = {1: "dislike a lot", 2: "dislike", 3: "not sure", 4: "like", 5: "enjoy a lot"}


class QuizItem(msgspec.Struct, frozen=True, kw_only=True):
    """One quiz statement: an id like 'R1', its RIASEC type, and the activity."""

    id: str
    type: str
    statement: str


QUIZ: tuple[QuizItem, ...] = tuple(
    QuizItem(id=item_id, type=RIASEC["RIASEC".index(item_id[0])], statement=statement)
    for item_id, statement in (
        ("R1", "Repair or put together equipment, furniture or machines."),
        ("R2", "Work outdoors with tools, plants or animals."),
        ("I1", "Work out why an experiment or a system gave an unexpected result."),
        ("I2", "Read about new findings in science or technology."),
        ("A1", "Design a poster, a web page or the look of a room."),
        ("A2", "Write stories, music or scripts."),
        ("S1", "Teach someone a new skill, step by step."),
        ("S2", "Help a person through a personal or health problem."),
        ("E1", "Persuade a group to back your idea."),
        ("E2", "Start and run a small business or project."),
        ("C1", "Keep records, budgets or stock lists accurate and tidy."),
        ("C2", "Follow a detailed procedure to get a task exactly right."),
    )
)
_NAMES = {name: name for name in RIASEC} | {name[0]: name for name in RIASEC}


def _rating(item_id: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ProfileError(
            "interests",
            f"Quiz answer {item_id} must be a whole number from 1 to 5 (got {value!r}).",
        )
    return value


def score_quiz(answers: Mapping[str, int] | Sequence[int]) -> Interests:
    """Interests from quiz ratings, given in QUIZ order or as {item id: rating}."""
    if isinstance(answers, Mapping):
        by_id = {str(k).strip().upper(): v for k, v in answers.items()}
    else:
        if len(answers) != len(QUIZ):
            raise ProfileError(
                "interests", f"The quiz has {len(QUIZ)} items; got {len(answers)} answers."
            )
        by_id = {item.id: value for item, value in zip(QUIZ, answers, strict=True)}
    unknown = sorted(set(by_id) - {item.id for item in QUIZ})
    missing = [item.id for item in QUIZ if item.id not in by_id]
    if unknown or missing:
        parts = [f"unknown items: {', '.join(unknown)}"] if unknown else []
        parts += [f"unanswered: {', '.join(missing)}"] if missing else []
        raise ProfileError(
            "interests", f"Answer each of the 12 quiz items once ({'; '.join(parts)})."
        )
    totals = dict.fromkeys(RIASEC, 0)
    for item in QUIZ:
        totals[item.type] += _rating(item.id, by_id[item.id])
    # Two items of 1..5 give 2..10 per type; rescale so 'dislike a lot' twice is 0.
    return Interests(**{name: (total - 2) / 8 for name, total in totals.items()}, method="quiz")


def interests_from_scores(
    scores: Mapping[str, float], scale: tuple[float, float] = (0.0, 1.0)
) -> Interests:
    """Interests from six scores keyed by letter (R, I, ...) or name, rescaled from ``scale``.

    Pass the scale the scores were reported on, e.g. (1, 7) for O*NET occupation interest
    profiles; values outside it are refused rather than clipped.
    """
    low, high = scale
    if not high > low:
        raise ProfileError("interests", f"The score scale {scale} must run from low to high.")
    named: dict[str, float] = {}
    for key, value in scores.items():
        name = _NAMES.get(str(key).strip().lower()) or _NAMES.get(str(key).strip().upper())
        if name is None:
            raise ProfileError(
                "interests",
                f"Unknown interest type {key!r}. Use R, I, A, S, E, C or realistic, "
                "investigative, artistic, social, enterprising, conventional.",
            )
        if name in named:
            raise ProfileError("interests", f"The {name} score is given twice.")
        named[name] = _in_scale(name, value, low, high)
    missing = [name for name in RIASEC if name not in named]
    if missing:
        raise ProfileError(
            "interests", f"Give all six interest scores; missing: {', '.join(missing)}."
        )
    return Interests(**{n: round((v - low) / (high - low), 4) for n, v in named.items()},
                     method="scores")  # fmt: skip


def _in_scale(name: str, value: object, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ProfileError("interests", f"The {name} score must be a number (got {value!r}).")
    if not low <= value <= high:
        raise ProfileError(
            "interests",
            f"The {name} score {value:g} is outside the scale {low:g} to {high:g}. "
            "If your scores use another scale (for example 1 to 7), say which.",
        )
    return float(value)
