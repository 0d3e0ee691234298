"""Learning paths, the planning facts of certifications and projects, and their validation."""

from __future__ import annotations

import msgspec
import pytest

from aicareers.knowledge import Catalog, default_catalog
from aicareers.knowledge.models import LearningPath, Project
from aicareers.knowledge.validate import problems


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def paths_of(catalog: Catalog) -> dict[str, LearningPath]:
    return {p.skill: p for p in catalog.learning_paths}


def test_one_path_for_every_skill_in_skill_order(catalog: Catalog) -> None:
    assert [p.skill for p in catalog.learning_paths] == [s.id for s in catalog.skills]


def test_prerequisites_name_the_obvious_foundations(catalog: Catalog) -> None:
    paths = paths_of(catalog)
    assert set(paths["deep-learning"].prerequisites) == {"python", "mathematics"}
    assert paths["neural-network-architectures"].prerequisites == ("deep-learning",)
    assert paths["quantum-frameworks"].prerequisites == ("quantum-computing", "python")
    assert paths["ci-cd"].prerequisites == ("version-control",)
    assert paths["python"].prerequisites == ()
    assert paths["mathematics"].prerequisites == ()


def test_hours_are_plausible_estimates(catalog: Catalog) -> None:
    paths = paths_of(catalog)
    assert all(5 <= p.hours <= 1500 for p in catalog.learning_paths)
    # Broad subjects take longer than narrow ones.
    assert paths["mathematics"].hours > paths["sql"].hours > paths["version-control"].hours
    assert paths["advanced-degree"].hours == max(p.hours for p in catalog.learning_paths)


def test_every_path_has_a_free_resource_and_a_one_sentence_practice(catalog: Catalog) -> None:
    free = {r.id for r in catalog.resources if r.free is True}
    assert [p.skill for p in catalog.learning_paths if not set(p.resources) & free] == []
    for path in catalog.learning_paths:
        assert path.practice.endswith("."), path.skill
        assert path.practice.count(". ") == 0, path.skill
        assert len(path.resources) == len(set(path.resources)), path.skill


def test_added_resources_link_to_https_and_say_if_free(catalog: Catalog) -> None:
    ours = [r for r in catalog.resources if not r.sources]
    assert len(ours) >= 40
    assert all(r.url and r.url.startswith("https://") for r in ours)
    assert {r.id for r in ours} >= {
        "python-tutorial", "kaggle-learn", "google-ml-crash-course", "khan-academy", "nist-ai-rmf",
    }  # fmt: skip
    assert next(r for r in ours if r.id == "iso-iec-42001").free is False


def test_certifications_carry_planning_facts(catalog: Catalog) -> None:
    for cert in catalog.certifications:
        assert cert.careers, cert.id
        assert cert.hours is not None, cert.id
        assert cert.hours > 0, cert.id
        assert cert.free is not None, cert.id
    certs = {c.id: c for c in catalog.certifications}
    assert "mlops-engineer" in certs["aws-ml-specialty"].careers
    assert certs["chatgpt-prompt-engineering-certificate"].free is True
    hours = {c.id: c.hours or 0 for c in catalog.certifications}
    assert hours["aws-ml-specialty"] > hours["chatgpt-prompt-engineering-certificate"]


def test_certifications_the_guide_names_for_a_career_list_that_career(catalog: Catalog) -> None:
    certs = {c.id: c for c in catalog.certifications}
    for career in catalog.careers:
        for step in career.break_in:
            for cert in step.certifications:
                assert career.id in certs[cert].careers, (career.id, cert)


def test_every_career_has_two_projects_with_deliverables(catalog: Catalog) -> None:
    for career in catalog.careers:
        mine = [p for p in catalog.projects if career.id in p.careers]
        assert len(mine) >= 2, career.id
        assert all(p.deliverables and p.hours > 0 for p in mine), career.id


def with_paths(catalog: Catalog, paths: list[LearningPath]) -> Catalog:
    return msgspec.structs.replace(catalog, learning_paths=tuple(paths))


def test_validator_reports_a_prerequisite_cycle(catalog: Catalog) -> None:
    paths = [
        msgspec.structs.replace(p, prerequisites=("deep-learning",)) if p.skill == "python" else p
        for p in catalog.learning_paths
    ]
    found = problems(with_paths(catalog, paths))
    assert len(found) == 1
    assert found[0].startswith("learning_paths: prerequisites go round in a circle: ")
    assert "python -> deep-learning -> python" in found[0]


def test_validator_reports_missing_duplicate_and_unknown_entries(catalog: Catalog) -> None:
    paths = [p for p in catalog.learning_paths if p.skill != "sql"]
    bad = LearningPath(skill="sqll", hours=0, resources=("nowhere",), practice=" ",
                       prerequisites=("pythn",))  # fmt: skip
    found = problems(with_paths(catalog, [*paths, paths[0], bad]))
    assert found == [
        "learning_paths: skill 'llm-capabilities' has 2 paths, keep one",
        "learning_paths: skill 'sql' has no path",
        "learning_paths: sqll: refers to unknown skill 'sqll'",
        "learning_paths: sqll: refers to unknown resource 'nowhere'",
        "learning_paths: sqll: refers to unknown prerequisite skill 'pythn'",
        "learning_paths: sqll: hours must be positive, not 0",
        "learning_paths: sqll: practice is empty",
    ]


def test_validator_checks_certification_careers(catalog: Catalog) -> None:
    certs = [
        msgspec.structs.replace(c, careers=("mlops",), hours=0) if c.id == "caiep" else c
        for c in catalog.certifications
    ]
    found = problems(msgspec.structs.replace(catalog, certifications=tuple(certs)))
    assert found == [
        "certifications: caiep: refers to unknown career 'mlops'",
        "certifications: caiep: hours must be positive, not 0",
    ]


def test_validator_checks_projects(catalog: Catalog) -> None:
    keep = [p for p in catalog.projects if "ai-content-moderator" not in p.careers]
    bad = Project(id="Bad Id", title="t", careers=("nope",), brief="b", deliverables=(),
                  skills=("pyhton",), hours=10, resources=("nowhere",))  # fmt: skip
    found = problems(msgspec.structs.replace(catalog, projects=(*keep, bad, bad)))
    assert found == [
        "projects: id 'Bad Id' is used 2 times",
        "projects: id 'Bad Id' is not a lowercase slug (letters, digits, hyphens)",
        *[
            line
            for _ in range(2)
            for line in (
                "projects: Bad Id: refers to unknown career 'nope'",
                "projects: Bad Id: refers to unknown skill 'pyhton'",
                "projects: Bad Id: refers to unknown resource 'nowhere'",
                "projects: Bad Id: deliverables is empty, name what to hand in",
            )
        ],
        "projects: career 'ai-content-moderator' has 0 project(s), needs at least 2",
    ]
