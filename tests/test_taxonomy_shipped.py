"""The artifact shipped in the package: sound, complete, and fresh against ../shared/data."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from aicareers.taxonomy import SCHEMA_VERSION, Taxonomy, check
from aicareers.taxonomy.manifest import DEFAULT_DIR

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ONET, ESCO = SHARED / "onet", SHARED / "esco"
needs_sources = pytest.mark.skipif(
    not (ONET.is_dir() and ESCO.is_dir()),
    reason=f"the O*NET and ESCO sources are not at {SHARED}",
)


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


def test_shipped_artifact_is_sound() -> None:
    assert check() == []


def test_shipped_artifact_stays_small() -> None:
    total = sum(p.stat().st_size for p in DEFAULT_DIR.iterdir())
    assert total < 30_000_000


def test_manifest(taxonomy: Taxonomy) -> None:
    manifest = taxonomy.manifest
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert (manifest["sources"]["onet"]["version"], manifest["sources"]["esco"]["version"]) == (
        "29.3",
        "v1.1.1",
    )
    assert len(manifest["sources"]["onet"]["files"]) == 14
    assert len(manifest["sources"]["esco"]["files"]) == 3


def test_counts(taxonomy: Taxonomy) -> None:
    assert taxonomy.counts == {
        "occupations": 1016,
        "titles": {"title": 1016, "alternate": 56558, "short": 3442, "reported": 7796},
        "skill_elements": 35,
        "knowledge_elements": 33,
        "technology_examples": 32681,
        "technology_hot": 11616,
        "technology_in_demand": 2339,
        "tasks": 18796,
        "dwas": 2087,
        "task_dwa_links": 23233,
        "esco_skills": 13896,
        "esco_occupations": 3007,
        "esco_relations": 123788,
        "benchmark_related": 18460,
    }


def test_tables_match_their_counts(taxonomy: Taxonomy) -> None:
    assert len(taxonomy.occupations) == 1016
    assert taxonomy.skills.importance.shape == (1016, 35)
    assert taxonomy.knowledge.level.shape == (1016, 33)
    assert len(taxonomy.titles.texts) == 1016 + 56558 + 3442 + 7796
    assert len(taxonomy.esco_skills) == 13896
    assert len(taxonomy.benchmark_related) == 18460
    # 879 occupations have Skills ratings and 923 a job zone (SOURCES.md).
    assert int((~np.isnan(taxonomy.skills.importance).all(axis=1)).sum()) == 879
    assert int((taxonomy.occupations.job_zones > 0).sum()) == 923


def test_known_values(taxonomy: Taxonomy) -> None:
    occupations = taxonomy.occupations
    chief = occupations.get("11-1011.00")
    assert (chief.title, chief.job_zone) == ("Chief Executives", 5)
    row = occupations.index("11-1011.00")
    column = taxonomy.skills.element_names.index("Reading Comprehension")
    assert taxonomy.skills.importance[row, column] == pytest.approx(4.12, abs=1e-6)
    assert chief.interests is not None
    assert chief.interests[0] == pytest.approx(1.3)
    scientist = occupations.index("15-2051.00")
    examples = {t.example for t in taxonomy.technology.for_occupation(scientist)}
    assert "Python" in examples


def test_vectors_when_present(taxonomy: Taxonomy) -> None:
    if not taxonomy.has_vectors:
        pytest.skip("the shipped artifact was built without vectors")
    for name, rows in (("occupations", 1016), ("occupation_tasks", 1016), ("esco_skills", 13896)):
        vectors = taxonomy.vectors(name)
        assert vectors.shape == (rows, 384)
        assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


@needs_sources
def test_shipped_artifact_is_fresh_against_the_sources() -> None:
    assert check(onet_dir=ONET, esco_dir=ESCO) == [], (
        "run: aicareers data build --onet ../shared/data/onet --esco ../shared/data/esco"
    )


@needs_sources
def test_rebuilding_from_the_sources_reproduces_the_shipped_files(tmp_path: Path) -> None:
    from aicareers.build.taxonomy import build

    pytest.importorskip("python_calamine", reason="the full build is timed with python-calamine")
    shipped = json.loads((DEFAULT_DIR / "manifest.json").read_text())
    rebuilt = build(ONET, ESCO, tmp_path / "taxonomy")
    # Later stages (vectors, similarity) add files; the plain build must reproduce the rest.
    assert {name: shipped["files"].get(name) for name in rebuilt["files"]} == rebuilt["files"]
