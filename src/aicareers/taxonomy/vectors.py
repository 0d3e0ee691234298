"""Sentence vectors in the artifact: int8 storage and the encoder identity they were made with.

Vectors are int8 with one float32 scale per row (a quarter of float32's size; cosine error about
1e-3). The manifest records the encoder's manifest hash (``model_hash``) and a hash of the
embedded texts, so a new model or changed texts mark the vectors stale instead of silently
mismatching. Computing them is a build stage: ``aicareers.build.vectors``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import numpy as np

IDENTITY_KEYS = ("format_version", "dimensions", "max_tokens", "pooling", "files")


def model_hash(model_manifest: dict[str, Any]) -> str:
    """A hash of what makes an encoder's vectors what they are (its files and settings)."""
    # Build timings and agreement scores differ between builds of the same model: leave them out.
    identity = {k: model_manifest[k] for k in IDENTITY_KEYS if k in model_manifest}
    canonical = json.dumps(identity or model_manifest, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def current_model_hash() -> str | None:
    """The hash of the locally built encoder's manifest, or None when there is no model."""
    try:
        from ..semantic.paths import MANIFEST_FILE, default_model_dir

        text = (default_model_dir() / MANIFEST_FILE).read_text("utf-8")
        found: dict[str, Any] = json.loads(text)
    except (ImportError, OSError, ValueError):
        return None
    return model_hash(found)


def quantize(vectors: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """float rows -> (int8 rows, float32 per-row scales) with ``row ~ int8 * scale``."""
    peak = np.abs(vectors).max(axis=1)
    scale = (peak / 127.0).astype(np.float32)
    # A zero row, or one so small that its scale underflows float32, is stored as zeros.
    scale[scale <= 0] = 1.0
    codes = np.clip(np.rint(vectors / scale[:, None]), -127, 127).astype(np.int8)
    return codes, scale


def dequantize(codes: np.ndarray[Any, Any], scale: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """(int8 rows, scales) -> float32 rows, renormalised to unit length."""
    vectors = codes.astype(np.float32) * scale[:, None]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    result: np.ndarray[Any, Any] = vectors / np.where(norms > 0, norms, 1.0)
    return result
