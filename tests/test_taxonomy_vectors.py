"""The vector stage, with a stand-in encoder: quantised storage, manifest record, staleness."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from aicareers.build.taxonomy import build
from aicareers.build.vectors import add_vectors, vector_texts
from aicareers.errors import TaxonomyError
from aicareers.taxonomy import Taxonomy, check
from aicareers.taxonomy.vectors import dequantize, model_hash, quantize

from .taxonomy_fixture import write_sources

pytest.importorskip("openpyxl", reason="the tests write their O*NET fixtures with openpyxl")


class HashEncoder:
    """Deterministic unit vectors from a text's hash: enough to test storage, not meaning."""

    def __init__(self, name: str = "hash-encoder") -> None:
        self.manifest: dict[str, Any] = {"name": name, "format_version": 1, "files": {"m": name}}
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray[Any, Any]:
        self.seen += texts
        rows = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
            rows.append(np.random.default_rng(seed).standard_normal(384))
        vectors = np.asarray(rows, dtype=np.float32).reshape(-1, 384)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms > 0, norms, 1.0)


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, Path]:
    onet, esco = write_sources(tmp_path / "sources")
    out = tmp_path / "taxonomy"
    build(onet, esco, out)
    return onet, esco, out


def test_vector_texts(built: tuple[Path, Path, Path]) -> None:
    texts = vector_texts(built[2])
    assert texts["occupations"][1] == (
        "Software Developers. Research, design, and develop computer software."
    )
    assert texts["occupation_tasks"][1] == "Software Developers: Write and test code. Train users."
    assert texts["esco_skills"] == ["Python (computer programming)", "lead others"]


def test_vectors_are_stored_small_and_load_back_close(built: tuple[Path, Path, Path]) -> None:
    out = built[2]
    encoder = HashEncoder()
    manifest = add_vectors(out, encoder)
    vectors = manifest["vectors"]
    assert vectors["model"] == "hash-encoder"
    assert vectors["model_hash"] == model_hash(encoder.manifest)
    assert vectors["sets"]["esco_skills"]["rows"] == 2
    assert set(vectors["files"]) <= set(manifest["files"])
    assert np.load(out / "vectors_occupations.npy").dtype == np.int8
    taxonomy = Taxonomy.load(out)
    assert taxonomy.has_vectors
    expected = encoder.encode(vector_texts(out)["occupations"])
    got = taxonomy.vectors("occupations")
    assert got.shape == (3, 384)
    assert np.min(np.sum(got * expected, axis=1)) > 0.999
    assert check(out) == []


def test_a_new_model_marks_vectors_stale(built: tuple[Path, Path, Path]) -> None:
    out = built[2]
    add_vectors(out, HashEncoder())
    assert check(out, model_hash=model_hash(HashEncoder().manifest)) == []
    (problem,) = check(out, model_hash=model_hash(HashEncoder("other").manifest))
    assert problem.startswith("stale: vectors were computed with another encoder model")


def test_adding_vectors_twice_replaces_them(built: tuple[Path, Path, Path]) -> None:
    out = built[2]
    add_vectors(out, HashEncoder("first"))
    manifest = add_vectors(out, HashEncoder("second"))
    assert manifest["vectors"]["model"] == "second"
    assert check(out) == []


def test_rebuilding_drops_vectors_and_asking_for_them_says_what_to_run(
    built: tuple[Path, Path, Path],
) -> None:
    onet, esco, out = built
    add_vectors(out, HashEncoder())
    build(onet, esco, out)
    taxonomy = Taxonomy.load(out)
    assert not taxonomy.has_vectors
    with pytest.raises(TaxonomyError, match="no 'occupations' vectors") as caught:
        taxonomy.vectors("occupations")
    assert caught.value.hint is not None
    assert caught.value.hint.command == "aicareers data vectors"


@given(arrays(np.float32, (4, 8), elements=st.floats(-1, 1, width=32)))
def test_quantize_round_trip_keeps_direction(rows: np.ndarray[Any, Any]) -> None:
    codes, scale = quantize(rows)
    assert codes.dtype == np.int8
    back = dequantize(codes, scale)
    for original, restored in zip(rows, back, strict=True):
        norm = float(np.linalg.norm(original))
        if norm > 0.1:
            cosine = float(original @ restored) / norm
            assert cosine > 0.99


def test_mean_sets_store_one_unit_vector_per_occupation(built: tuple[Path, Path, Path]) -> None:
    from aicareers.build.vectors import grouped_texts, mean_rows

    out = built[2]
    texts, rows = grouped_texts(out)["occupation_task_mean"]
    assert len(texts) == len(rows)
    add_vectors(out, HashEncoder())
    taxonomy = Taxonomy.load(out)
    got = taxonomy.vectors("occupation_task_mean")
    assert got.shape == (3, 384)
    expected = mean_rows(HashEncoder().encode(texts), rows, 3)
    present = np.linalg.norm(expected, axis=1) > 0
    assert np.min(np.sum(got[present] * expected[present], axis=1)) > 0.999
    assert np.all(np.linalg.norm(got[~present], axis=1) == 0)
