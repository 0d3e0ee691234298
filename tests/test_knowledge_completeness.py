"""Every fact of the guide is in the catalog: careers with exact pay, hubs, steps and the rest."""

from __future__ import annotations

import re

import pytest

from aicareers.knowledge import Catalog, default_catalog

from .seed import seed_text

# The guide's 20 careers, in its order, with their pay ranges (USD a year; + = open-ended).
# ruff: noqa: E501 -- one career a line reads best here
CAREERS = [
    ("prompt-engineer", "Prompt Engineer", 95_000, 335_000, False),
    ("ai-ethics-officer", "AI Ethics Officer", 120_000, 250_000, False),
    ("synthetic-data-scientist", "Synthetic Data Scientist", 110_000, 180_000, False),
    ("ai-training-data-curator", "AI Training Data Curator", 75_000, 140_000, False),
    ("conversational-ai-designer", "Conversational AI Designer", 90_000, 160_000, False),
    ("mlops-engineer", "Machine Learning Operations (MLOps) Engineer", 130_000, 200_000, False),
    ("ai-product-manager", "AI Product Manager", 140_000, 220_000, False),
    ("ai-transparency-analyst", "AI Transparency Analyst", 95_000, 165_000, False),
    ("generative-ai-content-strategist", "Generative AI Content Strategist", 80_000, 150_000, False),
    ("ai-safety-researcher", "AI Safety Researcher", 150_000, 300_000, True),
    ("neural-network-architect", "Neural Network Architect", 140_000, 250_000, False),
    ("ai-assisted-healthcare-coordinator", "AI-Assisted Healthcare Coordinator", 85_000, 145_000, False),
    ("deepfake-detection-specialist", "Deepfake Detection Specialist", 100_000, 180_000, False),
    ("ai-compliance-manager", "AI Compliance Manager", 115_000, 190_000, False),
    ("personalization-engineer", "Personalization Engineer", 120_000, 195_000, False),
    ("ai-human-interaction-designer", "AI-Human Interaction Designer", 95_000, 165_000, False),
    ("autonomous-systems-operator", "Autonomous Systems Operator", 70_000, 130_000, False),
    ("ai-content-moderator", "AI Content Moderator (Advanced)", 65_000, 110_000, False),
    ("quantum-machine-learning-researcher", "Quantum Machine Learning Researcher", 150_000, 280_000, True),
    ("ai-sustainability-specialist", "AI Sustainability Specialist", 90_000, 160_000, False),
]  # fmt: skip


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def test_twenty_careers_in_the_guides_order_with_exact_pay(catalog: Catalog) -> None:
    actual = [
        (c.id, c.title, c.salary.min, c.salary.max, c.salary.open_ended) for c in catalog.careers
    ]
    assert actual == CAREERS
    assert {(c.salary.currency, c.salary.period) for c in catalog.careers} == {("USD", "year")}


def test_prompt_engineer_pay_is_sourced_to_bloomberg(catalog: Catalog) -> None:
    assert "bloomberg-prompt-engineer-pay" in catalog.careers[0].salary.sources


def test_each_career_has_its_guide_content(catalog: Catalog) -> None:
    for career in catalog.careers:
        assert len(career.key_skills) >= 4, career.id
        assert career.break_in, career.id
        assert career.backgrounds, career.id
        assert len(career.duties) >= 3, career.id
        assert len(career.summary) > 60, career.id


def test_emerging_hubs_steps_challenges(catalog: Catalog) -> None:
    assert [e.id for e in catalog.emerging] == [
        "multimodal-ai-specialist", "ai-governance-architect",
        "neuromorphic-computing-engineer", "ai-augmented-creativity-director",
    ]  # fmt: skip
    assert [h.name for h in catalog.hubs] == [
        "San Francisco Bay Area", "Seattle", "New York City", "London", "Toronto", "Singapore",
    ]  # fmt: skip
    assert [s.number for s in catalog.steps] == [1, 2, 3, 4, 5]
    assert len(catalog.challenges) == 4


def test_step_one_pairs_are_the_guides(catalog: Catalog) -> None:
    pairs = {t.background: t.careers for t in catalog.steps[0].transitions}
    assert pairs == {
        "healthcare": ("ai-assisted-healthcare-coordinator",),
        "ux-design": ("conversational-ai-designer", "ai-human-interaction-designer"),
        "writing-marketing": ("generative-ai-content-strategist",),
        "software-engineering": ("mlops-engineer", "prompt-engineer"),
        "legal-compliance": ("ai-compliance-manager", "ai-ethics-officer"),
    }
    # Each Step 1 pair is also listed on the career it leads to.
    careers = {c.id: c for c in catalog.careers}
    for background, targets in pairs.items():
        for target in targets:
            origins = {(b.background, b.origin) for b in careers[target].backgrounds}
            assert (background, "step1") in origins, (background, target)


def test_salary_bands_by_experience(catalog: Catalog) -> None:
    bands = [(b.id, b.min_years, b.max_years) for b in catalog.salary_bands]
    assert bands == [("entry", 0, 2), ("mid", 3, 5), ("senior", 6, None)]
    roles = {
        r.title: (r.salary.min, r.salary.max, r.salary.open_ended)
        for b in catalog.salary_bands
        for r in b.roles
    }
    assert roles == {
        "Junior ML Engineer": (85_000, 130_000, False),
        "AI Content Moderator": (50_000, 75_000, False),
        "Junior Prompt Engineer": (70_000, 110_000, False),
        "ML Engineer": (130_000, 200_000, False),
        "AI Product Manager": (150_000, 220_000, False),
        "MLOps Engineer": (140_000, 210_000, False),
        "Senior ML Engineer": (180_000, 350_000, False),
        "AI Research Scientist": (200_000, 500_000, True),
        "Director of AI": (250_000, 600_000, True),
    }


def test_certifications_in_the_guides_groups(catalog: Catalog) -> None:
    groups: dict[str, set[str]] = {}
    for cert in catalog.certifications:
        groups.setdefault(cert.group, set()).add(cert.id)
    assert groups["technical"] == {
        "tensorflow-developer-certificate", "aws-ml-specialty",
        "gcp-professional-ml-engineer", "azure-ai-engineer",
    }  # fmt: skip
    assert groups["ethics-governance"] == {"caiep", "ai-governance-professional"}
    assert groups["specialized"] == {
        "deeplearning-ai-certificates", "prompt-engineering-certification",
    }  # fmt: skip


def test_resources_of_every_kind_the_guide_lists(catalog: Catalog) -> None:
    # The guide's own resources; the ones we added for learning paths and plan activities
    # (conferences such as ACM FAccT among them) cite no guide source.
    by_kind: dict[str, set[str]] = {}
    for resource in (r for r in catalog.resources if "guide-2026" in r.sources):
        by_kind.setdefault(resource.kind, set()).add(resource.name)
    platforms = {"Coursera", "DeepLearning.AI", "fast.ai", "edX", "Udacity"}
    assert platforms <= by_kind["learning-platform"]
    assert by_kind["news"] == {"is4.ai", "MIT Technology Review", "The Verge AI", "VentureBeat AI"}
    assert {"arXiv", "Nature Machine Intelligence", "Distill"} <= by_kind["research"]
    assert by_kind["podcast"] == {"Lex Fridman Podcast", "The TWIML AI Podcast"}
    assert by_kind["video"] == {"3Blue1Brown", "Andrej Karpathy on YouTube"}
    assert {"NeurIPS", "ICML"} == by_kind["conference"]
    assert {"Upwork", "Toptal"} == by_kind["freelance"]


def test_essential_and_trending_skills(catalog: Catalog) -> None:
    assert [g.id for g in catalog.essential_skills] == [
        "technical-foundation", "soft-skills", "business-acumen",
    ]  # fmt: skip
    assert len(catalog.trending_skills) == 5
    assert all("linkedin-skills-2025" in t.sources for t in catalog.trending_skills)


def test_guide_metadata_and_statistics(catalog: Catalog) -> None:
    assert catalog.guide.published.isoformat() == "2026-03-23"
    growth = next(s for s in catalog.statistics if s.id == "ai-ml-specialist-demand-growth")
    assert (growth.value, growth.unit, growth.period) == (40, "percent", "2023-2027")
    assert growth.sources[0] == "wef-future-of-jobs-2023"


def test_pay_ranges_match_the_seed_text(catalog: Catalog) -> None:
    """Read the ranges straight from the guide, independently of the table above."""
    text = seed_text()
    found = re.findall(r"Salary range: \$([\d,]+) - \$([\d,]+)(\+?)", text)
    expected = [
        (int(lo.replace(",", "")), int(hi.replace(",", "")), plus == "+") for lo, hi, plus in found
    ]
    actual = [(c.salary.min, c.salary.max, c.salary.open_ended) for c in catalog.careers]
    assert actual == expected


def test_every_reference_of_the_seed_is_a_source(catalog: Catalog) -> None:
    text = seed_text()
    references = text.split("\nReferences\n", 1)[1].split("\nDisclaimer", 1)[0]
    titles = {line.lstrip("- ").strip() for line in references.splitlines() if line.strip()}
    ours = {s.title for s in catalog.sources}
    # Our titles may add a year or a description in brackets; the guide's title must lead them.
    missing = [t for t in titles if not any(o.startswith(t) for o in ours)]
    assert missing == []
