"""Occupation similarity from the artifact: gather content, fuse it, store a neighbour table.

``add_similarity(folder)`` is the build hook (run it after the vector stage, or after the plain
build when there are no vectors): it writes ``similarity_*.npy`` and records them in the
manifest. ``load_similarity(taxonomy)`` reads that table, or computes it in memory when the
artifact has none (or a stale one). O*NET's Related Occupations never feed any of this.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from ..engine.occupation_facets import OccupationContent
from ..engine.similarity import (
    DEFAULT_WEIGHTS,
    METHOD_VERSION,
    OccupationSimilarity,
    SimilarityTable,
    build_table,
)
from .artifact import read_array, read_table, write_files
from .manifest import DEFAULT_DIR, Manifest, read_manifest, write_manifest
from .model import Taxonomy

FILES = {
    "neighbours": "similarity_neighbours.npy",
    "scores": "similarity_scores.npy",
}
VECTOR_FACETS = {"embed_description": "occupations", "embed_tasks": "occupation_tasks"}


def _by_occupation(n: int, rows: Any, values: list[Any]) -> list[list[Any]]:
    grouped: list[list[Any]] = [[] for _ in range(n)]
    for occupation, value in zip(rows.tolist(), values, strict=True):
        grouped[occupation].append(value)
    return grouped


def _iwa_bags(taxonomy: Taxonomy, dwa_bags: list[list[int]]) -> list[list[str]]:
    iwa = read_table(taxonomy.folder, "dwas.json.gz")["iwa"]
    return [[f"iwa{iwa[d]}" for d in bag if iwa[d] >= 0] for bag in dwa_bags]


def content_from(taxonomy: Taxonomy, with_vectors: bool = True) -> OccupationContent:
    """Every content facet of every occupation, read from the artifact."""
    occupations = taxonomy.occupations
    n = len(occupations)
    tasks, titles, tech = taxonomy.tasks, taxonomy.titles, taxonomy.technology
    task_texts = _by_occupation(n, tasks.occupation, tasks.texts)
    dwa_rows = _by_occupation(n, tasks.link_occupation, tasks.link_dwa.tolist())
    title_texts = _by_occupation(n, titles.occupation, titles.texts)
    examples = [e.lower() for e in tech.examples]
    vectors: dict[str, Any] = {}
    if with_vectors and taxonomy.has_vectors:
        vectors = {name: taxonomy.vectors(part) for name, part in VECTOR_FACETS.items()}
    return OccupationContent(
        codes=list(occupations.codes),
        texts={
            "tasks": [" ".join(texts) for texts in task_texts],
            "description": list(occupations.descriptions),
            "titles": [" ".join(texts) for texts in title_texts],
        },
        bags={
            "dwas": [[tasks.dwa_ids[d] for d in bag] for bag in dwa_rows],
            "iwas": _iwa_bags(taxonomy, dwa_rows),
            "commodities": _by_occupation(n, tech.occupation, list(map(str, tech.commodity_codes))),
            "technology": _by_occupation(n, tech.occupation, examples),
        },
        ratings={
            "skills": taxonomy.skills.importance,
            "knowledge": taxonomy.knowledge.importance,
            "interests": occupations.interests,
        },
        vectors=vectors,
    )


def _fingerprint(manifest: Manifest) -> dict[str, Any]:
    """What a stored table was computed from: the method and the artifact's content files."""
    sources = {k: v["sha256"] for k, v in manifest["files"].items() if not k.startswith("simil")}
    return {"method": METHOD_VERSION, "files": dict(sorted(sources.items()))}


def add_similarity(
    folder: Path | None = None, progress: Callable[[str], None] = lambda _: None
) -> Manifest:
    """Compute the fused similarity of an existing artifact and store its neighbour table."""
    folder = Path(folder) if folder is not None else DEFAULT_DIR
    taxonomy = Taxonomy.load(folder)
    progress("occupation similarity")
    table = build_table(content_from(taxonomy), DEFAULT_WEIGHTS)
    manifest = read_manifest(folder)
    files = {
        FILES["neighbours"]: table.neighbours,
        FILES["scores"]: table.scores,
    }
    entries = {k: v for k, v in manifest["files"].items() if not k.startswith("similarity_")}
    entries.update(write_files(folder, files))
    manifest["files"] = entries
    manifest["similarity"] = {
        **_fingerprint(manifest),
        "weights": dict(table.weights),
        "neighbours": int(table.neighbours.shape[1]),
        "note": "content-based; O*NET Related Occupations are not an input",
    }
    write_manifest(folder, manifest)
    return manifest


def _stored(taxonomy: Taxonomy) -> SimilarityTable | None:
    """The stored table when it exists and matches the artifact and this code's method."""
    recorded = taxonomy.manifest.get("similarity")
    if not recorded or any(
        recorded.get(k) != v for k, v in _fingerprint(taxonomy.manifest).items()
    ):
        return None
    folder = taxonomy.folder
    return SimilarityTable(
        codes=list(taxonomy.occupations.codes),
        neighbours=read_array(folder, FILES["neighbours"]).astype(np.int32),
        scores=read_array(folder, FILES["scores"]).astype(np.uint8),
        weights=dict(recorded["weights"]),
    )


def load_similarity(taxonomy: Taxonomy | None = None) -> OccupationSimilarity:
    """The occupation similarity of ``taxonomy`` (default: the shipped one), stored or computed."""
    taxonomy = taxonomy if taxonomy is not None else Taxonomy.load()
    table = _stored(taxonomy)
    if table is None:
        table = build_table(content_from(taxonomy), DEFAULT_WEIGHTS)
    return OccupationSimilarity(table)
