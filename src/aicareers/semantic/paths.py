"""Where the built encoder lives on this machine."""

from __future__ import annotations

import os
from pathlib import Path

# Bump when the files written by ``build_model`` change shape, so an old build is not trusted.
FORMAT_VERSION = 1
MODEL_NAME = f"minilm-l6-v2-int8-v{FORMAT_VERSION}"
MODEL_FILE = "model.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
MANIFEST_FILE = "manifest.json"
REQUIRED_FILES = (MODEL_FILE, TOKENIZER_FILE, MANIFEST_FILE)


def default_model_dir() -> Path:
    """``$AICAREERS_MODEL_DIR``, else ``$XDG_CACHE_HOME/aicareers/models/<name>`` (~/.cache)."""
    explicit = os.environ.get("AICAREERS_MODEL_DIR")
    if explicit:
        return Path(explicit).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache).expanduser() / "aicareers" / "models" / MODEL_NAME


def is_built(model_dir: Path) -> bool:
    """Whether every file the encoder needs is present in ``model_dir``."""
    return all((model_dir / name).is_file() for name in REQUIRED_FILES)
