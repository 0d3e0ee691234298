"""Benchmark: recall@10 of O*NET's Related Occupations (Primary-Short + Primary-Long tiers).

For every occupation that has such related occupations, recall@10 = share of them found among
our 10 most similar occupations. Scored per facet, for the shipped fusion (weights fixed before
looking at this benchmark) and, for reference only, for weights tuned on the labels: in-sample
and 5-fold cross-validated by occupation. Writes bench/results/related_occupations.json.

    python bench/related_occupations.py [--taxonomy DIR] [--folds 5]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from aicareers.engine.occupation_facets import facets
from aicareers.engine.similarity import DEFAULT_WEIGHTS, fuse_z, row_z
from aicareers.taxonomy import Taxonomy
from aicareers.taxonomy.similarity_build import content_from

TIERS = ("Primary-Short", "Primary-Long")
GRID = (0.0, 0.5, 1.0, 2.0)
RESULTS = Path(__file__).parent / "results" / "related_occupations.json"
Array = np.ndarray[Any, Any]


def ground_truth(taxonomy: Taxonomy) -> Array:
    """Boolean (n, n): row occupation -> its Primary-Short/Long related occupations."""
    occupations = taxonomy.occupations
    truth = np.zeros((len(occupations), len(occupations)), dtype=bool)
    for row in taxonomy.benchmark_related:
        if row.tier in TIERS:
            truth[occupations.index(row.code), occupations.index(row.related_code)] = True
    return truth


def recall_at(fused: Array, truth: Array, rows: Array, k: int = 10) -> float:
    """Mean over ``rows`` of the share of each row's true related found in its top ``k``."""
    values = np.nan_to_num(fused[rows], nan=-np.inf)
    values[np.arange(len(rows)), rows] = -np.inf
    top = np.argpartition(-values, k, axis=1)[:, :k]
    hits = truth[rows[:, None], top].sum(axis=1)
    return float(np.mean(hits / truth[rows].sum(axis=1)))


def tune(zs: Mapping[str, Array], truth: Array, rows: Array) -> dict[str, float]:
    """One pass of coordinate ascent over GRID per facet, from equal weights, on ``rows``."""
    weights = dict.fromkeys(zs, 1.0)
    best = recall_at(fuse_z(zs, weights), truth, rows)
    for name in zs:
        for value in GRID:
            trial = {**weights, name: value}
            score = recall_at(fuse_z(zs, trial), truth, rows)
            if score > best + 1e-9:
                best, weights = score, trial
    return weights


def cross_validated(zs: Mapping[str, Array], truth: Array, rows: Array, folds: int) -> float:
    """Recall of weights tuned on the other folds' occupations, pooled over held-out folds."""
    order = np.random.default_rng(0).permutation(rows)
    parts = np.array_split(order, folds)
    total = 0.0
    for i, held in enumerate(parts):
        train = np.concatenate([p for j, p in enumerate(parts) if j != i])
        weights = tune(zs, truth, np.sort(train))
        total += recall_at(fuse_z(zs, weights), truth, np.sort(held)) * len(held)
    return total / len(rows)


def run(folder: Path | None, folds: int) -> dict[str, Any]:
    """Every figure of the benchmark, as a JSON-ready dict."""
    taxonomy = Taxonomy.load(folder)
    started = time.perf_counter()
    found = facets(content_from(taxonomy))
    zs = {name: row_z(facet) for name, facet in found.items()}
    build_s = time.perf_counter() - started
    truth = ground_truth(taxonomy)
    rows = np.flatnonzero(truth.any(axis=1))
    per_facet = {name: recall_at(z, truth, rows) for name, z in zs.items()}
    shipped = {k: v for k, v in DEFAULT_WEIGHTS.items() if k in zs}
    tuned = tune(zs, truth, rows)
    return {
        "benchmark": "O*NET Related Occupations, Primary-Short + Primary-Long, recall@10",
        "occupations_scored": len(rows),
        "vectors": taxonomy.has_vectors,
        "facets": per_facet,
        "coverage": {name: int(f.present.sum()) for name, f in found.items()},
        "fusion_shipped": {
            "weights": shipped,
            "recall": recall_at(fuse_z(zs, shipped), truth, rows),
        },
        "fusion_equal": recall_at(fuse_z(zs, dict.fromkeys(zs, 1.0)), truth, rows),
        "fusion_tuned_in_sample": {
            "weights": tuned,
            "recall": recall_at(fuse_z(zs, tuned), truth, rows),
        },
        "fusion_tuned_cv": {"folds": folds, "recall": cross_validated(zs, truth, rows, folds)},
        "facet_build_seconds": round(build_s, 2),
    }


def table(result: Mapping[str, Any]) -> str:
    """The results as a markdown table."""
    folds = result["fusion_tuned_cv"]["folds"]
    rows = [(f"facet: {n}", r) for n, r in result["facets"].items()] + [
        ("fusion, shipped weights (fixed a priori)", result["fusion_shipped"]["recall"]),
        ("fusion, equal weights", result["fusion_equal"]),
        ("fusion, tuned on labels, in-sample", result["fusion_tuned_in_sample"]["recall"]),
        (f"fusion, tuned on labels, {folds}-fold CV", result["fusion_tuned_cv"]["recall"]),
    ]
    return "\n".join(
        ["| what | recall@10 |", "|---|---|"] + [f"| {w} | {r:.3f} |" for w, r in rows]
    )


def main() -> None:
    """Run the benchmark, print the table, write the results file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taxonomy", type=Path, help="artifact folder (default: the shipped one)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    result = run(args.taxonomy, args.folds)
    print(table(result))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
