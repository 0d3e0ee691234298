"""Build stage: sentence embeddings of occupations and ESCO skills, added to an artifact.

``add_vectors(folder)`` embeds the texts of an existing artifact with the local encoder
(``aicareers.semantic``), stores them int8-quantised (``taxonomy.vectors.quantize``) and records
the encoder's hash and the texts' hashes in the manifest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ..errors import TaxonomyError
from ..taxonomy.artifact import read_table, sha256_texts, write_files
from ..taxonomy.manifest import DEFAULT_DIR, Manifest, read_manifest, write_manifest
from ..taxonomy.vectors import model_hash, quantize

TASKS_PER_SUMMARY = 6  # about 150 tokens: stays inside the encoder's 256-token window
TITLES_PER_MEAN = 30  # a fixed-seed sample: 28.6k of 68.8k titles, half the encoding time
VECTOR_SETS = {
    "occupations": "O*NET title. description",
    "occupation_tasks": "O*NET title: its first core tasks",
    "esco_skills": "ESCO skill preferred label",
    "occupation_task_mean": "mean of the embeddings of each of its task statements",
    "occupation_title_mean": f"mean of the embeddings of up to {TITLES_PER_MEAN} of its titles",
}
# Sets embedded text by text and averaged per occupation: one vector per occupation is stored,
# never the per-text vectors (18,796 tasks would cost 7 MB); zero rows mark no texts.
MEAN_SETS = ("occupation_task_mean", "occupation_title_mean")


class TextEncoder(Protocol):
    """What the vector stage needs of ``aicareers.semantic.Encoder``."""

    manifest: dict[str, Any]

    def encode(self, texts: Sequence[str], batch_size: int = ...) -> np.ndarray[Any, Any]:
        """Unit-length float32 vectors, one row per text."""


def vector_texts(folder: Path) -> dict[str, list[str]]:
    """The texts each vector set embeds, in row order of its table."""
    occupations = read_table(folder, "occupations.json.gz")
    tasks = read_table(folder, "tasks.json.gz")
    firsts: list[list[str]] = [[] for _ in occupations["code"]]
    # Core tasks first, then the rest, each in O*NET's order.
    for wanted in ("Core", "Supplemental", ""):
        for occ, text, kind in zip(tasks["occupation"], tasks["text"], tasks["type"], strict=True):
            if kind == wanted and len(firsts[occ]) < TASKS_PER_SUMMARY:
                firsts[occ].append(text)
    titles = occupations["title"]
    return {
        "occupations": [
            f"{t}. {d}" for t, d in zip(titles, occupations["description"], strict=True)
        ],
        "occupation_tasks": [f"{t}: {' '.join(f)}" for t, f in zip(titles, firsts, strict=True)],
        "esco_skills": list(read_table(folder, "esco_skills.json.gz")["label"]),
    }


def grouped_texts(folder: Path) -> dict[str, tuple[list[str], list[int]]]:
    """The texts of each mean set with the occupation row of each text."""
    tasks = read_table(folder, "tasks.json.gz")
    titles = read_table(folder, "titles.json.gz")
    rng = np.random.default_rng(0)
    occupation = np.asarray(titles["occupation"], dtype=np.int64)
    picked: list[int] = []
    for row in range(len(read_table(folder, "occupations.json.gz")["code"])):
        mine = np.flatnonzero(occupation == row)
        if len(mine) > TITLES_PER_MEAN:
            mine = np.sort(rng.choice(mine, TITLES_PER_MEAN, replace=False))
        picked += mine.tolist()
    return {
        "occupation_task_mean": (list(tasks["text"]), list(tasks["occupation"])),
        "occupation_title_mean": (
            [titles["title"][i] for i in picked],
            occupation[picked].tolist(),
        ),
    }


def mean_rows(vectors: np.ndarray[Any, Any], rows: list[int], n: int) -> np.ndarray[Any, Any]:
    """Unit-length mean of ``vectors`` per row id in ``range(n)``; rows with none stay zero."""
    total = np.zeros((n, vectors.shape[1]), dtype=np.float64)
    np.add.at(total, np.asarray(rows, dtype=np.int64), vectors)
    norms = np.linalg.norm(total, axis=1, keepdims=True)
    result: np.ndarray[Any, Any] = (total / np.where(norms > 0, norms, 1.0)).astype(np.float32)
    return result


def _all_sets(
    folder: Path, encoder: TextEncoder, progress: Callable[[str], None]
) -> Iterator[tuple[str, list[str], np.ndarray[Any, Any]]]:
    """``(name, texts hashed, vectors)`` of every vector set, plain then averaged."""
    for name, texts in vector_texts(folder).items():
        progress(f"embedding {len(texts):,} {name}")
        yield name, texts, np.asarray(encoder.encode(texts), dtype=np.float32)
    n = len(read_table(folder, "occupations.json.gz")["code"])
    for name, (texts, rows) in grouped_texts(folder).items():
        progress(f"embedding {len(texts):,} texts for {name}")
        vectors = np.asarray(encoder.encode(texts), dtype=np.float32).reshape(len(texts), -1)
        yield name, texts, mean_rows(vectors, rows, n)


def _model_name(model_manifest: dict[str, Any]) -> str:
    upstream = model_manifest.get("upstream")
    name = model_manifest.get("name") or (upstream or {}).get("model") or "unknown"
    quantization = model_manifest.get("quantization")
    weights = quantization.get("weight_type") if isinstance(quantization, dict) else None
    return f"{name} ({weights})" if weights else str(name)


def _load_encoder() -> TextEncoder:
    try:
        from ..semantic import Encoder
    except ImportError as exc:
        raise TaxonomyError(f"The sentence encoder is not available ({exc}).") from exc
    encoder: TextEncoder = Encoder.load()
    return encoder


def add_vectors(
    folder: Path | None = None,
    encoder: TextEncoder | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> Manifest:
    """Embed the texts of an existing artifact and record the vectors in its manifest."""
    folder = Path(folder) if folder is not None else DEFAULT_DIR
    manifest = read_manifest(folder)
    encoder = encoder if encoder is not None else _load_encoder()
    files: dict[str, Any] = {}
    sets: dict[str, Any] = {}
    for name, texts, vectors in _all_sets(folder, encoder, progress):
        codes, scale = quantize(vectors)
        files[f"vectors_{name}.npy"] = codes
        files[f"vectors_{name}_scale.npy"] = scale
        sets[name] = {
            "text": VECTOR_SETS[name],
            "rows": int(vectors.shape[0]),
            "texts_sha256": sha256_texts(texts),
        }
    old = manifest["vectors"]["files"] if manifest.get("vectors") else []
    entries = {k: v for k, v in manifest["files"].items() if k not in old}
    entries.update(write_files(folder, files))
    manifest["files"] = entries
    manifest["vectors"] = {
        "model": _model_name(encoder.manifest),
        "model_hash": model_hash(encoder.manifest),
        "dtype": "int8 with a float32 scale per row",
        "dim": int(files["vectors_occupations.npy"].shape[1]),
        "sets": sets,
        "files": sorted(files),
    }
    write_manifest(folder, manifest)
    return manifest
