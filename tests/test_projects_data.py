"""The shipped portfolio projects: every career has enough of them, and each is complete."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from aicareers.knowledge import Catalog, default_catalog
from aicareers.knowledge.models import Project

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def projects_of(catalog: Catalog, career_id: str) -> list[Project]:
    return [p for p in catalog.projects if career_id in p.careers]


def test_every_career_has_at_least_two_projects(catalog: Catalog) -> None:
    counts = {c.id: len(projects_of(catalog, c.id)) for c in catalog.careers}
    assert len(counts) == 20
    assert {career: n for career, n in counts.items() if n < 2} == {}


def test_project_ids_are_unique_slugs(catalog: Catalog) -> None:
    ids = [p.id for p in catalog.projects]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert [i for i in ids if not SLUG.match(i)] == []


def test_projects_refer_only_to_known_entries(catalog: Catalog) -> None:
    careers = {c.id for c in catalog.careers}
    skills = {s.id for s in catalog.skills}
    resources = {r.id for r in catalog.resources}
    unknown = [
        (p.id, kind, ref)
        for p in catalog.projects
        for kind, refs, known in (
            ("career", p.careers, careers),
            ("skill", p.skills, skills),
            ("resource", p.resources, resources),
        )
        for ref in refs
        if ref not in known
    ]
    assert unknown == []


def test_every_project_is_complete(catalog: Catalog) -> None:
    for p in catalog.projects:
        assert p.title.strip(), p.id
        assert p.careers, p.id
        # Two or three sentences: enough to say what is built and why it persuades.
        sentences = re.findall(r"[.!?](?:\s|$)", p.brief)
        assert 2 <= len(sentences) <= 3, (p.id, p.brief)
        assert len(p.deliverables) >= 3, p.id
        assert 5 <= len(p.checklist) <= 8, p.id
        assert all(item.strip() for item in (*p.deliverables, *p.checklist)), p.id
        assert len(set(p.checklist)) == len(p.checklist), p.id
        assert 3 <= len(p.skills) == len(set(p.skills)), p.id
        assert 10 <= p.hours <= 120, (p.id, p.hours)


def test_each_project_shows_a_key_skill_of_every_career_it_serves(catalog: Catalog) -> None:
    key_skills = {c.id: set(c.key_skills) for c in catalog.careers}
    unrelated = [
        (p.id, career)
        for p in catalog.projects
        for career in p.careers
        if not key_skills[career] & set(p.skills)
    ]
    assert unrelated == []


def test_the_examples_of_the_brief_are_there(catalog: Catalog) -> None:
    by_id = {p.id: p for p in catalog.projects}
    assert "prompt-engineer" in by_id["prompt-library-with-evals"].careers
    assert "ai-ethics-officer" in by_id["model-card-bias-audit"].careers
    assert "mlops-engineer" in by_id["ml-cicd-retraining-pipeline"].careers
    assert "ci-cd" in by_id["ml-cicd-retraining-pipeline"].skills
