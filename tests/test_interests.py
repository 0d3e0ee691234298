"""The RIASEC quiz and directly given interest scores."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicareers.engine.profile.interests import QUIZ, interests_from_scores, score_quiz
from aicareers.engine.profile.model import Interests
from aicareers.errors import ProfileError


def test_quiz_has_two_items_per_type() -> None:
    assert len(QUIZ) == 12
    assert [item.type[0].upper() for item in QUIZ] == list("RRIIAASSEECC")
    assert len({item.statement for item in QUIZ}) == 12


def test_score_quiz_in_order() -> None:
    interests = score_quiz([5, 4, 3, 3, 1, 2, 5, 5, 2, 2, 4, 4])
    assert interests == Interests(realistic=0.875, investigative=0.5, artistic=0.125, social=1.0,
                                  enterprising=0.25, conventional=0.75, method="quiz")  # fmt: skip
    assert interests.code() == "SRC"


def test_score_quiz_by_id() -> None:
    answers = {item.id.lower(): 3 for item in QUIZ}
    assert set(score_quiz(answers).scores().values()) == {0.5}


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([3] * 11, "has 12 items; got 11"),
        ({"R1": 3}, "unanswered: R2, I1"),
        ({**{i.id: 3 for i in QUIZ}, "Z9": 1}, "unknown items: Z9"),
        ([3] * 11 + [6], "C2 must be a whole number from 1 to 5"),
        ([3] * 11 + [True], "from 1 to 5"),
    ],
)
def test_bad_quiz_answers(answers: object, message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        score_quiz(answers)  # type: ignore[arg-type]


def test_scores_by_letter_or_name_on_another_scale() -> None:
    interests = interests_from_scores(
        {"r": 1, "Investigative": 7, "A": 4, "social": 5.5, "E": 2, "C": 1}, scale=(1, 7)
    )
    assert interests.scores() == {
        "realistic": 0.0, "investigative": 1.0, "artistic": 0.5, "social": 0.75,
        "enterprising": 0.1667, "conventional": 0.0,
    }  # fmt: skip
    assert interests.method == "scores"


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ({"R": 0.5}, "missing: investigative, artistic"),
        ({"R": 0.5, "realistic": 0.4}, "given twice"),
        ({"X": 0.5}, "Unknown interest type 'X'"),
        ({"R": 5, "I": 0, "A": 0, "S": 0, "E": 0, "C": 0}, "outside the scale 0 to 1"),
        ({"R": "high", "I": 0, "A": 0, "S": 0, "E": 0, "C": 0}, "must be a number"),
    ],
)
def test_bad_scores(scores: dict[str, object], message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        interests_from_scores(scores)  # type: ignore[arg-type]


@given(st.lists(st.integers(1, 5), min_size=12, max_size=12))
def test_quiz_scores_stay_in_range(answers: list[int]) -> None:
    scores = score_quiz(answers).scores()
    assert all(0.0 <= value <= 1.0 for value in scores.values())
