"""Turn texts into L2-normalised 384-d vectors with the locally built int8 MiniLM graph."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cpu import usable_cores
from ..errors import ModelNotBuiltError
from .paths import (
    FORMAT_VERSION,
    MANIFEST_FILE,
    MODEL_FILE,
    REQUIRED_FILES,
    TOKENIZER_FILE,
    default_model_dir,
)

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
DIMENSIONS = 384


def _default_threads() -> int:
    """Threads for one inference: half the cores we may use, at most 4 (a small model).

    On the 2-core reference machine two threads made a whole assessment twice as slow as one
    (bench/results/assess_speed.json): the threads fight the rest of the process and other
    programs for the same cores. ``AICAREERS_ENCODER_THREADS`` overrides it, for example in
    batch workers that already share the cores between processes.
    """
    explicit = os.environ.get("AICAREERS_ENCODER_THREADS", "")
    if explicit.isdigit() and int(explicit) > 0:
        return int(explicit)
    return max(1, min(usable_cores() // 2, 4))


def _check_built(model_dir: Path) -> dict[str, Any]:
    """The manifest of the build in ``model_dir``; ``ModelNotBuiltError`` if there is none."""
    missing = [name for name in REQUIRED_FILES if not (model_dir / name).is_file()]
    if missing:
        raise ModelNotBuiltError(str(model_dir), missing)
    manifest: dict[str, Any] = json.loads((model_dir / MANIFEST_FILE).read_text("utf-8"))
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ModelNotBuiltError(str(model_dir), [f"{MANIFEST_FILE} of format {FORMAT_VERSION}"])
    return manifest


class Encoder:
    """A loaded tokenizer plus onnxruntime session; ``encode`` is safe to call repeatedly."""

    def __init__(self, session: Any, tokenizer: Any, manifest: dict[str, Any]) -> None:
        self._session = session
        self._tokenizer = tokenizer
        self.manifest = manifest

    @classmethod
    def load(
        cls,
        model_dir: Path | None = None,
        *,
        threads: int | None = None,
        model_file: Path | None = None,
    ) -> Encoder:
        """Load the built model from ``model_dir`` (default: ``default_model_dir()``).

        ``model_file`` swaps in another graph with the same inputs (the fp32 one, for checks).
        """
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_dir = Path(model_dir) if model_dir is not None else default_model_dir()
        manifest = _check_built(model_dir)
        tokenizer = Tokenizer.from_file(str(model_dir / TOKENIZER_FILE))
        tokenizer.enable_truncation(int(manifest.get("max_tokens", MAX_TOKENS)))
        tokenizer.no_padding()  # we pad per length-sorted batch ourselves
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or _default_threads()
        options.inter_op_num_threads = 1  # the graph is a chain; parallelism is inside ops
        options.log_severity_level = 3
        session = ort.InferenceSession(
            str(model_file or model_dir / MODEL_FILE), options, providers=["CPUExecutionProvider"]
        )
        return cls(session, tokenizer, manifest)

    @property
    def dimensions(self) -> int:
        """Length of each vector."""
        return DIMENSIONS

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> NDArray[np.float32]:
        """Vectors of shape (len(texts), 384), float32, unit length, in the order given."""
        import numpy as np

        if isinstance(texts, str):
            raise TypeError("encode takes a sequence of texts, not one string")
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        ids = [e.ids for e in self._tokenizer.encode_batch(list(texts), add_special_tokens=True)]
        # Similar lengths share a batch, so little compute goes to padding.
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), max(1, batch_size)):
            chunk = order[start : start + max(1, batch_size)]
            out[chunk] = self._run([ids[i] for i in chunk])
        return out

    def _run(self, batch: list[list[int]]) -> NDArray[np.float32]:
        """One session call on a batch of token ids, right-padded with 0 ([PAD])."""
        import numpy as np

        width = max(len(row) for row in batch)
        input_ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, tokens in enumerate(batch):
            input_ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1
        result = self._session.run(None, {"input_ids": input_ids, "attention_mask": mask})
        return np.asarray(result[0], dtype=np.float32)
