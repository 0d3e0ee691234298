"""How closely one set of sentence embeddings agrees with a reference set."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    Matrix = NDArray[np.float32]


def _ranks(values: NDArray[np.float64]) -> NDArray[np.float64]:
    """Ranks 0..n-1 of ``values`` (ties are vanishingly rare for float similarities)."""
    import numpy as np

    ranks = np.empty(len(values), dtype=np.float64)
    ranks[np.argsort(values)] = np.arange(len(values))
    return ranks


def spearman(a: NDArray[np.float64], b: NDArray[np.float64]) -> float:
    """Spearman rank correlation of two equally long vectors."""
    import numpy as np

    if len(a) < 2:
        return 1.0
    ra, rb = _ranks(a), _ranks(b)
    return float(np.corrcoef(ra, rb)[0, 1])


def agreement(reference: Matrix, candidate: Matrix, k: int = 10) -> dict[str, float]:
    """Cosine per text and neighbour-ranking agreement of ``candidate`` against ``reference``.

    For each text as a query, the other texts are ranked by cosine similarity. ``overlap_at_k``
    is the share of the reference's top k found in the candidate's top k; ``spearman_top_k``
    correlates the two models' scores over the reference's top k.
    """
    import numpy as np

    ref = reference.astype(np.float64)
    cand = candidate.astype(np.float64)
    cosines = np.sum(ref * cand, axis=1) / (
        np.linalg.norm(ref, axis=1) * np.linalg.norm(cand, axis=1)
    )
    ref_sim, cand_sim = ref @ ref.T, cand @ cand.T
    k = min(k, len(ref) - 1)
    overlaps, rhos = [], []
    for i in range(len(ref)):
        others = np.delete(np.arange(len(ref)), i)
        ref_top = others[np.argsort(-ref_sim[i, others], kind="stable")[:k]]
        cand_top = others[np.argsort(-cand_sim[i, others], kind="stable")[:k]]
        overlaps.append(len(set(ref_top.tolist()) & set(cand_top.tolist())) / k)
        rhos.append(spearman(ref_sim[i, ref_top], cand_sim[i, ref_top]))
    return {
        "texts": float(len(ref)),
        "k": float(k),
        "cosine_mean": round(float(cosines.mean()), 5),
        "cosine_min": round(float(cosines.min()), 5),
        "overlap_at_k_mean": round(float(np.mean(overlaps)), 4),
        "overlap_at_k_min": round(float(np.min(overlaps)), 4),
        "spearman_top_k_mean": round(float(np.mean(rhos)), 4),
    }
