"""Occupation similarity from the taxonomy artifact: its content, its re-ranker, its stored table.

``load_similarity(taxonomy)`` is what the runtime calls: it reads the neighbour table that the
build stored (``build/similarity.add_similarity``) when its fingerprint still matches the
artifact, the re-ranking model and this code's method, and otherwise computes the table in
memory. The build imports this module; the runtime never imports the build. O*NET's Related
Occupations never feed any of this.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

import numpy as np

from ...errors import TaxonomyError
from ...taxonomy.artifact import read_array, read_table
from ...taxonomy.manifest import SIMILARITY_MODEL, Manifest
from ...taxonomy.model import Taxonomy
from .facets import OccupationContent, role_heads
from .similarity import (
    DEFAULT_WEIGHTS,
    METHOD_VERSION,
    OccupationSimilarity,
    SimilarityTable,
    build_table,
)
from .similarity_rerank import Model, model_from_dict

# The stored neighbour table; every artifact file named ``simil...`` (these and the model) is
# left out of the fingerprint's file hashes: the table is the output, the model is hashed apart.
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


def reranker(taxonomy: Taxonomy) -> Model | None:
    """The artifact's learned re-ranking model, or None when it ships without one."""
    plain = taxonomy.similarity_model
    return model_from_dict(plain) if plain is not None else None


def shipped_model() -> Model:
    """The re-ranking model fitted on O*NET's related occupations (see docs/similarity.md)."""
    model = reranker(Taxonomy.load())
    if model is None:
        raise TaxonomyError(f"The shipped taxonomy lacks its {SIMILARITY_MODEL}.")
    return model


def _usable(model: Model | None, content: OccupationContent) -> Model | None:
    """``model`` if ``content`` has every vector facet it reads, else None (the fusion ranks)."""
    # An artifact built without vectors, or with fewer sets, still gets a table, not an error.
    if model is None or not model.features:
        return None
    needed = {name for name in VECTOR_FACETS if f"{name}_rr" in model.features}
    return model if needed <= set(content.vectors) else None


def compute_table(taxonomy: Taxonomy) -> SimilarityTable:
    """The learned re-ranking when the content has every facet it needs, else the fusion."""
    content = content_from(taxonomy)
    return build_table(content, DEFAULT_WEIGHTS, _usable(reranker(taxonomy), content))


def model_hash(plain: Mapping[str, Any] | None) -> str | None:
    """A hash of a re-ranking model's plain form (key order does not matter)."""
    if plain is None:
        return None
    # The same canonical JSON as when the model was a generated Python dict, so the
    # fingerprints of tables stored back then still match.
    return hashlib.sha256(json.dumps(plain, sort_keys=True).encode("utf-8")).hexdigest()


def fingerprint(manifest: Manifest, model: Mapping[str, Any] | None) -> dict[str, Any]:
    """What a stored table was computed from: the method, the model and the content files."""
    # The wage survey's files do not enter the similarity, so adding them keeps the table.
    skip = ("simil", "wages")
    sources = {k: v["sha256"] for k, v in manifest["files"].items() if not k.startswith(skip)}
    return {
        "method": METHOD_VERSION,
        "model": model_hash(model),
        "files": dict(sorted(sources.items())),
    }


def stored_table(taxonomy: Taxonomy) -> SimilarityTable | None:
    """The stored table when it exists and matches the artifact, its model and this method."""
    recorded = taxonomy.manifest.get("similarity")
    if not recorded:
        return None
    expected = fingerprint(taxonomy.manifest, taxonomy.similarity_model)
    if any(recorded.get(k) != v for k, v in expected.items()):
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
    table = stored_table(taxonomy)
    if table is None:
        table = compute_table(taxonomy)
    return OccupationSimilarity(table)
