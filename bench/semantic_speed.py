"""Speed and memory of the semantic encoder: load time, warm resume encode, batch throughput.

    .venv/bin/python bench/semantic_speed.py            # builds into a temp folder first

Each graph (shipped int8, and fp32 for comparison) is measured in a fresh process so that peak
RSS is the encoder's own. Writes bench/results/semantic_speed.json.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from semantic_texts import LEVELS, OBJECTS, ROLES, SKILLS, VERBS, posting_descriptions

RESULTS = Path(__file__).resolve().parent / "results" / "semantic_speed.json"
RUNS = 30


def resume(words: int = 600) -> str:
    """A synthetic resume of about ``words`` words, built from the bench templates."""
    parts = [f"{LEVELS[1]} {ROLES[0]} with skills in {', '.join(SKILLS[:8])}."]
    i = 0
    while len(" ".join(parts).split()) < words:
        parts.append(f"{VERBS[i % len(VERBS)]} {OBJECTS[i % len(OBJECTS)]} using {SKILLS[i % 20]}.")
        i += 1
    return " ".join(parts)


def measure(model_dir: Path, graph: str) -> dict[str, Any]:
    """Load, warm single-text latency and batch throughput of one graph, in this process."""
    from aicareers.semantic.encoder import Encoder

    model_file = model_dir / f"model.{graph}.onnx"
    started = time.perf_counter()
    encoder = Encoder.load(model_dir, model_file=model_file)
    load_s = time.perf_counter() - started
    text = resume()
    encoder.encode([text])
    times = []
    for _ in range(RUNS):
        t = time.perf_counter()
        encoder.encode([text])
        times.append(time.perf_counter() - t)
    times.sort()
    postings = posting_descriptions(200) or [resume(300)] * 200
    encoder.encode(postings[:32])
    t = time.perf_counter()
    encoder.encode(postings)
    batch_s = time.perf_counter() - t
    return {
        "graph": graph,
        "file_mb": round(model_file.stat().st_size / 1e6, 1),
        "load_s": round(load_s, 3),
        "resume_words": len(text.split()),
        "encode_resume_ms_p50": round(times[len(times) // 2] * 1000, 1),
        "encode_resume_ms_p95": round(times[int(len(times) * 0.95) - 1] * 1000, 1),
        "batch_texts": len(postings),
        "batch_texts_per_s": round(len(postings) / batch_s, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "threads": len(os.sched_getaffinity(0)),
    }


def main() -> None:
    """Build once, then measure each graph in its own process and report."""
    from aicareers.semantic.build import build_model

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        model_dir = build_model(Path(tmp) / "model", keep_fp32=True)
        build_s = round(time.perf_counter() - started, 1)
        rows = []
        for graph in ("int8", "fp32"):
            cmd = [sys.executable, __file__, "--measure", str(model_dir), graph]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            rows.append(json.loads(out))
    load = os.getloadavg()[0]
    result = {"build_s": build_s, "load_average_1m": round(load, 2), "graphs": rows}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(f"build: {build_s} s (load average {load:.2f})")
    print("| graph | MB | load s | resume p50 ms | p95 ms | texts/s | peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['graph']} | {r['file_mb']} | {r['load_s']} | {r['encode_resume_ms_p50']} | "
            f"{r['encode_resume_ms_p95']} | {r['batch_texts_per_s']} | {r['peak_rss_mb']} |"
        )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--measure":
        print(json.dumps(measure(Path(sys.argv[2]), sys.argv[3])))
    else:
        main()
