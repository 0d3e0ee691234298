"""Occupation similarity from the artifact: gather content, fuse it, store a neighbour table.

``add_similarity(folder)`` is the build hook (run it after the vector stage, or after the plain
build when there are no vectors): it writes ``similarity_*.npy`` and records them in the
manifest. ``load_similarity(taxonomy)`` reads that table, or computes it in memory when the
artifact has none (or a stale one). O*NET's Related Occupations never feed any of this.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from ..engine.occupations.facets import OccupationContent, role_heads
from ..engine.occupations.similarity import (
    DEFAULT_WEIGHTS,
    METHOD_VERSION,
    OccupationSimilarity,
    SimilarityTable,
    build_table,
)
from ..engine.occupations.similarity_model import MODEL
from ..engine.occupations.similarity_rerank import Model, model_from_dict
from ..taxonomy.artifact import read_array, read_table, write_files
from ..taxonomy.manifest import DEFAULT_DIR, Manifest, read_manifest, write_manifest
from ..taxonomy.model import Taxonomy

FILES = {
    "neighbours": "similarity_neighbours.npy",
    "scores": "similarity_scores.npy",
}
VECTOR_FACETS = {
    "embed_description": "occupations",
    "embed_tasks": "occupation_tasks",
    "embed_task_mean": "occupation_task_mean",
    "embed_title_mean": "occupation_title_mean",
}
OFFICIAL_ROLE_REPEATS = 3  # the official title's roles outweigh any one alternate title's


def shipped_model() -> Model:
    """The re-ranking model fitted on O*NET's related occupations (see docs/similarity.md)."""
    return model_from_dict(MODEL)


def _by_occupation(n: int, rows: Any, values: list[Any]) -> list[list[Any]]:
    grouped: list[list[Any]] = [[] for _ in range(n)]
    for occupation, value in zip(rows.tolist(), values, strict=True):
        grouped[occupation].append(value)
    return grouped


def _iwa_bags(taxonomy: Taxonomy, dwa_bags: list[list[int]]) -> list[list[str]]:
    iwa = read_table(taxonomy.folder, "dwas.json.gz")["iwa"]
    return [[f"iwa{iwa[d]}" for d in bag if iwa[d] >= 0] for bag in dwa_bags]


def _role_bags(taxonomy: Taxonomy) -> list[list[str]]:
    titles = taxonomy.titles
    heads = [
        role_heads(text) * (OFFICIAL_ROLE_REPEATS if kind == "title" else 1)
        for text, kind in zip(titles.texts, titles.kind, strict=True)
    ]
    bags = _by_occupation(len(taxonomy.occupations), titles.occupation, heads)
    return [[head for group in bag for head in group] for bag in bags]


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
        sets = taxonomy.manifest["vectors"]["sets"]
        vectors = {
            name: taxonomy.vectors(part) for name, part in VECTOR_FACETS.items() if part in sets
        }
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
            "role": _role_bags(taxonomy),
        },
        ratings={
            "skills": taxonomy.skills.importance,
            "knowledge": taxonomy.knowledge.importance,
            "interests": occupations.interests,
        },
        vectors=vectors,
        titles=list(occupations.titles),
        job_zones=np.asarray(occupations.job_zones),
    )


def _table(taxonomy: Taxonomy) -> SimilarityTable:
    """The learned re-ranking when the content has every facet it needs, else the fusion."""
    content = content_from(taxonomy)
    model = shipped_model()
    needed = {name for name in VECTOR_FACETS if f"{name}_rr" in model.features}
    usable = bool(model.features) and needed <= set(content.vectors)
    return build_table(content, DEFAULT_WEIGHTS, model if usable else None)


def _fingerprint(manifest: Manifest) -> dict[str, Any]:
    """What a stored table was computed from: the method and the artifact's content files."""
    sources = {k: v["sha256"] for k, v in manifest["files"].items() if not k.startswith("simil")}
    model = hashlib.sha256(json.dumps(MODEL, sort_keys=True).encode("utf-8")).hexdigest()
    return {"method": METHOD_VERSION, "model": model, "files": dict(sorted(sources.items()))}


def add_similarity(
    folder: Path | None = None, progress: Callable[[str], None] = lambda _: None
) -> Manifest:
    """Compute the fused similarity of an existing artifact and store its neighbour table."""
    folder = Path(folder) if folder is not None else DEFAULT_DIR
    taxonomy = Taxonomy.load(folder)
    progress("occupation similarity")
    table = _table(taxonomy)
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
        "learned_rerank": table.learned,
        "note": (
            "content-based; O*NET Related Occupations are not an input. The re-ranking "
            "coefficients were fitted on them (see docs/similarity.md)"
            if table.learned
            else "content-based; O*NET Related Occupations are not an input"
        ),
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
        learned=bool(recorded.get("learned_rerank", False)),
    )


def load_similarity(taxonomy: Taxonomy | None = None) -> OccupationSimilarity:
    """The occupation similarity of ``taxonomy`` (default: the shipped one), stored or computed."""
    taxonomy = taxonomy if taxonomy is not None else Taxonomy.load()
    table = _stored(taxonomy)
    if table is None:
        table = _table(taxonomy)
    return OccupationSimilarity(table)
