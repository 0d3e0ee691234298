"""Loading occupation similarity: the re-ranking model as an artifact file, the stored table."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from aicareers.build.similarity import add_similarity, write_model
from aicareers.build.taxonomy import build
from aicareers.engine.occupations.loading import (
    fingerprint,
    load_similarity,
    model_hash,
    shipped_model,
    stored_table,
)
from aicareers.engine.occupations.similarity_rerank import TreeModel
from aicareers.taxonomy import Taxonomy, check
from aicareers.taxonomy.manifest import DEFAULT_DIR, SIMILARITY_MODEL

from .taxonomy_fixture import write_sources

LOGISTIC = {"features": ["tasks"], "mean": [0.0], "scale": [1.0], "coef": [1.0], "bias": 0.0}


def manifest_of(folder: Path) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text())
    return manifest


@pytest.fixture
def built(tmp_path: Path) -> Path:
    pytest.importorskip("openpyxl", reason="the tests write their O*NET fixtures with openpyxl")
    onet, esco = write_sources(tmp_path / "sources")
    out = tmp_path / "taxonomy"
    build(onet, esco, out)
    add_similarity(out)
    return out


def test_the_shipped_model_file_is_in_the_manifest_with_its_hash() -> None:
    entry = manifest_of(DEFAULT_DIR)["files"][SIMILARITY_MODEL]
    data = (DEFAULT_DIR / SIMILARITY_MODEL).read_bytes()
    assert entry == {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def test_the_shipped_table_is_read_not_recomputed() -> None:
    taxonomy = Taxonomy.load()
    # The stored table's fingerprint names the model it was computed with.
    assert taxonomy.manifest["similarity"]["model"] == model_hash(taxonomy.similarity_model)
    table = stored_table(taxonomy)
    assert table is not None
    assert table.learned


def test_the_shipped_model_is_a_tree_model() -> None:
    model = shipped_model()
    assert isinstance(model, TreeModel)
    assert len(model.roots) == 200


def test_a_fixture_build_carries_the_model_and_checks_clean(built: Path) -> None:
    shipped = (DEFAULT_DIR / SIMILARITY_MODEL).read_bytes()
    assert (built / SIMILARITY_MODEL).read_bytes() == shipped
    assert SIMILARITY_MODEL in manifest_of(built)["files"]
    assert check(built) == []


def test_check_reports_a_changed_or_missing_model_file(built: Path) -> None:
    path = built / SIMILARITY_MODEL
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    corrupt = "artifact file corrupt (hash differs from manifest)"
    assert check(built) == [f"{corrupt}: {SIMILARITY_MODEL}"]
    path.unlink()
    assert check(built) == [f"artifact file missing: {SIMILARITY_MODEL}"]


def test_a_new_model_makes_the_stored_table_stale_until_it_is_stored_again(built: Path) -> None:
    assert stored_table(Taxonomy.load(built)) is not None
    write_model(built, LOGISTIC, "a stand-in")
    taxonomy = Taxonomy.load(built)
    assert taxonomy.similarity_model == LOGISTIC
    assert stored_table(taxonomy) is None
    add_similarity(built)
    again = Taxonomy.load(built)
    assert stored_table(again) is not None
    # Storing the table again keeps the model it was computed with.
    assert again.manifest["similarity"]["model"] == model_hash(LOGISTIC)
    assert check(built) == []


def test_a_rebuild_keeps_the_artifacts_own_model(built: Path) -> None:
    write_model(built, LOGISTIC, "a stand-in")
    sources = built.parent / "sources"
    build(sources / "onet", sources / "esco", built)
    assert Taxonomy.load(built).similarity_model == LOGISTIC


def test_without_a_model_the_fusion_ranks(built: Path) -> None:
    manifest = manifest_of(built)
    del manifest["files"][SIMILARITY_MODEL]
    (built / "manifest.json").write_text(json.dumps(manifest))
    (built / SIMILARITY_MODEL).unlink()
    taxonomy = Taxonomy.load(built)
    assert taxonomy.similarity_model is None
    assert fingerprint(taxonomy.manifest, None)["model"] is None
    assert stored_table(taxonomy) is None  # the stored table named a model
    similarity = load_similarity(taxonomy)
    assert not similarity.table.learned
    assert check(built) == []


def test_runtime_loading_never_imports_the_build() -> None:
    code = (
        "import sys\n"
        "from aicareers.engine.occupations.loading import load_similarity\n"
        "load_similarity()\n"
        "print(sorted(m for m in sys.modules if m.startswith('aicareers.build')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
