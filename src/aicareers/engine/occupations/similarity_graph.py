"""Pair features from the facets' nearest-neighbour graphs: hubness and shared neighbours.

A pair's own score misses two things its neighbourhood knows. Some occupations sit close to
many others in a facet ("hubs": calibration technicians among the production trades, data
scientists among the analysts); a query's related list names them more often, so how many
occupations list ``j`` among their nearest (its in-degree) says how likely ``j`` is to be
someone's related occupation. And two occupations whose nearest neighbours overlap are alike
even when their own score is middling. Both are read from content only; O*NET's Related
Occupations never enter (see docs/similarity.md).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import numpy as np

Array = np.ndarray[Any, Any]

# The fusion and the strongest facets of each content family (titles, tasks and their
# embeddings, work activities, knowledge); fixed before the first run, not searched.
HUB_FACETS = (
    "fused",
    "tasks",
    "titles",
    "embed_task_mean",
    "embed_title_mean",
    "dwas",
    "knowledge",
)
HUB_DEPTHS = (10, 50)  # in-degree in the top-10 and top-50 graphs
SHARED_FACETS = HUB_FACETS[:5]
SHARED_DEPTHS = (5, 10, 20)


def hub_planes(
    name: str, z: Array, ranks: Array, depths: tuple[int, ...] = HUB_DEPTHS
) -> Iterator[tuple[str, Array]]:
    """How many rows list ``j`` (and ``i``) among their nearest; ``j``'s mean z over rows.

    ``ranks`` is ``row_ranks(z)``: 0 = a row's nearest other occupation.
    """
    n = z.shape[0]
    for depth in depths:
        degree = (ranks < depth).sum(axis=0).astype(np.float32)
        yield f"{name}_indeg{depth}_j", np.broadcast_to(degree[None, :], (n, n))
        yield f"{name}_indeg{depth}_i", np.broadcast_to(degree[:, None], (n, n))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a column with no values at all
        mean = np.nanmean(z, axis=0).astype(np.float32)
    # An occupation the facet does not describe gets 0, the z-scores' centre, as ``z`` itself
    # does (its ``_missing`` flag tells the two apart); the logistic model needs numbers.
    yield f"{name}_colmean_j", np.broadcast_to(np.nan_to_num(mean)[None, :], (n, n))


def shared_planes(
    name: str, z: Array, ranks: Array, depths: tuple[int, ...] = SHARED_DEPTHS
) -> Iterator[tuple[str, Array]]:
    """Shared nearest neighbours of ``i`` and ``j``, and how close ``j`` is to ``i``'s nearest.

    ``{name}_snn{k}``: the share of ``i``'s ``k`` nearest that are also ``j``'s;
    ``{name}_nbrz{k}``: the mean z of ``j`` in the rows of ``i``'s ``k`` nearest
    (``_nbrzT``: the same with ``i`` and ``j`` swapped).
    """
    values = np.nan_to_num(z, nan=0.0).astype(np.float32)
    for depth in depths:
        near = (ranks < depth).astype(np.float32)
        yield f"{name}_snn{depth}", (near @ near.T) / depth
        around = (near @ values) / depth
        yield f"{name}_nbrz{depth}", around
        yield f"{name}_nbrzT{depth}", around.T


def graph_planes(name: str, z: Array, ranks: Array) -> Iterator[tuple[str, Array]]:
    """Every graph feature of one facet (none for facets outside ``HUB_FACETS``)."""
    if name in HUB_FACETS:
        yield from hub_planes(name, z, ranks)
    if name in SHARED_FACETS:
        yield from shared_planes(name, z, ranks)
