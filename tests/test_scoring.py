"""The career scorer's components and their combination, on hand-made signals."""

from __future__ import annotations

import pytest

from aicareers.engine.assessment.backgrounds import detect_backgrounds
from aicareers.engine.assessment.scoring import (
    Signals,
    background_fit,
    combine,
    experience_fit,
    interest_fit,
    rank,
    skill_coverage,
    transferability,
)
from aicareers.engine.evidence import BackgroundMatch, OccupationMatch, SkillEvidence, Span
from aicareers.knowledge import default_catalog
from aicareers.knowledge.space import default_space

CATALOG = default_catalog()
SPACE = {t.career: t for t in default_space()}
CAREERS = {c.id: c for c in CATALOG.careers}
NAMES = {s.id: s.name for s in CATALOG.skills}


def skill(ident: str, confidence: float = 1.0) -> SkillEvidence:
    return SkillEvidence(skill=ident, name=NAMES[ident], confidence=confidence)


def same_code(a: str, b: str) -> float:
    return 1.0 if a == b else 0.0


def test_skill_coverage_weights_by_importance_and_confidence() -> None:
    target = SPACE["prompt-engineer"]  # importances 5,5,5,4,3,2,2,2 = 28
    assert skill_coverage(target, {}) == 0
    assert skill_coverage(target, {"python": skill("python")}) == pytest.approx(4 / 28)
    half = {"python": skill("python", 0.5)}
    assert skill_coverage(target, half) == pytest.approx(2 / 28)
    everything = {s.skill: skill(s.skill) for s in target.skills}
    assert skill_coverage(target, everything) == pytest.approx(1.0)


def test_transferability_uses_anchor_weights_and_confidence() -> None:
    target = SPACE["prompt-engineer"]  # 15-1252.00 weighs 0.35
    dev = OccupationMatch(code="15-1252.00", title="Software Developers", confidence=1.0)
    assert transferability(target, [dev], same_code) == pytest.approx(0.35)
    unsure = OccupationMatch(code="15-1252.00", title="Software Developers", confidence=0.5)
    assert transferability(target, [unsure], same_code) == pytest.approx(0.175)
    assert transferability(target, [], same_code) is None


def test_background_fit_prefers_the_guides_step_one_pairs() -> None:
    nurse = [BackgroundMatch(background="healthcare", name="Healthcare professional", confidence=1)]
    fit, via = background_fit(CAREERS["ai-assisted-healthcare-coordinator"], nurse)
    assert (fit, via) == (1.0, "healthcare")
    # Healthcare counts for the data curator only through its key skills (domain expertise).
    fit, via = background_fit(CAREERS["ai-training-data-curator"], nurse)
    assert (fit, via) == (0.7, "healthcare")
    assert background_fit(CAREERS["mlops-engineer"], nurse) == (0.0, "")


def test_interest_fit_is_a_correlation_mapped_to_unit_range() -> None:
    target = SPACE["ai-safety-researcher"]
    assert interest_fit(target, None) is None
    assert interest_fit(target, dict(target.interests)) == pytest.approx(1.0)
    mirrored = {k: 8 - v for k, v in target.interests.items()}
    assert interest_fit(target, mirrored) == pytest.approx(0.0)
    assert interest_fit(target, dict.fromkeys("RIASEC", 4.0)) == 0.5


def test_experience_fit_against_job_zone() -> None:
    research = SPACE["ai-safety-researcher"]  # job zone 5
    assert experience_fit(research, None, None) is None
    assert experience_fit(research, None, "doctorate") == 1.0
    assert experience_fit(research, 10, None) == pytest.approx(0.85)
    assert experience_fit(research, 0, None) == pytest.approx(0.1)
    operator = SPACE["autonomous-systems-operator"]  # job zone 3
    assert experience_fit(operator, 2, None) == 1.0


def test_combine_skips_unmeasured_components() -> None:
    assert combine({"skills": 1.0, "transferable": None, "background": 0.0,
                    "interests": None, "experience": None}) == round(100 * 0.35 / 0.55)  # fmt: skip
    assert combine(dict.fromkeys(("skills", "interests"), None)) == 0


def test_rank_orders_by_score_and_explains() -> None:
    text = "Registered nurse for 8 years on an ICU ward."
    occupations = (OccupationMatch(code="29-1141.00", title="Registered Nurses", confidence=0.9),)
    backgrounds = detect_backgrounds(text, occupations, CATALOG.backgrounds)
    assert backgrounds[0].background == "healthcare"
    assert backgrounds[0].evidence[0] == Span(start=0, end=16, text="Registered nurse")
    signals = Signals(
        skills={"healthcare-background": skill("healthcare-background", 0.9)},
        occupations=occupations,
        backgrounds=tuple(backgrounds),
        years=8,
    )
    ranked = rank(CATALOG.careers, list(SPACE.values()), signals, same_code, NAMES)
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)
    top = ranked[0]
    assert top.id == "ai-assisted-healthcare-coordinator"
    assert top.reason.startswith("The guide names the move from healthcare professional")
    assert [m.skill for m in top.missing][:2] == ["hipaa-compliance", "change-management"]
    assert (top.components["background"] or 0) >= 90


def test_short_titles_match_only_in_capitals() -> None:
    found = detect_backgrounds("I learn things every day", (), CATALOG.backgrounds)
    assert "healthcare" not in {b.background for b in found}
    found = detect_backgrounds("ICU RN, night shifts", (), CATALOG.backgrounds)
    assert found[0].background == "healthcare"


def test_skills_not_given_are_unmeasured_but_skills_not_found_count_zero() -> None:
    careers, targets = CATALOG.careers, list(SPACE.values())
    given_nothing = Signals(skills={}, skills_read=False, years=5)
    found_nothing = Signals(skills={}, skills_read=True, years=5)
    unmeasured = rank(careers, targets, given_nothing, same_code, NAMES)[0]
    measured = rank(careers, targets, found_nothing, same_code, NAMES)[0]
    assert unmeasured.components["skills"] is None
    assert measured.components["skills"] == 0


def test_ties_go_to_the_unrounded_score_then_the_guides_order() -> None:
    ranked = rank(CATALOG.careers, list(SPACE.values()), Signals(skills={}), same_code, NAMES)
    order = [c.id for c in CATALOG.careers]
    tied = [r for r in ranked if r.score == ranked[-1].score]
    assert [r.id for r in tied] == sorted((r.id for r in tied), key=order.index)
