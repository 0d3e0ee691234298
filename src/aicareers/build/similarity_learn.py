"""Fitting the re-ranking model on O*NET's Related Occupations (bench and maintainer use only).

The labels (Primary-Short + Primary-Long related occupations) shape the model, so every figure
from it is reported twice: in-sample and cross-validated by query occupation (a pair (a, b)
belongs to a's fold; a fold's model never sees its queries' labels). The procedure has no tuned
hyperparameters: candidates, the logistic L2 strength and the tree settings (``TREE_SETTINGS``)
are constants fixed before any run. Two learners: L2 logistic regression (numpy) and
gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier, imported only here; it is
a build-time tool, the runtime reads the exported node table with numpy). A fitted model's
``to_dict()`` goes into the artifact's ``similarity_model.json.gz`` (``write_model`` in
``build/similarity.py``); the build and the runtime read only that.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

import numpy as np

from ..engine.occupations.facets import OccupationContent
from ..engine.occupations.similarity_graph import HUB_FACETS
from ..engine.occupations.similarity_rerank import (
    NODE_DTYPE,
    Model,
    RerankModel,
    TreeModel,
    candidates,
    pair_features,
)
from ..taxonomy.model import Taxonomy

Array = np.ndarray[Any, Any]
TIERS = ("Primary-Short", "Primary-Long")
L2 = 1.0  # ridge on standardised features; fixed a priori, not searched
NEWTON_STEPS = 30
# Modest settings declared before the first run and never searched (no early stopping either).
TREE_SETTINGS: dict[str, Any] = {
    "max_iter": 200,
    "learning_rate": 0.1,
    "max_leaf_nodes": 31,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
    "early_stopping": False,
    "random_state": 0,
}
LISTWISE_SUFFIXES = ("_best_gap", "_cand_z")
LISTWISE = ("top_count", "top_count_T")
GRAPH_MARKS = ("_indeg", "_colmean_j", "_snn", "_nbrz")


def is_listwise(name: str) -> bool:
    """Whether a feature places a pair among the query's other candidates (added in v3)."""
    return name in LISTWISE or name.endswith(LISTWISE_SUFFIXES)


def is_graph(name: str) -> bool:
    """Whether a feature comes from a facet's nearest-neighbour graph (added in v4)."""
    facet_first = name.startswith(tuple(f"{facet}_" for facet in HUB_FACETS))
    return facet_first and any(mark in name for mark in GRAPH_MARKS)


def related_truth(taxonomy: Taxonomy) -> Array:
    """Boolean (n, n): row occupation -> its Primary-Short/Long related occupations."""
    occupations = taxonomy.occupations
    truth = np.zeros((len(occupations), len(occupations)), dtype=bool)
    for row in taxonomy.benchmark_related:
        if row.tier in TIERS:
            truth[occupations.index(row.code), occupations.index(row.related_code)] = True
    return truth


def training_pairs(
    zs: Mapping[str, Array],
    fused: Array,
    content: OccupationContent,
    queries: Array,
    listwise: bool = True,
    graph: bool = True,
) -> tuple[Array, Array, list[str]]:
    """Features of (query, candidate) pairs: the queries' fusion candidates."""
    qi, cj = np.nonzero(candidates(fused)[queries])
    rows = queries[qi]
    x, names = pair_features(zs, fused, content, rows, cj)
    keep = [
        k
        for k, name in enumerate(names)
        if (listwise or not is_listwise(name)) and (graph or not is_graph(name))
    ]
    return x[:, keep], np.stack([rows, cj], axis=1), [names[k] for k in keep]


def fit_logistic(x: Array, y: Array, names: list[str], l2: float = L2) -> RerankModel:
    """L2-regularised logistic regression by Newton's method on standardised features."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    design = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    penalty = l2 * np.diag(np.r_[np.ones(x.shape[1]), 0.0])  # the bias is not shrunk
    w = np.zeros(design.shape[1])
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + penalty @ w
        hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return RerankModel(
        tuple(names), tuple(mean.tolist()), tuple(scale.tolist()), tuple(w[:-1].tolist()), w[-1]
    )


def export_trees(classifier: Any, names: list[str]) -> TreeModel:
    """A fitted binary HistGradientBoostingClassifier as a numpy ``TreeModel``."""
    tables, roots, offset = [], [], 0
    for (predictor,) in classifier._predictors:
        raw = predictor.nodes
        table = np.zeros(len(raw), dtype=NODE_DTYPE)
        leaf = raw["is_leaf"].astype(bool)
        if raw["is_categorical"].any():
            raise ValueError("categorical splits are not supported")
        table["feature"] = np.where(leaf, 0, raw["feature_idx"])
        table["threshold"] = np.where(leaf, 0.0, raw["num_threshold"])
        table["left"] = np.where(leaf, -1, raw["left"].astype(np.int64) + offset)
        table["right"] = np.where(leaf, -1, raw["right"].astype(np.int64) + offset)
        table["value"] = np.where(leaf, raw["value"], 0.0)
        table["missing_left"] = raw["missing_go_to_left"]
        tables.append(table)
        roots.append(offset)
        offset += len(raw)
    baseline = float(np.ravel(classifier._baseline_prediction)[0])
    return TreeModel(tuple(names), np.concatenate(tables), np.asarray(roots, np.intp), baseline)


def fit_trees(x: Array, y: Array, names: list[str]) -> TreeModel:
    """Gradient-boosted trees with the fixed ``TREE_SETTINGS`` (needs scikit-learn)."""
    ensemble = importlib.import_module("sklearn.ensemble")  # build-time only, untyped
    classifier = ensemble.HistGradientBoostingClassifier(**TREE_SETTINGS)
    classifier.fit(x.astype(np.float64), y.astype(np.int64))
    return export_trees(classifier, names)


def fit(
    zs: Mapping[str, Array],
    fused: Array,
    content: OccupationContent,
    truth: Array,
    queries: Array,
    learner: str = "trees",
    listwise: bool = True,
    graph: bool = True,
    unseen: Array | None = None,
) -> Model:
    """The model fitted on ``queries``' candidate pairs (positives: their related occupations).

    ``learner`` is "trees" or "logistic"; ``listwise`` and ``graph`` add those feature groups.
    Pairs whose candidate is in ``unseen`` are left out, so the model learns nothing about
    those occupations as related ones either (the strict cross-validation).
    """
    x, pairs, names = training_pairs(zs, fused, content, queries, listwise, graph)
    if unseen is not None:
        keep = ~np.isin(pairs[:, 1], unseen)
        x, pairs = x[keep], pairs[keep]
    y = truth[pairs[:, 0], pairs[:, 1]].astype(np.float64)
    if learner == "trees":
        return fit_trees(x, y, names)
    return fit_logistic(x.astype(np.float64), y, names)


def folds_of(queries: Array, folds: int, seed: int = 0) -> list[Array]:
    """``queries`` split at random (fixed seed) into ``folds`` sorted parts."""
    order = np.random.default_rng(seed).permutation(queries)
    return [np.sort(part) for part in np.array_split(order, folds)]


def cross_validated_models(
    zs: Mapping[str, Array],
    fused: Array,
    content: OccupationContent,
    truth: Array,
    queries: Array,
    folds: int = 5,
    learner: str = "trees",
    listwise: bool = True,
    graph: bool = True,
    strict: bool = False,
    seed: int = 0,
) -> list[tuple[Array, Model]]:
    """``(held-out queries, the model fitted without them)`` per fold.

    By query (default): a fold's model never sees its queries' lists. ``strict``: nor any
    pair whose candidate is a held-out occupation, so nothing about those occupations' place
    in other lists is learned either. ``seed`` draws the split.
    """
    parts = folds_of(queries, folds, seed)
    result = []
    for i, held in enumerate(parts):
        train = np.sort(np.concatenate([p for j, p in enumerate(parts) if j != i]))
        unseen = held if strict else None
        model = fit(zs, fused, content, truth, train, learner, listwise, graph, unseen)
        result.append((held, model))
    return result
