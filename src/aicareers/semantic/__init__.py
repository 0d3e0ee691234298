"""Offline semantic text encoder (all-MiniLM-L6-v2, int8 ONNX) built locally from upstream weights.

Importing this package is cheap: numpy, onnxruntime and tokenizers load only when a model does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .paths import default_model_dir, is_built

if TYPE_CHECKING:
    from .build import build_model
    from .encoder import Encoder

__all__ = ["Encoder", "build_model", "default_model_dir", "is_built"]


def __getattr__(name: str) -> Any:
    """Import ``Encoder`` and ``build_model`` on first use."""
    if name == "Encoder":
        from .encoder import Encoder

        return Encoder
    if name == "build_model":
        from .build import build_model

        return build_model
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
