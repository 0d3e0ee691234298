"""The careers' description in engine terms is complete and consistent with the catalog."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aicareers.errors import CatalogError
from aicareers.knowledge import default_catalog
from aicareers.knowledge.space import SPACE_DIR, default_space, load_space


@pytest.fixture
def space_copy(tmp_path: Path) -> Path:
    shutil.copytree(SPACE_DIR, tmp_path / "space")
    return tmp_path / "space"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_career_is_described_with_its_key_skills() -> None:
    catalog = default_catalog()
    space = default_space()
    assert [t.career for t in space] == [c.id for c in catalog.careers]
    for target, career in zip(space, catalog.careers, strict=True):
        skills = {s.skill: s.importance for s in target.skills}
        # The guide's key skills are the ones a career is built on.
        assert all(skills[k] >= 3 for k in career.key_skills), career.id
        assert abs(sum(a.weight for a in target.anchors) - 1) < 0.011


def test_missing_key_skill_is_reported(space_copy: Path) -> None:
    edit(
        space_copy / "careers.yaml",
        "    - {skill: llm-capabilities, importance: 5, level: 4}\n",
        "",
    )
    with pytest.raises(CatalogError, match="prompt-engineer: key skill 'llm-capabilities'"):
        load_space(default_catalog(), space_copy)


def test_anchor_weights_must_add_up(space_copy: Path) -> None:
    edit(
        space_copy / "careers.yaml",
        "{code: 15-1252.00, weight: 0.35}",
        "{code: 15-1252.00, weight: 0.5}",
    )
    with pytest.raises(CatalogError, match=r"anchor weights add up to 1\.15"):
        load_space(default_catalog(), space_copy)


def test_bad_code_interest_and_zone_are_reported(space_copy: Path) -> None:
    path = space_copy / "careers.yaml"
    edit(path, "{code: 15-2051.00, weight: 0.30}", "{code: 15-2051, weight: 0.30}")
    edit(path, "interests: {R: 2.5, I: 5.5,", "interests: {R: 9.5, I: 5.5,")
    edit(path, "  job_zone: 4\n", "  job_zone: 6\n")
    with pytest.raises(CatalogError) as info:
        load_space(default_catalog(), space_copy)
    message = str(info.value)
    assert "'15-2051' is not an O*NET-SOC code" in message
    assert "interest scores use O*NET's 1-7 scale" in message
    assert "job_zone must be 1-5" in message
