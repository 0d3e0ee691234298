"""The taxonomy build over tiny generated sources: every table loads back with exact values."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pytest

from aicareers.build.esco import short_description
from aicareers.build.taxonomy import build
from aicareers.errors import UnknownIdError
from aicareers.taxonomy import Taxonomy
from aicareers.taxonomy.tables import Occupation, RelatedOccupation, Task, Technology

from .taxonomy_fixture import CE, DS, OCC, SD, SKILL, write_sources

pytest.importorskip("openpyxl", reason="the tests write their O*NET fixtures with openpyxl")


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return write_sources(tmp_path_factory.mktemp("sources"))


@pytest.fixture(scope="module")
def taxonomy(sources: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Taxonomy:
    out = tmp_path_factory.mktemp("artifact") / "taxonomy"
    build(*sources, out)
    return Taxonomy.load(out)


def test_occupations_keep_source_order_with_job_zone_and_interests(taxonomy: Taxonomy) -> None:
    occupations = taxonomy.occupations
    assert occupations.codes == [CE, SD, DS]
    assert occupations.get(SD) == Occupation(
        SD, "Software Developers", "Research, design, and develop computer software.", 4,
        (2.33, 6.67, 3.0, 1.5, 2.0, 5.17),
    )  # fmt: skip
    # O*NET gives Data Scientists neither a job zone nor interests in this fixture.
    assert occupations.get(DS).job_zone is None
    assert occupations.get(DS).interests is None
    assert taxonomy.riasec[1] == "Investigative"


def test_unknown_occupation_code_names_itself(taxonomy: Taxonomy) -> None:
    with pytest.raises(UnknownIdError, match=r"99-0000\.00"):
        taxonomy.occupations.index("99-0000.00")


def test_ratings_load_back_exactly_with_nan_where_unrated(taxonomy: Taxonomy) -> None:
    skills = taxonomy.skills
    assert skills.element_ids == ["2.A.1.a", "2.B.3.e"]
    assert skills.element_names == ["Reading Comprehension", "Programming"]
    assert skills.importance.dtype == np.float32
    np.testing.assert_allclose(skills.importance[:2], [[4.12, 1.0], [3.5, 4.75]], atol=1e-6)
    np.testing.assert_allclose(skills.level[:2], [[4.75, 0.0], [3.88, 5.5]], atol=1e-6)
    assert np.isnan(skills.importance[2]).all()
    knowledge = taxonomy.knowledge
    assert knowledge.element_names == ["Computers and Electronics"]
    assert knowledge.importance[1, 0] == pytest.approx(4.69, abs=1e-6)
    assert math.isnan(knowledge.level[0, 0])


def test_titles_of_every_kind_without_repeats_or_unknown_occupations(taxonomy: Taxonomy) -> None:
    assert taxonomy.titles.for_occupation(0) == [
        ("Chief Executives", "title"),
        ("Chief Executive Officer", "alternate"),
        ("CEO", "short"),
        ("CEO (Chief Executive Officer)", "alternate"),
    ]
    assert taxonomy.titles.for_occupation(1) == [
        ("Software Developers", "title"),
        ("Application Developer", "alternate"),
        ("Software Engineer", "reported"),
    ]
    assert "Ghost Title" not in taxonomy.titles.texts
    assert taxonomy.manifest["build"]["skipped_rows"]["alternate"] == 1


def test_technology_skills_with_commodity_and_flags(taxonomy: Taxonomy) -> None:
    assert taxonomy.technology.for_occupation(1) == [
        Technology("Python", 43232403, "Development environment software", True, True),
        Technology("Git", 43232402, "Configuration management software", True, False),
    ]
    assert taxonomy.technology.for_occupation(0)[0].hot is False


def test_tasks_and_detailed_work_activities(taxonomy: Taxonomy) -> None:
    tasks = taxonomy.tasks
    assert tasks.for_occupation(1) == [
        Task(16363, "Write and test code.", "Core"),
        Task(16987, "Train users.", "Supplemental"),
    ]
    assert tasks.for_occupation(2) == [Task(21823, "Analyze large data sets.", "")]
    assert tasks.dwas_for_occupation(2) == ["Analyze data.", "Write code."]
    assert tasks.dwas_for_occupation(0) == []
    assert tasks.link_task.tolist() == [1, 2, 3, 3]


def test_esco_skills_with_cleaned_labels_and_short_descriptions(taxonomy: Taxonomy) -> None:
    python, lead = taxonomy.esco_skills
    assert python.uri == SKILL + "s-python"
    assert python.label == "Python (computer programming)"
    assert python.alt_labels == ("Python",)  # the preferred label and the repeat are dropped
    assert python.hidden_labels == ("pyhton",)
    assert (python.skill_type, python.reuse_level) == ("knowledge", "cross-sector")
    assert python.description == "Python is a language."
    assert len(lead.description) <= 201
    assert lead.description.endswith("\u2026")


def test_esco_occupations_and_their_skill_relations(taxonomy: Taxonomy) -> None:
    (developer,) = taxonomy.esco_occupations
    assert developer.uri == OCC + "o-dev"
    assert developer.alt_labels == ("programmer", "software engineer")
    assert (developer.isco_group, developer.code) == ("2512", "2512.4")
    assert developer.description == "Software developers write software."
    essential, optional = taxonomy.esco_skills_of(developer.uri)
    assert [s.label for s in essential] == ["Python (computer programming)"]
    assert [s.label for s in optional] == ["lead others"]
    assert taxonomy.esco_relations.tolist() == [[0, 0, 1], [0, 1, 0]]
    assert taxonomy.manifest["build"]["skipped_rows"]["esco_relations"] == 1


def test_related_occupations_are_kept_apart_as_benchmark_data(taxonomy: Taxonomy) -> None:
    assert taxonomy.benchmark_related == [
        RelatedOccupation(SD, DS, "Primary-Short", 1),
        RelatedOccupation(DS, SD, "Primary-Short", 1),
        RelatedOccupation(DS, CE, "Supplemental", 2),
    ]


def test_counts_in_the_manifest(taxonomy: Taxonomy) -> None:
    counts = taxonomy.counts
    assert counts["occupations"] == 3
    assert counts["titles"] == {"title": 3, "alternate": 4, "short": 1, "reported": 2}
    assert (counts["technology_hot"], counts["technology_in_demand"]) == (3, 1)
    assert (counts["esco_skills"], counts["esco_relations"]) == (2, 2)


def test_building_twice_gives_the_same_bytes(sources: tuple[Path, Path], tmp_path: Path) -> None:
    first = build(*sources, tmp_path / "a")
    second = build(*sources, tmp_path / "b")
    assert first["files"] == second["files"]


def test_openpyxl_reads_the_same_as_calamine(
    sources: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = build(*sources, tmp_path / "fast")
    monkeypatch.setitem(sys.modules, "python_calamine", None)  # import now fails
    slow = build(*sources, tmp_path / "slow")
    assert fast["files"] == slow["files"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", "One."),
        ("  spaced\n out  text ", "spaced out text"),
        ("Version 1.2 is fine.", "Version 1.2 is fine."),
        ("word " * 60, "word " * 39 + "word\u2026"),
    ],
)
def test_short_description(text: str, expected: str) -> None:
    assert short_description(text) == expected
