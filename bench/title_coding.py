"""Title coding quality and speed: top-1/top-5 on the test table and on held-out O*NET titles.

Held-out check: every O*NET reported title is also an alternate title, so the held-out index is
built from official and reported titles only (no alternate or short titles) and then codes a
fixed random sample of the alternate titles. "unseen" keeps only the sampled alternates whose
canonical form is not an indexed title, so it measures the word and typo paths, not lookup.
Run: python bench/title_coding.py [--encoder] -> bench/results/title_coding[_encoder].json
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np

from aicareers.engine.occupations.titles import TitleCoder
from aicareers.taxonomy import Taxonomy

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from title_cases import CASES

RESULTS = Path(__file__).parent / "results"


SAMPLE = 3000


class _Without:
    """The taxonomy with some kinds of title left out of the index."""

    def __init__(self, tax: Taxonomy, kinds: set[str]) -> None:
        titles = tax.titles
        keep = [i for i, k in enumerate(titles.kind) if k not in kinds]
        self.occupations = tax.occupations
        self.has_vectors = tax.has_vectors
        self.vectors = tax.vectors
        self.titles = type(titles)(
            texts=[titles.texts[i] for i in keep],
            occupation=titles.occupation[keep],
            kind=[titles.kind[i] for i in keep],
        )


def _accuracy(coder: TitleCoder, items: list[tuple[str, str]]) -> dict[str, Any]:
    results = coder.code_many([title for title, _ in items])
    pairs = [(want, r) for (_, want), r in zip(items, results, strict=True)]
    top1 = sum(bool(r) and r[0].code.startswith(want) for want, r in pairs)
    top5 = sum(any(m.code.startswith(want) for m in r) for want, r in pairs)
    right = [r[0].confidence for want, r in pairs if r and r[0].code.startswith(want)]
    wrong = [r[0].confidence for want, r in pairs if r and not r[0].code.startswith(want)]
    return {
        "n": len(items),
        "top1": round(top1 / len(items), 4),
        "top5": round(top5 / len(items), 4),
        "mean_confidence_when_right": round(float(np.mean(right)), 3) if right else None,
        "mean_confidence_when_wrong": round(float(np.mean(wrong)), 3) if wrong else None,
    }


def _latency(coder: TitleCoder, titles: list[str], rounds: int = 5) -> dict[str, float]:
    coder.code_many(titles)  # warm: typo caches, numpy
    times = []
    for _ in range(rounds):
        for title in titles:
            start = time.perf_counter()
            coder.code(title)
            times.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    coder.code_many(titles * 20)
    batch = (time.perf_counter() - start) * 1000 / (len(titles) * 20)
    return {
        "median_ms": round(float(np.median(times)), 3),
        "p95_ms": round(float(np.percentile(times, 95)), 3),
        "max_ms": round(float(np.max(times)), 3),
        "code_many_ms_per_title_with_repeats": round(batch, 3),
    }


def main() -> None:
    """Measure and write the results file."""
    use_encoder = "--encoder" in sys.argv
    tax = Taxonomy.load()
    tax.titles, tax.occupations  # noqa: B018 - read the artifact before timing the build
    encoder = None
    if use_encoder:
        from aicareers.semantic import Encoder

        encoder = Encoder.load()
    tracemalloc.start()
    start = time.perf_counter()
    coder = TitleCoder.from_taxonomy(tax, encoder)
    build_s = time.perf_counter() - start
    memory_mb = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.stop()
    table = [(title, want) for title, want, _ in CASES]
    without = _Without(tax, {"alternate", "short"})
    held = TitleCoder.from_taxonomy(without, encoder)  # type: ignore[arg-type]
    titles, codes = tax.titles, tax.occupations.codes
    alternates = [i for i, kind in enumerate(titles.kind) if kind == "alternate"]
    sample = np.random.default_rng(2026).choice(alternates, SAMPLE, replace=False)
    heldout = [(titles.texts[i], codes[titles.occupation[i]]) for i in sorted(sample)]
    from aicareers.engine.occupations.title_words import canonical

    unseen = [(t, c) for t, c in heldout if canonical(t) not in held.index.exact]
    results = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cpus, py {platform.python_version()}",
        "encoder": bool(encoder),
        "index": {"build_s": round(build_s, 2), "memory_mb": round(memory_mb, 1),
                  "documents": len(coder.index.docs), "words": len(coder.index.vocab)},
        "test_table": _accuracy(coder, table),
        "heldout_alternates_all": _accuracy(held, heldout),
        "heldout_alternates_unseen": _accuracy(held, unseen),
        "latency_warm": _latency(coder, [t for t, _ in table]),
    }  # fmt: skip
    out = RESULTS / ("title_coding_encoder.json" if encoder else "title_coding.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
