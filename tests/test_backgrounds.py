"""Backgrounds: a person's own titles count, titles said of others do not, and coded
occupations of one field add up."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from aicareers.engine.assessment.backgrounds import detect_backgrounds
from aicareers.engine.evidence import OccupationMatch
from aicareers.knowledge import default_catalog
from aicareers.knowledge.models import Background

LONG = " ".join(["Ran the plant maintenance schedule and the spare parts budget."] * 20)


@pytest.fixture(scope="module")
def backgrounds() -> tuple[Background, ...]:
    return tuple(default_catalog().backgrounds)


def found(
    text: str,
    backgrounds: tuple[Background, ...],
    occupations: Sequence[OccupationMatch] = (),
    titles: Sequence[str] = (),
) -> dict[str, float]:
    matches = detect_backgrounds(text, occupations, backgrounds, titles)
    return {m.background: m.confidence for m in matches}


def test_titles_said_of_others_are_not_the_persons(backgrounds: tuple[Background, ...]) -> None:
    text = LONG + " Assist Brand Managers and/or Product Managers as needed; worked with nurses."
    assert not {"product-management", "writing-marketing", "healthcare"} & set(
        found(text, backgrounds)
    )


def test_a_passing_mention_in_a_long_resume_is_weak(backgrounds: tuple[Background, ...]) -> None:
    text = LONG + " Worked two months as a research assistant."
    passing = found(text, backgrounds)["research-academia"]
    own = found(text, backgrounds, titles=["Research Assistant"])["research-academia"]
    assert passing < 0.5 < own


def test_occupations_of_one_field_add_up(backgrounds: tuple[Background, ...]) -> None:
    engineers = [
        OccupationMatch(code=code, title=code, confidence=0.1)
        for code in ("17-2141.00", "17-2199.00", "17-3027.00")
    ]
    one = found("", backgrounds, occupations=engineers[:1])["engineering"]
    three = found("", backgrounds, occupations=engineers)["engineering"]
    assert three == pytest.approx(3 * one, abs=0.002)
