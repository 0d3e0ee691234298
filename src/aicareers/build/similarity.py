"""Build stage: store the occupation-similarity table, and write a refitted re-ranking model.

``add_similarity(folder)`` runs after the vector stage (or after the plain build when there are
no vectors): it computes the table with the engine's loader and writes ``similarity_*.npy``,
recording them and their fingerprint in the manifest. ``write_model`` puts a re-ranking model
fitted by ``bench/related_occupations.py --write-model`` into the artifact. Reading the table
back is the runtime's business (``engine/occupations/loading.py``), not this module's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..engine.occupations.loading import FILES, compute_table, fingerprint
from ..taxonomy.artifact import write_files
from ..taxonomy.manifest import (
    DEFAULT_DIR,
    SIMILARITY_MODEL,
    Manifest,
    read_manifest,
    write_manifest,
)
from ..taxonomy.model import Taxonomy


def _note(learned: bool) -> str:
    if learned:
        return (
            "content-based; O*NET Related Occupations are not an input. The re-ranking "
            "coefficients were fitted on them (see docs/similarity.md)"
        )
    return "content-based; O*NET Related Occupations are not an input"


def add_similarity(
    folder: Path | None = None, progress: Callable[[str], None] = lambda _: None
) -> Manifest:
    """Compute the similarity of an existing artifact and store its neighbour table."""
    folder = Path(folder) if folder is not None else DEFAULT_DIR
    taxonomy = Taxonomy.load(folder)
    progress("occupation similarity")
    table = compute_table(taxonomy)
    manifest = read_manifest(folder)
    files = {
        FILES["neighbours"]: table.neighbours,
        FILES["scores"]: table.scores,
    }
    # Replace only the table's entries: the re-ranking model is an input here, and stays.
    entries = {k: v for k, v in manifest["files"].items() if k not in files}
    entries.update(write_files(folder, files))
    manifest["files"] = entries
    manifest["similarity"] = {
        **fingerprint(manifest, taxonomy.similarity_model),
        "weights": dict(table.weights),
        "neighbours": int(table.neighbours.shape[1]),
        "learned_rerank": table.learned,
        "note": _note(table.learned),
    }
    write_manifest(folder, manifest)
    return manifest


def write_model(folder: Path | None, model: Mapping[str, Any], note: str) -> Manifest:
    """Store a re-ranking model's plain form (``to_dict()``) in the artifact and its manifest.

    The stored table then no longer matches its fingerprint: run ``add_similarity`` next (the
    runtime computes the table in memory until then).
    """
    folder = Path(folder) if folder is not None else DEFAULT_DIR
    manifest = read_manifest(folder)
    document = {"note": note, "model": dict(model)}
    manifest["files"].update(write_files(folder, {SIMILARITY_MODEL: document}))
    write_manifest(folder, manifest)
    return manifest
