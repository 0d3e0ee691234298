"""Skills a person types are claims: a paraphrase of a project skill is matched, never a gap."""

from __future__ import annotations

import pytest

from aicareers.engine.assessment.assess import Assessor
from aicareers.service.intake import profile_from_inputs
from aicareers.service.runtime import load_assessor


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    return load_assessor()


def career(assessor: Assessor, career_id: str, **fields: object) -> tuple[set[str], set[str]]:
    profile = profile_from_inputs(**fields)  # type: ignore[arg-type]
    found = next(c for c in assessor.assess(profile).careers if c.id == career_id)
    return {m.skill for m in found.matched}, {m.skill for m in found.missing}


@pytest.mark.parametrize(
    ("typed", "skill"),
    [("risk assessment", "risk-assessment"), ("compliance", "regulatory-compliance")],
)
def test_typed_paraphrase_is_matched_not_missing(
    assessor: Assessor, typed: str, skill: str
) -> None:
    matched, missing = career(assessor, "ai-compliance-manager", title="Lawyer", skills=typed)
    assert skill in matched
    assert skill not in missing


def test_typed_skill_unlike_any_project_skill_adds_nothing(assessor: Assessor) -> None:
    with_it, _ = career(assessor, "ai-compliance-manager", title="Chef", skills="knife skills")
    without, _ = career(assessor, "ai-compliance-manager", title="Chef")
    assert with_it == without


def test_typed_evidence_quotes_the_typed_words(assessor: Assessor) -> None:
    profile = profile_from_inputs(title="Lawyer", skills="compliance")  # type: ignore[arg-type]
    result = assessor.assess(profile)
    found = next(s for s in result.skills if s.skill == "regulatory-compliance")
    assert [result.text[e.start : e.end] for e in found.evidence] == ["compliance"]
