"""Title coding: a job title as people write it -> the O*NET-SOC occupations it most likely names.

Signals, strongest first: the canonical title equals an O*NET title (official, alternate, short
or reported); IDF-weighted word overlap with O*NET titles after typo correction of unknown words,
refined by a character-level ratio; and, only when words find nothing good, the sentence encoder's
cosine between the title and each occupation's "title. description". Confidence is
``quality * share``: quality is how well the best O*NET title fits, share is a soft-max over the
occupations' scores, so an exact unique match is about 0.95 and a title shared by several
occupations splits its mass between them. Confidences never sum above 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from ...errors import UserInputError
from ..evidence import OccupationMatch
from .title_index import TitleIndex
from .title_words import canonical, query_variants

SEMANTIC_BELOW = 0.8  # best word score under which the encoder is asked too
SEMANTIC_CAP = 0.75  # the encoder alone never reaches an exact word match's certainty
TEMPERATURE = 0.03  # soft-max width: 0.1 of score apart is about 28x less mass
QUALITY_POWER = 2.0  # a 0.7 word match is worth 0.49 of certainty, not 0.7
QUALITY_CAP = 0.98  # even an exact title can be a homonym or a different job in disguise
# O*NET lists some titles under several occupations ("UX Designer" under web interface designers
# and under software testers). Occupations within SHARED_MARGIN of the best word score are told
# apart by meaning: each loses up to TIE_WEIGHT as its description is less like the title.
SHARED_MARGIN = 0.02
TIE_WEIGHT = 0.2

Array = np.ndarray[Any, Any]
Scores = dict[int, float]


class TextEncoder(Protocol):
    """What title coding needs of ``aicareers.semantic.Encoder``."""

    def encode(self, texts: Sequence[str], batch_size: int = ...) -> Array:
        """Unit-length float32 vectors, one row per text."""


class TaxonomyLike(Protocol):
    """What title coding reads from ``aicareers.taxonomy.Taxonomy``."""

    @property
    def occupations(self) -> Any:
        """Codes, titles and descriptions."""

    @property
    def titles(self) -> Any:
        """Texts, occupation rows and kinds."""

    @property
    def has_vectors(self) -> bool:
        """Whether sentence vectors were built into the artifact."""

    def vectors(self, name: str) -> Array:
        """A vector set by name."""


@dataclass
class TitleCoder:
    """Codes job titles to O*NET-SOC occupations; build once, call ``code`` many times."""

    index: TitleIndex
    codes: list[str]
    names: list[str]
    encoder: TextEncoder | None = None
    occupation_vectors: Array | None = None

    @classmethod
    def from_taxonomy(cls, tax: TaxonomyLike, encoder: TextEncoder | None = None) -> TitleCoder:
        """Index the taxonomy's titles; with an encoder, also enable the semantic fallback."""
        occ = tax.occupations
        texts = [*occ.titles, *tax.titles.texts]
        rows = np.concatenate([np.arange(len(occ.codes)), np.asarray(tax.titles.occupation)])
        kinds = ["title"] * len(occ.codes) + list(tax.titles.kind)
        index = TitleIndex.build(texts, rows.astype(np.int32), kinds)
        return cls.from_index(index, tax, encoder)

    @classmethod
    def from_index(
        cls, index: TitleIndex, tax: TaxonomyLike, encoder: TextEncoder | None = None
    ) -> TitleCoder:
        """A coder over an index built earlier (for example read back from a cache)."""
        occ = tax.occupations
        vectors = _occupation_vectors(tax, encoder) if encoder is not None else None
        return cls(index, list(occ.codes), list(occ.titles), encoder, vectors)

    def normalise(self, title: str) -> str:
        """The canonical reading of ``title`` that coding starts from."""
        return canonical(_checked(title))

    def code(self, title: str, top: int = 5) -> list[OccupationMatch]:
        """The ``top`` most likely occupations of ``title``, most likely first."""
        return self.code_many([title], top)[0]

    def code_many(self, titles: Sequence[str], top: int = 5) -> list[list[OccupationMatch]]:
        """``code`` for many titles: repeats are coded once and the encoder runs in one batch."""
        unique = list(dict.fromkeys(_checked(t) for t in titles))
        lexical = {t: self._lexical(t) for t in unique}
        asked = [t for t, s in lexical.items() if _best(s) < SEMANTIC_BELOW or _shared(s)]
        semantic = self._semantic(asked)
        results: dict[str, list[OccupationMatch]] = {}
        for title in unique:
            meaning = semantic.get(title, {})
            if _best(lexical[title]) >= SEMANTIC_BELOW:
                scores = _break_ties(lexical[title], meaning)
            else:
                scores = _blend(lexical[title], meaning)
            results[title] = self._matches(title, scores, top)
        return [results[_checked(t)] for t in titles]

    def _lexical(self, title: str) -> Scores:
        scores: Scores = {}
        for text, prior in query_variants(title):
            for occ, score in self.index.score(text).items():
                scores[occ] = max(scores.get(occ, 0.0), score * prior)
        return scores

    def _semantic(self, titles: list[str]) -> dict[str, Scores]:
        if not titles or self.encoder is None or self.occupation_vectors is None:
            return {}
        readings = [query_variants(t)[0][0] if query_variants(t) else t for t in titles]
        cosines = self.encoder.encode(readings) @ self.occupation_vectors.T
        out: dict[str, Scores] = {}
        for title, row in zip(titles, cosines, strict=True):
            best = np.argsort(-row)[:20]
            # Cosine 0.3 (unrelated) .. 0.8 (same job) mapped onto 0 .. SEMANTIC_CAP.
            out[title] = {
                int(i): float(np.clip((row[i] - 0.3) / 0.5, 0.0, 1.0)) * SEMANTIC_CAP for i in best
            }
        return out

    def _matches(self, title: str, scores: Scores, top: int) -> list[OccupationMatch]:
        if not scores:
            return []
        occs = np.fromiter(scores.keys(), dtype=np.int64)
        values = np.fromiter(scores.values(), dtype=np.float64)
        best = float(values.max())
        weights = np.exp((values - best) / TEMPERATURE)
        confidence = min(best, QUALITY_CAP) ** QUALITY_POWER * weights / weights.sum()
        # Ties broken by code so that the same input always gives the same list.
        order = sorted(range(len(occs)), key=lambda i: (-confidence[i], self.codes[occs[i]]))
        return [
            OccupationMatch(
                code=self.codes[occs[i]],
                title=self.names[occs[i]],
                confidence=round(float(confidence[i]), 4),
                from_title=title,
            )
            for i in order[:top]
        ]


def _checked(title: str) -> str:
    if not isinstance(title, str) or not title.strip():
        raise UserInputError(
            'A job title is needed to code, for example "Senior Registered Nurse - ICU".'
        )
    return title.strip()


def _best(scores: Scores) -> float:
    return max(scores.values(), default=0.0)


def _shared(scores: Scores) -> bool:
    """Whether the best word score is shared (within SHARED_MARGIN) by several occupations."""
    best = _best(scores)
    return sum(1 for v in scores.values() if v >= best - SHARED_MARGIN) > 1


def _break_ties(lexical: Scores, semantic: Scores) -> Scores:
    """Near-tied word scores, each lowered as the occupation's meaning is further away."""
    best = _best(lexical)
    tied = [occ for occ, v in lexical.items() if v >= best - SHARED_MARGIN]
    top = max((semantic.get(occ, 0.0) for occ in tied), default=0.0)
    if len(tied) < 2 or top <= 0:
        return lexical
    out = dict(lexical)
    for occ in tied:
        out[occ] = lexical[occ] - TIE_WEIGHT * (1 - semantic.get(occ, 0.0) / top)
    return out


def _blend(lexical: Scores, semantic: Scores) -> Scores:
    """Word scores, nudged up where the encoder agrees; encoder-only occupations capped lower."""
    out = dict(lexical)
    for occ, sem in semantic.items():
        lex = lexical.get(occ, 0.0)
        out[occ] = max(lex + max(0.0, 1.0 - lex) * 0.5 * sem, sem)
    return out


def _occupation_vectors(tax: TaxonomyLike, encoder: TextEncoder) -> Array:
    """The artifact's "title. description" vectors when built, else the titles encoded now.

    Titles alone are encoded because 1,016 descriptions take most of a minute on a laptop CPU;
    `aicareers data vectors` precomputes the richer set once.
    """
    if tax.has_vectors:
        try:
            return np.asarray(tax.vectors("occupations"), dtype=np.float32)
        except Exception:  # a stale or partial vector set: encode the titles instead
            pass
    return np.asarray(encoder.encode(list(tax.occupations.titles)), dtype=np.float32)
