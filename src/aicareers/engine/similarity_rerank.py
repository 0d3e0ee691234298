"""Re-ranking occupation pairs with a learned logistic model over per-pair features (pure numpy).

The unsupervised fusion proposes candidates; this module turns each pair (query ``i``,
candidate ``j``) into features (every facet's row z-score, its reciprocal rank in ``i``'s row
and in ``j``'s row, log rank, whether the facet is missing, shared SOC groups, job-zone gap,
"All Other" flags) and scores them with a ``RerankModel``. The model's coefficients were fitted
on O*NET's Related Occupations (see docs/similarity.md and ``taxonomy/similarity_learn.py``);
they are a table of numbers here, so the runtime needs numpy only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from .occupation_facets import OccupationContent

Array = np.ndarray[Any, Any]

CANDIDATES = 100  # pairs outside both rows' top-100 by the fusion are never lifted above them
OUTSIDE = 100.0  # logit penalty that keeps non-candidates below every candidate
SOC_LEVELS = {"soc_major": 2, "soc_minor": 5, "soc_broad": 6}


@dataclass(frozen=True)
class RerankModel:
    """A logistic model: ``logit = bias + sum(coef * (feature - mean) / scale)``."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    bias: float

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RerankModel:
        """The model from its plain form (as generated into ``similarity_model.py``)."""
        return cls(
            features=tuple(data["features"]),
            mean=tuple(data["mean"]),
            scale=tuple(data["scale"]),
            coef=tuple(data["coef"]),
            bias=float(data["bias"]),
        )


def row_ranks(values: Array) -> Array:
    """0-based rank of each column within its row, best first (NaN and the diagonal last)."""
    filled = np.nan_to_num(values, nan=-np.inf).astype(np.float64)
    np.fill_diagonal(filled, -np.inf)
    order = np.argsort(-filled, axis=1, kind="stable")
    ranks = np.empty_like(order)
    ranks[np.arange(len(values))[:, None], order] = np.arange(values.shape[1])
    return ranks


def _facet_planes(name: str, z: Array) -> Iterator[tuple[str, Array]]:
    # Reciprocal ranks say "j is among i's very nearest" whatever the facet's cosine scale is.
    ranks = row_ranks(z)
    yield name, np.nan_to_num(z, nan=0.0)
    yield f"{name}_rr", 1.0 / (1.0 + ranks)
    yield f"{name}_rrT", 1.0 / (1.0 + ranks.T)
    yield f"{name}_logr", np.log1p(ranks)
    yield f"{name}_missing", np.isnan(z).astype(np.float32)


def _structure_planes(content: OccupationContent) -> Iterator[tuple[str, Array]]:
    n = len(content.codes)
    for name, width in SOC_LEVELS.items():
        key = np.array([code[:width] for code in content.codes])
        yield name, (key[:, None] == key[None, :]).astype(np.float32)
    zones = content.job_zones if content.job_zones is not None else np.zeros(n)
    known = np.where(np.asarray(zones) > 0, np.asarray(zones, dtype=np.float32), np.nan)
    yield "job_zone_gap", np.nan_to_num(np.abs(known[:, None] - known[None, :]), nan=1.0)
    # "All Other" occupations have no tasks of their own and crowd other lists.
    residual = np.array(["All Other" in title for title in content.titles] or [False] * n)
    yield "candidate_all_other", np.broadcast_to(residual[None, :], (n, n)).astype(np.float32)
    yield "query_all_other", np.broadcast_to(residual[:, None], (n, n)).astype(np.float32)


def feature_planes(
    zs: Mapping[str, Array], fused: Array, content: OccupationContent
) -> Iterator[tuple[str, Array]]:
    """Every pair feature as a named (n, n) plane, one at a time (all at once is 400 MB)."""
    for name, z in {**zs, "fused": fused}.items():
        yield from _facet_planes(name, z)
    yield from _structure_planes(content)


def candidates(fused: Array, k: int = CANDIDATES) -> Array:
    """Boolean (n, n): whether a column is among its row's ``k`` best by the fusion."""
    chosen: Array = row_ranks(fused) < min(k, fused.shape[0] - 1)
    return chosen


def rerank(
    zs: Mapping[str, Array],
    fused: Array,
    content: OccupationContent,
    model: RerankModel,
    symmetric: bool = True,
) -> Array:
    """(n, n) learned logits (NaN on the diagonal), symmetrised unless told otherwise."""
    wanted = {name: k for k, name in enumerate(model.features)}
    logit = np.full(fused.shape, model.bias, dtype=np.float64)
    seen = set()
    for name, plane in feature_planes(zs, fused, content):
        k = wanted.get(name)
        if k is not None:
            logit += model.coef[k] * (plane - model.mean[k]) / model.scale[k]
            seen.add(name)
    if missing := sorted(set(wanted) - seen):
        raise ValueError(f"the content lacks features the model needs: {', '.join(missing)}")
    chosen = candidates(fused)
    logit = np.where(chosen | chosen.T, logit, logit - OUTSIDE)
    # The model scores i -> j; a similarity is symmetric, so average both directions.
    result: Array = (logit + logit.T) / 2 if symmetric else logit
    np.fill_diagonal(result, np.nan)
    return result
