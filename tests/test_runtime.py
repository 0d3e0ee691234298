"""The engine's loader: the title index cache and the assembled assessor."""

from __future__ import annotations

from pathlib import Path

import pytest

from aicareers.service.runtime import load_title_coder
from aicareers.taxonomy.model import Taxonomy


def test_title_index_is_cached_and_codes_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AICAREERS_CACHE_DIR", str(tmp_path))
    taxonomy = Taxonomy.load()
    built = load_title_coder(taxonomy)
    cached_files = list(tmp_path.glob("title-index-*.pickle"))
    assert len(cached_files) == 1
    again = load_title_coder(taxonomy)
    assert again.index is not built.index  # read back, not the same object
    for title in ("Registered nurse", "Sr. software engineer", "paralegal"):
        assert again.code(title) == built.code(title)


def test_a_corrupt_title_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AICAREERS_CACHE_DIR", str(tmp_path))
    taxonomy = Taxonomy.load()
    load_title_coder(taxonomy)
    for path in tmp_path.glob("title-index-*.pickle"):
        path.write_bytes(b"not a pickle")
    coder = load_title_coder(taxonomy)
    assert coder.code("Registered nurse")[0].code.startswith("29-1141")
