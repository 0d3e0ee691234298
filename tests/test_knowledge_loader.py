"""The loader rejects broken catalog files with a message naming the file, entry and key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aicareers.errors import CatalogError
from aicareers.knowledge import DATA_DIR, load_catalog


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped catalog files."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_catalog_loads() -> None:
    catalog = load_catalog()
    assert catalog.careers[0].id == "prompt-engineer"


def test_unknown_key_names_file_entry_and_key(data_copy: Path) -> None:
    replace_in(data_copy / "careers.yaml", "  title: AI Ethics Officer\n",
               "  title: AI Ethics Officer\n  salery: 5\n")  # fmt: skip
    with pytest.raises(CatalogError) as info:
        load_catalog(data_copy)
    message = str(info.value)
    assert message.startswith("careers.yaml: entry 2 (id: ai-ethics-officer)")
    assert "unknown key `salery`" in message


def test_wrong_type_names_the_nested_key(data_copy: Path) -> None:
    replace_in(data_copy / "careers.yaml", "salary: {min: 95000,", "salary: {min: lots,")
    with pytest.raises(CatalogError) as info:
        load_catalog(data_copy)
    message = str(info.value)
    assert "careers.yaml: entry 1 (id: prompt-engineer), key salary.min" in message
    assert "Expected `int`, got `str`" in message


def test_missing_required_key(data_copy: Path) -> None:
    replace_in(data_copy / "hubs.yaml", "  country: Canada\n", "")
    with pytest.raises(CatalogError, match=r"hubs.yaml: entry 5 \(id: toronto\).*country"):
        load_catalog(data_copy)


def test_yaml_syntax_error_names_file_and_line(data_copy: Path) -> None:
    (data_copy / "emerging.yaml").write_text("- id: x\n  name: [unclosed\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"^emerging.yaml: line \d+ is not valid YAML"):
        load_catalog(data_copy)


def test_missing_file_is_reported(data_copy: Path) -> None:
    (data_copy / "challenges.yaml").unlink()
    with pytest.raises(CatalogError, match=r"^challenges.yaml: the catalog file is missing"):
        load_catalog(data_copy)


def test_duplicate_id_is_reported(data_copy: Path) -> None:
    replace_in(data_copy / "careers.yaml", "- id: ai-ethics-officer\n", "- id: prompt-engineer\n")
    with pytest.raises(CatalogError, match="careers: id 'prompt-engineer' is used 2 times"):
        load_catalog(data_copy)


def test_dangling_reference_is_reported(data_copy: Path) -> None:
    replace_in(data_copy / "careers.yaml", "key_skills: [llm-capabilities,",
               "key_skills: [telepathy,")  # fmt: skip
    expected = "careers: prompt-engineer: refers to unknown skill 'telepathy'"
    with pytest.raises(CatalogError, match=expected):
        load_catalog(data_copy)


def test_salary_min_above_max_is_reported(data_copy: Path) -> None:
    replace_in(data_copy / "careers.yaml", "{min: 95000, max: 335000,",
               "{min: 395000, max: 335000,")  # fmt: skip
    with pytest.raises(CatalogError, match="salary min 395000 is above max 335000"):
        load_catalog(data_copy)


def test_all_problems_are_reported_together(data_copy: Path) -> None:
    replace_in(data_copy / "careers.yaml", "tools: [gpt-4,", "tools: [gpt-5,")
    replace_in(data_copy / "hubs.yaml", "organizations: [amazon,", "organizations: [amazone,")
    with pytest.raises(CatalogError) as info:
        load_catalog(data_copy)
    message = str(info.value)
    assert "2 problem(s)" in message
    assert "unknown tool 'gpt-5'" in message
    assert "unknown organization 'amazone'" in message


def test_step_numbers_must_run_in_order(data_copy: Path) -> None:
    replace_in(data_copy / "steps.yaml", "  number: 3\n", "  number: 7\n")
    with pytest.raises(CatalogError, match=r"steps: numbers must run 1, 2, 3"):
        load_catalog(data_copy)


def test_non_slug_id_is_reported(data_copy: Path) -> None:
    replace_in(data_copy / "emerging.yaml", "- id: multimodal-ai-specialist", "- id: Multimodal AI")
    with pytest.raises(CatalogError, match="is not a lowercase slug"):
        load_catalog(data_copy)
