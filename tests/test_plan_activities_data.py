"""The plan activities (activities.yaml): every career and the main backgrounds covered, each
entry concrete, and the research-conference and gig-platform steps kept to the careers they
suit."""

from __future__ import annotations

import re
from collections.abc import Iterable

import msgspec
import pytest
import yaml

from aicareers.knowledge import DATA_DIR, Catalog, default_catalog
from aicareers.knowledge.models import PlanActivity
from aicareers.knowledge.validate import problems

CONNECT_AND_PROVE = ("community", "event", "practice", "experience")
# Backgrounds the brief names, and a place each must be sent to (by resource id).
BACKGROUND_PLACES = {
    "healthcare": {"amia", "himss", "hlth", "amia-annual-symposium", "mlhc"},
    "software-engineering": {"hugging-face-transformers", "github"},
    "legal-compliance": {"iapp-knowledgenet", "iapp-ai-governance-global"},
    "ux-design": {"ixda"},
    "writing-marketing": {"superpath", "content-marketing-institute"},
    "teaching": {"iste"},
    "human-resources": {"shrm"},
    "finance-accounting": {"cfa-institute", "isaca", "sr-11-7"},
    "customer-support": {"support-driven"},
}
# The generic steps the old plans gave everyone: fine for research and engineering careers only.
RESEARCH_AND_GIG_PLACES = {"neurips", "icml", "kaggle-competitions", "upwork", "toptal"}
RESEARCH_AND_ENGINEERING = {
    "synthetic-data-scientist", "mlops-engineer", "ai-safety-researcher",
    "neural-network-architect", "deepfake-detection-specialist", "personalization-engineer",
    "quantum-machine-learning-researcher",
}  # fmt: skip
# Hours: a weekly amount for habits, a total for one-off steps.
HOURS = {"community": (0.5, 4), "practice": (0.5, 5), "event": (2, 40),
         "experience": (10, 80), "domain": (20, 150)}  # fmt: skip


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def space_skills() -> dict[str, set[str]]:
    """Each career's skills in the career space (knowledge/data/space/careers.yaml)."""
    entries = yaml.safe_load((DATA_DIR / "space" / "careers.yaml").read_text(encoding="utf-8"))
    return {e["career"]: {s["skill"] for s in e["skills"]} for e in entries}


def kinds_for(activities: Iterable[PlanActivity], career: str) -> set[str]:
    return {a.kind for a in activities if career in a.careers}


def test_every_career_has_its_own_community_event_practice_and_experience(
    catalog: Catalog,
) -> None:
    missing = {
        c.id: sorted(set(CONNECT_AND_PROVE) - kinds_for(catalog.activities, c.id))
        for c in catalog.careers
    }
    assert len(missing) == 20
    assert {career: kinds for career, kinds in missing.items() if kinds} == {}


def test_careers_that_need_a_domain_have_a_domain_step(catalog: Catalog) -> None:
    needing = {career for career, skills in space_skills().items() if "domain-expertise" in skills}
    assert needing >= {"prompt-engineer", "ai-training-data-curator"}
    domain = {c for a in catalog.activities if a.kind == "domain" and not a.backgrounds
              for c in a.careers}  # fmt: skip
    assert sorted(needing - domain) == []


def test_every_kind_has_a_generic_fallback(catalog: Catalog) -> None:
    generic = {a.kind for a in catalog.activities if not a.careers and not a.backgrounds}
    assert generic == {"community", "event", "practice", "experience", "domain"}


def test_named_backgrounds_are_sent_to_their_own_field(catalog: Catalog) -> None:
    for background, places in BACKGROUND_PLACES.items():
        mine = [a for a in catalog.activities if background in a.backgrounds]
        used = {r for a in mine for r in a.resources}
        assert used & places, (background, sorted(used))
    healthcare = {a.kind for a in catalog.activities if "healthcare" in a.backgrounds}
    assert {"community", "event"} <= healthcare


def test_research_conferences_and_gig_sites_only_for_research_and_engineering(
    catalog: Catalog,
) -> None:
    """A nurse, a lawyer or a writer is never booked for NeurIPS, Kaggle or Upwork."""
    misplaced = [
        a.id
        for a in catalog.activities
        if set(a.resources) & RESEARCH_AND_GIG_PLACES
        and (not a.careers or not set(a.careers) <= RESEARCH_AND_ENGINEERING or a.backgrounds)
    ]
    assert misplaced == []


def test_a_nurse_a_lawyer_and_a_writer_get_their_fields_groups(catalog: Catalog) -> None:
    """What a plan could pick for the guide's Step 1 pairs: career or background entries."""
    pairs = {
        "healthcare": "ai-assisted-healthcare-coordinator",
        "legal-compliance": "ai-compliance-manager",
        "writing-marketing": "generative-ai-content-strategist",
    }
    for background, career in pairs.items():
        fitting = [
            a
            for a in catalog.activities
            if a.kind in ("community", "event")
            and (career in a.careers or background in a.backgrounds)
        ]
        used = {r for a in fitting for r in a.resources}
        assert used & BACKGROUND_PLACES[background], background
        assert not used & RESEARCH_AND_GIG_PLACES, background


def test_each_entry_is_concrete(catalog: Catalog) -> None:
    resources = {r.id: r for r in catalog.resources}
    for a in catalog.activities:
        low, high = HOURS[a.kind]
        assert low <= a.hours <= high, (a.id, a.hours)
        assert not a.title.lower().startswith("learn domain"), a.id
        assert a.title[0].isupper(), a.id
        assert not a.title.endswith("."), a.id
        assert 1 <= len(re.findall(r"[.!?](?:\s|$)", a.why)) <= 2, (a.id, a.why)
        assert a.deliverable.endswith("."), a.id
        # Every place a step names can be opened: the first resource has an address.
        assert resources[a.resources[0]].url or resources[a.resources[0]].sources, a.id
        assert len(set(a.resources)) == len(a.resources), a.id


def test_the_vague_domain_step_is_replaced_by_concrete_work(catalog: Catalog) -> None:
    domain = [a for a in catalog.activities if a.kind == "domain"]
    assert domain
    for a in domain:
        # A countable piece of work ("30 real tasks", "three practitioners"), not "learn X".
        assert re.search(r"\d|\b(two|three|four|five|six|ten)\b", a.title), a.id


def test_shipped_file_is_what_the_catalog_holds() -> None:
    raw = yaml.safe_load((DATA_DIR / "activities.yaml").read_text(encoding="utf-8"))
    assert [r["id"] for r in raw] == [a.id for a in default_catalog().activities]


def test_validator_checks_activities(catalog: Catalog) -> None:
    bad = PlanActivity(
        id="Bad Id", kind="event", title=" ", why="w.", deliverable="d.", hours=0,
        resources=("nowhere",), careers=("mlops",), backgrounds=("nursing",),
    )  # fmt: skip
    empty = msgspec.structs.replace(bad, id="empty-resources", resources=(), hours=2,
                                    careers=(), backgrounds=(), title="Go")  # fmt: skip
    changed = msgspec.structs.replace(catalog, activities=(*catalog.activities, bad, bad, empty))
    assert problems(changed) == [
        "activities: id 'Bad Id' is used 2 times",
        "activities: id 'Bad Id' is not a lowercase slug (letters, digits, hyphens)",
        *[
            line
            for _ in range(2)
            for line in (
                "activities: Bad Id: refers to unknown career 'mlops'",
                "activities: Bad Id: refers to unknown background 'nursing'",
                "activities: Bad Id: refers to unknown resource 'nowhere'",
                "activities: Bad Id: hours must be positive, not 0",
                "activities: Bad Id: title is empty",
            )
        ],
        "activities: empty-resources: resources is empty, name at least one",
    ]
