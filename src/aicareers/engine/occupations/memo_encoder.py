"""An encoder that remembers its recent sentences, so one assessment embeds each sentence once.

Occupation coding from the text and the skill matcher both read the resume's sentences by
meaning; embedding costs about 4 ms a sentence on one core, which is most of an assessment.
Wrapping the one encoder both share lets the second reader take the first one's vectors.
Vectors are a pure function of the text, so remembering them across calls is safe too.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np

Array = np.ndarray[Any, Any]

# A few assessments' worth of sentences; skill and title batches pass through uncached.
MAX_REMEMBERED = 256
MAX_BATCH_TO_REMEMBER = 32


class MemoEncoder:
    """Wraps an encoder (``encode`` and its other attributes) with a small LRU of vectors."""

    def __init__(self, encoder: Any, size: int = MAX_REMEMBERED) -> None:
        self.inner = encoder
        self._size = size
        self._vectors: OrderedDict[str, Array] = OrderedDict()
        # Web requests assess in threads that share one engine.
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        # ``manifest``, ``dimensions``: whatever the wrapped encoder offers.
        if name == "inner":  # not set yet (a copy being made): no recursion
            raise AttributeError(name)
        return getattr(self.inner, name)

    def forget(self) -> None:
        """Drop every remembered vector (a benchmark times each text as if new)."""
        with self._lock:
            self._vectors.clear()

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> Array:
        """As the wrapped encoder's ``encode``, embedding only texts not seen lately."""
        if isinstance(texts, str):
            raise TypeError("encode takes a sequence of texts, not one string")
        if len(texts) > MAX_BATCH_TO_REMEMBER:
            return np.asarray(self.inner.encode(texts, batch_size=batch_size))
        with self._lock:
            known = {t: self._vectors[t] for t in texts if t in self._vectors}
            for text in known:
                self._vectors.move_to_end(text)
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            fresh = np.asarray(self.inner.encode(missing, batch_size=batch_size))
            known.update(zip(missing, fresh, strict=True))
            with self._lock:
                for text, vector in zip(missing, fresh, strict=True):
                    self._vectors[text] = vector
                while len(self._vectors) > self._size:
                    self._vectors.popitem(last=False)
        if not texts:
            return np.asarray(self.inner.encode(texts, batch_size=batch_size))
        return np.stack([known[t] for t in texts]).astype(np.float32, copy=False)
