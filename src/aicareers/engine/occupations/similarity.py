"""Occupation similarity from content: fuse per-facet cosines, calibrate, answer top-k and pairs.

Pure: takes ``OccupationContent`` (plain lists and arrays read from the taxonomy) and returns
values. O*NET's Related Occupations are never an input; they are the benchmark's ground truth.

The shipped similarity is directed: ``score(a, b)`` says how related ``b`` is to ``a``, seen
from ``a`` (the order of ``a``'s list), and may differ from ``score(b, a)``, as O*NET's own
related lists do. Calibration: a score is how rare a pair this close is among all ordered pairs
of distinct occupations. With ``p`` the fraction of pairs at least as similar,
``score = -log10(p) / 4`` clipped to [0, 1): 0.25 = top 10 % of pairs, 0.5 = top 1 % (about
an occupation's 10th-nearest neighbour), 0.75 = top 0.1 %; a typical unrelated pair (p near
0.5) scores under 0.08, and only an occupation with itself scores 1.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from ...errors import UnknownIdError
from ...taxonomy.tables import OCCUPATION_IDS
from .facets import Facet, OccupationContent, facets
from .similarity_rerank import Model, rerank

Array = np.ndarray[Any, Any]

# Bump when facets, weights or calibration change, so a stored table is recomputed.
METHOD_VERSION = 4
NEIGHBOURS = 50
DECADE = 0.25  # score gained per tenfold rarer pair
LEVELS = 255  # stored scores are uint8: score * 255
# Weights fixed before looking at any benchmark (see docs/similarity.md): each content family
# counts about equally, split among its facets; SOC structure gets a minor share.
DEFAULT_WEIGHTS: Mapping[str, float] = {
    "tasks": 1.0,
    "dwas": 1.0,
    "iwas": 0.5,
    "skills": 0.5,
    "knowledge": 0.5,
    "interests": 0.25,
    "technology": 0.5,
    "commodities": 0.5,
    "titles": 1.0,
    "description": 0.5,
    "embed_description": 1.0,
    "embed_tasks": 1.0,
    "soc": 0.5,
}


@dataclass(frozen=True)
class SimilarityTable:
    """What answers queries: neighbour lists and calibrated pair scores, ready to store."""

    codes: list[str]
    neighbours: Array  # int16 (n, NEIGHBOURS): most similar first, self excluded
    scores: Array  # uint8 (n, n): calibrated score * 255, 255 only on the diagonal
    weights: dict[str, float]
    learned: bool = False  # whether a model fitted on O*NET's related occupations re-ranked it


def row_z(facet: Facet) -> Array:
    """Similarities z-scored within each row (over other described occupations); NaN elsewhere."""
    sim = facet.sim.astype(np.float64)
    valid = facet.present[:, None] & facet.present[None, :]
    np.fill_diagonal(valid, False)
    count = np.maximum(valid.sum(axis=1, keepdims=True), 1)
    values = np.where(valid, sim, 0.0)
    mean = values.sum(axis=1, keepdims=True) / count
    std = np.sqrt(np.where(valid, (sim - mean) ** 2, 0.0).sum(axis=1, keepdims=True) / count)
    z: Array = np.where(valid, (sim - mean) / np.where(std > 0, std, 1.0), np.nan)
    return z.astype(np.float32)


def fuse_z(zs: Mapping[str, Array], weights: Mapping[str, float]) -> Array:
    """Weighted mean of row-z facets over those present for each pair, symmetrised; NaN = none."""
    first = next(iter(zs.values()))
    total = np.zeros_like(first)
    mass = np.zeros_like(first)
    for name, z in zs.items():
        weight = weights.get(name, 0.0)
        if weight <= 0:
            continue
        present = ~np.isnan(z)
        total += np.where(present, z, 0.0) * weight
        mass += present * weight
    with np.errstate(all="ignore"):
        fused = total / mass
    fused[mass == 0] = np.nan
    # Row z-scoring makes i->j differ from j->i; their mean is a symmetric relation.
    symmetric: Array = np.where(np.isnan(fused.T), fused, (fused + fused.T) / 2)
    np.fill_diagonal(symmetric, np.nan)
    return symmetric


def fuse(content: OccupationContent, weights: Mapping[str, float]) -> Array:
    """The fused (n, n) similarity of ``content`` (NaN on the diagonal)."""
    found = facets(content)
    zs = {name: row_z(facet) for name, facet in found.items() if weights.get(name, 0.0) > 0}
    return fuse_z(zs, weights)


def calibrate(ranked: Array) -> Array:
    """Similarities of ``i -> j`` -> scores in [0, 1) by tail rarity among all ordered pairs.

    Ordered pairs, because the shipped ranking is directed (``ranked[i, j]`` need not equal
    ``ranked[j, i]``); a symmetric input gives a symmetric result.
    """
    n = ranked.shape[0]
    off = ~np.eye(n, dtype=bool)
    values = np.nan_to_num(ranked[off], nan=-np.inf)
    order = np.argsort(-values, kind="stable")
    rank = np.empty(len(values), dtype=np.float64)
    rank[order] = np.arange(1, len(values) + 1)
    # Ties share the best rank of their group, so equal similarity gives equal score.
    sorted_values = values[order]
    first = np.searchsorted(-sorted_values, -values, side="left") + 1
    rank = np.minimum(rank, first)
    score = np.clip(-np.log10(rank / len(values)) * DECADE, 0.0, (LEVELS - 1) / LEVELS)
    scores = np.ones((n, n), dtype=np.float64)
    scores[off] = score
    return scores


def neighbours(fused: Array, k: int = NEIGHBOURS) -> Array:
    """Indices of each row's ``k`` most similar other occupations, best first (ties by index)."""
    values = np.nan_to_num(fused, nan=-np.inf)
    np.fill_diagonal(values, -np.inf)
    k = min(k, fused.shape[0] - 1)
    order = np.argsort(-values, axis=1, kind="stable")[:, :k]
    return order.astype(np.int16)


def ranked_matrix(
    content: OccupationContent,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    model: Model | None = None,
) -> Array:
    """The (n, n) similarity that orders pairs: the fusion, re-ranked by ``model`` if given."""
    found = facets(content)
    zs = {name: row_z(facet) for name, facet in found.items()}
    fused = fuse_z({k: v for k, v in zs.items() if weights.get(k, 0.0) > 0}, weights)
    return fused if model is None else rerank(zs, fused, content, model)


def build_table(
    content: OccupationContent,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    model: Model | None = None,
) -> SimilarityTable:
    """Facets -> fused (and re-ranked) matrix -> neighbour lists and calibrated uint8 scores."""
    ranked = ranked_matrix(content, weights, model)
    scores = np.rint(calibrate(ranked) * LEVELS).astype(np.uint8)
    used = {name: float(w) for name, w in weights.items() if w > 0}
    learned = model is not None
    return SimilarityTable(list(content.codes), neighbours(ranked), scores, used, learned)


class OccupationSimilarity:
    """Content-based similarity between O*NET occupations, calibrated to [0, 1]."""

    def __init__(self, table: SimilarityTable) -> None:
        self.table = table
        self.codes = table.codes
        self._index = {code: i for i, code in enumerate(table.codes)}

    def index(self, code: str) -> int:
        """The row of ``code``; ``UnknownIdError`` (with close codes) when there is none."""
        found = self._index.get(code)
        if found is None:
            close = difflib.get_close_matches(code, self.codes, n=5, cutoff=0.6)
            raise UnknownIdError("O*NET occupation", code, close, OCCUPATION_IDS)
        return found

    def score(self, code_a: str, code_b: str) -> float:
        """How related ``code_b`` is to ``code_a`` (directed), calibrated to [0, 1].

        1 for itself, 0.5 the top 1 % of pairs, near 0 unrelated.
        """
        return float(self.table.scores[self.index(code_a), self.index(code_b)]) / LEVELS

    def top(self, code: str, k: int = 10) -> list[tuple[str, float]]:
        """The ``k`` most similar other occupations with their calibrated scores, best first."""
        i = self.index(code)
        row = self.table.scores[i]
        stored = self.table.neighbours[i]
        if k <= len(stored):
            picked = stored[:k].tolist()
        else:  # beyond the stored list, order by calibrated score (ties by code order)
            order = np.argsort(-row.astype(np.int16), kind="stable").tolist()
            picked = [j for j in order if j != i][:k]
        return [(self.codes[j], float(row[j]) / LEVELS) for j in picked]

    def all_top(self, k: int = 10) -> Iterator[tuple[str, list[tuple[str, float]]]]:
        """``(code, top(code, k))`` for every occupation, in code order."""
        for code in self.codes:
            yield code, self.top(code, k)
