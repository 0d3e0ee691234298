"""The compiled catalog cache gives the same catalog and follows every edit of the YAML."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from aicareers.knowledge import DATA_DIR, load_catalog
from aicareers.knowledge.cache import cache_dir, fingerprint, read_cached


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AICAREERS_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(DATA_DIR, tmp_path / "data")
    return tmp_path / "data"


def test_second_load_comes_from_the_cache_and_is_equal(data_copy: Path) -> None:
    assert read_cached(data_copy) is None
    first = load_catalog(data_copy)
    assert list(cache_dir().glob("catalog-*.msgpack"))
    cached = read_cached(data_copy)
    assert cached == first
    assert load_catalog(data_copy, use_cache=False) == first


def test_an_edit_invalidates_the_cache(data_copy: Path) -> None:
    load_catalog(data_copy)
    before = fingerprint(data_copy)
    path = data_copy / "careers.yaml"
    path.write_text(path.read_text().replace("title: Prompt Engineer", "title: Prompt Wrangler"))
    assert fingerprint(data_copy) != before
    assert read_cached(data_copy) is None
    assert load_catalog(data_copy).careers[0].title == "Prompt Wrangler"


def test_a_corrupt_cache_file_is_ignored(data_copy: Path) -> None:
    load_catalog(data_copy)
    for cached in cache_dir().glob("catalog-*.msgpack"):
        cached.write_bytes(b"\x00garbage")
    assert read_cached(data_copy) is None
    assert load_catalog(data_copy).careers[0].id == "prompt-engineer"


def test_an_unwritable_cache_dir_is_not_an_error(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("AICAREERS_CACHE_DIR", str(blocker / "sub"))
    assert load_catalog(data_copy).careers[0].id == "prompt-engineer"
    assert os.path.isfile(blocker)
