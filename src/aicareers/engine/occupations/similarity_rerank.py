"""Re-ranking occupation pairs with a learned model over per-pair features (pure numpy).

The unsupervised fusion proposes candidates; this module turns each pair (query ``i``,
candidate ``j``) into features (every facet's row z-score, its reciprocal rank in ``i``'s row
and in ``j``'s row, log rank, whether the facet is missing; list-wise features that place ``j``
among ``i``'s other candidates; hubness and shared neighbours in the facets' nearest-neighbour
graphs (``similarity_graph``); shared SOC groups, job-zone gap, "All Other" flags) and scores
them with a model: a logistic ``RerankModel`` or gradient-boosted trees (``TreeModel``). The
model was fitted on O*NET's Related Occupations (see docs/similarity.md and
``build/similarity_learn.py``) and ships as a data file of the taxonomy artifact
(``similarity_model.json.gz``); it is a table of numbers here, so the runtime needs numpy only.
"""

from __future__ import annotations

import base64
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from .facets import OccupationContent
from .similarity_graph import graph_planes

Array = np.ndarray[Any, Any]

CANDIDATES = 100  # pairs outside both rows' top-100 by the fusion are never lifted above them
OUTSIDE = 100.0  # logit penalty that keeps non-candidates below every candidate
SOC_LEVELS = {"soc_major": 2, "soc_minor": 5, "soc_broad": 6}
TOP = 10  # list-wise features count the facets that put a pair in a row's top 10
# One record per tree node; node indices are global over all trees, -1 = none (a leaf).
NODE_DTYPE = np.dtype(
    [
        ("feature", "<i2"),
        ("threshold", "<f8"),
        ("left", "<i4"),
        ("right", "<i4"),
        ("value", "<f8"),
        ("missing_left", "u1"),
    ]
)


@dataclass(frozen=True)
class RerankModel:
    """A logistic model: ``logit = bias + sum(coef * (feature - mean) / scale)``."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    bias: float

    def to_dict(self) -> dict[str, Any]:
        """The plain form kept in the artifact's ``similarity_model.json.gz``."""
        return {
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "bias": float(self.bias),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RerankModel:
        """The model from ``to_dict``'s form."""
        return cls(
            features=tuple(data["features"]),
            mean=tuple(data["mean"]),
            scale=tuple(data["scale"]),
            coef=tuple(data["coef"]),
            bias=float(data["bias"]),
        )


@dataclass(frozen=True)
class TreeModel:
    """Gradient-boosted trees: ``logit = baseline + sum over trees of the reached leaf's value``.

    ``nodes`` is a ``NODE_DTYPE`` array of every tree's nodes; ``roots`` the index of each tree's
    first node. At an inner node a pair goes left when ``x[feature] <= threshold`` (a NaN goes
    where ``missing_left`` says), as scikit-learn's HistGradientBoostingClassifier decides.
    """

    features: tuple[str, ...]
    nodes: Array
    roots: Array
    baseline: float

    def logits(self, x: Array) -> Array:
        """Raw scores (log-odds) of the rows of ``x`` (columns in ``features`` order)."""
        nodes = self.nodes
        feature = nodes["feature"].astype(np.intp)
        threshold, value = nodes["threshold"], nodes["value"]
        left, right = nodes["left"].astype(np.intp), nodes["right"].astype(np.intp)
        missing_left = nodes["missing_left"].astype(bool)
        out = np.full(len(x), self.baseline, dtype=np.float64)
        for root in self.roots.tolist():
            node = np.full(len(x), root, dtype=np.intp)
            active = np.arange(len(x))
            while len(active):
                at = node[active]
                inner = left[at] >= 0
                active, at = active[inner], at[inner]
                seen = x[active, feature[at]].astype(np.float64)
                go_left = np.where(np.isnan(seen), missing_left[at], seen <= threshold[at])
                node[active] = np.where(go_left, left[at], right[at])
            out += value[node]
        return out

    def to_dict(self) -> dict[str, Any]:
        """The plain form: the node table as zlib-compressed base64 (a JSON string)."""
        packed = base64.b64encode(zlib.compress(self.nodes.tobytes(), 9)).decode("ascii")
        return {
            "kind": "trees",
            "features": list(self.features),
            "roots": self.roots.tolist(),
            "baseline": self.baseline,
            "nodes": packed,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TreeModel:
        """The model from ``to_dict``'s form."""
        raw = zlib.decompress(base64.b64decode(data["nodes"]))
        return cls(
            features=tuple(data["features"]),
            nodes=np.frombuffer(raw, dtype=NODE_DTYPE).copy(),
            roots=np.asarray(data["roots"], dtype=np.intp),
            baseline=float(data["baseline"]),
        )


Model = RerankModel | TreeModel


def model_from_dict(data: Mapping[str, Any]) -> Model:
    """A logistic or tree model from its plain form (``kind`` says which; logistic if absent)."""
    if data.get("kind") == "trees":
        return TreeModel.from_dict(data)
    return RerankModel.from_dict(data)


def row_ranks(values: Array) -> Array:
    """0-based rank of each column within its row, best first (NaN and the diagonal last)."""
    filled = np.nan_to_num(values, nan=-np.inf).astype(np.float64)
    np.fill_diagonal(filled, -np.inf)
    order = np.argsort(-filled, axis=1, kind="stable")
    ranks = np.empty_like(order)
    ranks[np.arange(len(values))[:, None], order] = np.arange(values.shape[1])
    return ranks


def _facet_planes(name: str, z: Array, ranks: Array) -> Iterator[tuple[str, Array]]:
    # Reciprocal ranks say "j is among i's very nearest" whatever the facet's cosine scale is.
    yield name, np.nan_to_num(z, nan=0.0)
    yield f"{name}_rr", 1.0 / (1.0 + ranks)
    yield f"{name}_rrT", 1.0 / (1.0 + ranks.T)
    yield f"{name}_logr", np.log1p(ranks)
    yield f"{name}_missing", np.isnan(z).astype(np.float32)


def _listwise_planes(name: str, z: Array, chosen: Array) -> Iterator[tuple[str, Array]]:
    # Where j stands among i's candidates: the gap to i's best and a z-score over the candidates.
    values = np.nan_to_num(z, nan=0.0).astype(np.float64)
    best = np.max(np.where(np.isnan(z), -np.inf, z), axis=1, keepdims=True)
    best[~np.isfinite(best)] = 0.0
    count = np.maximum(chosen.sum(axis=1, keepdims=True), 1)
    mean = np.where(chosen, values, 0.0).sum(axis=1, keepdims=True) / count
    spread = np.sqrt(np.where(chosen, (values - mean) ** 2, 0.0).sum(axis=1, keepdims=True) / count)
    yield f"{name}_best_gap", values - best
    yield f"{name}_cand_z", (values - mean) / np.where(spread > 0, spread, 1.0)


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
    """Every pair feature as a named (n, n) plane, one at a time (all at once is 600 MB)."""
    chosen = candidates(fused)
    n = fused.shape[0]
    top = np.zeros((n, n), dtype=np.float32)
    for name, z in {**zs, "fused": fused}.items():
        ranks = row_ranks(z)
        yield from _facet_planes(name, z, ranks)
        yield from _listwise_planes(name, z, chosen)
        yield from graph_planes(name, z, ranks)
        if name != "fused":
            top += ranks < TOP
    # How many facets put j in i's top 10, and i in j's.
    yield "top_count", top
    yield "top_count_T", top.T
    yield from _structure_planes(content)


def pair_features(
    zs: Mapping[str, Array],
    fused: Array,
    content: OccupationContent,
    rows: Array,
    cols: Array,
    wanted: tuple[str, ...] | None = None,
) -> tuple[Array, list[str]]:
    """float32 (pairs, features) at the pairs ``(rows[k], cols[k])``, and the feature names."""
    names, columns = [], []
    for name, plane in feature_planes(zs, fused, content):
        if wanted is None or name in wanted:
            names.append(name)
            columns.append(np.asarray(plane[rows, cols], dtype=np.float32))
    if wanted is not None:
        if missing := sorted(set(wanted) - set(names)):
            raise ValueError(f"the content lacks features the model needs: {', '.join(missing)}")
        order = [names.index(name) for name in wanted]
        names, columns = list(wanted), [columns[k] for k in order]
    return np.stack(columns, axis=1), names


def candidates(fused: Array, k: int = CANDIDATES) -> Array:
    """Boolean (n, n): whether a column is among its row's ``k`` best by the fusion."""
    chosen: Array = row_ranks(fused) < min(k, fused.shape[0] - 1)
    return chosen


def _logistic(
    zs: Mapping[str, Array], fused: Array, content: OccupationContent, model: RerankModel
) -> Array:
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
    return logit


def rerank(
    zs: Mapping[str, Array],
    fused: Array,
    content: OccupationContent,
    model: Model,
    symmetric: bool = False,
) -> Array:
    """(n, n) learned logits of ``i -> j`` (NaN on the diagonal); ``symmetric`` averages both ways.

    The shipped form is directed: row ``i`` ranks what is related *to i*, as O*NET's lists do
    (only 54 % of their related pairs are listed both ways). Averaging both directions costs
    recall (docs/similarity.md) and is kept only for comparison.
    """
    chosen = candidates(fused)
    scored = chosen | chosen.T
    if isinstance(model, TreeModel):
        # Trees need every feature of a pair at once: score only candidate pairs (both ways).
        rows, cols = np.nonzero(scored)
        x, _ = pair_features(zs, fused, content, rows, cols, model.features)
        # Other pairs keep the fusion's order below every candidate, so the calibration still
        # grades unrelated pairs (rather than tying them all).
        logit = np.nan_to_num(fused.astype(np.float64), nan=-OUTSIDE) - OUTSIDE
        logit[rows, cols] = model.logits(x)
    else:
        logit = _logistic(zs, fused, content, model)
    logit = np.where(scored, logit, logit - OUTSIDE)
    result: Array = (logit + logit.T) / 2 if symmetric else logit
    np.fill_diagonal(result, np.nan)
    return result
