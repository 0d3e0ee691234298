"""Occupations from what a person did: the whole resume against O*NET's occupations.

A resume names tasks, tools and knowledge long before (or instead of) a clean job-title line.
Two signals read it, each over all 1,016 occupations:

- **words**: sublinear TF-IDF cosine between the whole text and each occupation's O*NET text
  (its titles, description, task statements and technology examples). It covers the whole
  text, so an occupation scores by how much of the resume speaks of it: one passing line
  ("research assistant") moves it little.
- **meaning**: the mean cosine between the resume's sentences (the ones the skill matcher
  embeds anyway, reused through ``MemoEncoder``) and each occupation's stored MiniLM vectors
  ("title. description", "title: core tasks", mean of all task statements).

Each signal is z-scored over the occupations (so their scales meet) and the two are averaged.
Confidence is ``TEXT_CAP * quality * share``: share is a soft-max over the fused scores, quality
how far the best stands out. Text alone is weaker evidence than a title the person wrote, so
its confidence stays below ``TEXT_CAP`` (a clean title codes at about 0.95). The constants were
set before any labelled resume was read, from what the scores mean, not fitted.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

import numpy as np

from ..evidence import OccupationMatch
from .facets import stem, tokens

Array = np.ndarray[Any, Any]

MIN_WORDS = 50  # shorter texts are typed profiles: their title and skills speak for them
TEXT_CAP = 0.5  # text-derived confidence never reaches a clearly read title's (~0.95)
TEMPERATURE = 1.0  # soft-max width in z units: a best 1 z ahead of the next gets e times more
# Quality: a best fused z of Z_WEAK or less is a vague text (still coded, at QUALITY_FLOOR);
# Z_CLEAR or more means the text plainly describes that occupation.
Z_WEAK, Z_CLEAR, QUALITY_FLOOR = 3.0, 7.0, 0.4
CANDIDATES = 30  # the soft-max runs over the best few; the long tail would only dilute it
TOP = 5
MIN_CONFIDENCE = 0.01  # below this a match says nothing; the best one is always kept
# The occupation's own title says most about what it is; each alternate title, task or tool once.
OFFICIAL_TITLE_REPEATS = 3
VECTOR_SETS = ("occupations", "occupation_tasks", "occupation_task_mean")
# Words nearly every resume has whatever the job (education, personal details, the layout's own
# labels). O*NET's texts make some look telling ("college", "school" -> teachers), so they are
# not read. Chosen from what resumes are made of, not from any labelled resume.
_RESUME_WORDS = (
    "college university school institute board degree bachelor master diploma graduate "
    "graduation student cgpa gpa percentage marks passing pass class semester education "
    "qualification course certificate certification name address date birth email phone "
    "mobile nationality marital status gender language hobby hobbies interest declaration "
    "place signature detail details company description project responsibility "
    "responsibilities experience exprience year month skill knowledge attendance"
)
RESUME_WORDS = frozenset(stem(word) for word in _RESUME_WORDS.split())


class TextEncoder(Protocol):
    """What text coding needs of ``aicareers.semantic.Encoder``."""

    def encode(self, texts: Sequence[str], batch_size: int = ...) -> Array:
        """Unit-length float32 vectors, one row per text."""


@dataclass(frozen=True)
class OccupationLexicon:
    """Per-term postings of O*NET's occupation texts, L2-normalised TF-IDF weights."""

    size: int
    idf: dict[str, float]
    postings: dict[str, tuple[Array, Array]]  # term -> (occupation rows, weights)

    @classmethod
    def build(cls, size: int, texts: Iterable[tuple[int, str, int]]) -> OccupationLexicon:
        """Index ``(occupation row, text, repeats)`` triples."""
        bags: list[Counter[str]] = [Counter() for _ in range(size)]
        for row, text, repeats in texts:
            for term in tokens(text):
                bags[row][term] += repeats
        frequency = Counter(term for bag in bags for term in bag)
        idf = {term: math.log(size / count) for term, count in frequency.items()}
        rows: dict[str, list[int]] = {}
        weights: dict[str, list[float]] = {}
        for row, bag in enumerate(bags):
            raw = {t: (1 + math.log(c)) * idf[t] for t, c in bag.items()}
            norm = math.sqrt(sum(w * w for w in raw.values())) or 1.0
            for term, weight in raw.items():
                rows.setdefault(term, []).append(row)
                weights.setdefault(term, []).append(weight / norm)
        postings = {
            t: (np.asarray(rows[t], np.int32), np.asarray(weights[t], np.float32)) for t in rows
        }
        return cls(size, idf, postings)

    def scores(self, text: str) -> Array:
        """Cosine between ``text`` and every occupation (zeros when no term is known)."""
        counts = Counter(t for t in tokens(text) if t in self.postings and t not in RESUME_WORDS)
        if not counts:
            return np.zeros(self.size)
        query = {t: (1 + math.log(c)) * self.idf[t] for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in query.values())) or 1.0
        rows = np.concatenate([self.postings[t][0] for t in query])
        weights = np.concatenate([self.postings[t][1] * (w / norm) for t, w in query.items()])
        return np.bincount(rows, weights=weights, minlength=self.size)


def occupation_texts(taxonomy: Any) -> Iterable[tuple[int, str, int]]:
    """What O*NET says each occupation is: titles, description, tasks and technology."""
    occupations = taxonomy.occupations
    for row, (title, description) in enumerate(
        zip(occupations.titles, occupations.descriptions, strict=True)
    ):
        yield row, title, OFFICIAL_TITLE_REPEATS
        yield row, description, 1
    titles, tasks, technology = taxonomy.titles, taxonomy.tasks, taxonomy.technology
    yield from ((r, t, 1) for r, t in zip(titles.occupation.tolist(), titles.texts, strict=True))
    yield from ((r, t, 1) for r, t in zip(tasks.occupation.tolist(), tasks.texts, strict=True))
    yield from (
        (r, t, 1) for r, t in zip(technology.occupation.tolist(), technology.examples, strict=True)
    )


def occupation_vectors(taxonomy: Any) -> Array | None:
    """The mean of the artifact's occupation vector sets (their mean cosine is one product)."""
    if not taxonomy.has_vectors:
        return None
    try:
        sets = [np.asarray(taxonomy.vectors(name), np.float32) for name in VECTOR_SETS]
    except Exception:  # a stale or partial vector set: words alone still code
        return None
    mean: Array = np.mean(sets, axis=0).astype(np.float32)
    return mean


def zscores(values: Array) -> Array:
    """``values`` standardised over the occupations (all zeros when they do not vary)."""
    spread = float(values.std())
    return (values - values.mean()) / spread if spread > 0 else np.zeros_like(values)


@dataclass(frozen=True)
class TextCoder:
    """Codes a whole text to O*NET occupations; build once, call ``code`` per text."""

    codes: list[str]
    names: list[str]
    lexicon: OccupationLexicon
    vectors: Array | None = None  # (occupations, dimensions), see occupation_vectors
    encoder: TextEncoder | None = None

    @classmethod
    def from_taxonomy(
        cls,
        taxonomy: Any,
        encoder: TextEncoder | None = None,
        lexicon: OccupationLexicon | None = None,
    ) -> TextCoder:
        """A coder over ``taxonomy``; ``lexicon`` when one was built (and cached) earlier."""
        occupations = taxonomy.occupations
        size = len(occupations.codes)
        lexicon = lexicon or OccupationLexicon.build(size, occupation_texts(taxonomy))
        vectors = occupation_vectors(taxonomy) if encoder is not None else None
        return cls(list(occupations.codes), list(occupations.titles), lexicon, vectors, encoder)

    def fused(self, text: str, sentences: Sequence[str] = ()) -> Array | None:
        """Per-occupation z-score of the two signals, or None for a text too short to read."""
        if len(text.split()) < MIN_WORDS:
            return None
        by_words = zscores(self.lexicon.scores(text))
        if self.encoder is None or self.vectors is None or not sentences:
            return by_words
        embedded = np.asarray(self.encoder.encode(list(sentences)), np.float32)
        by_meaning = zscores((embedded @ self.vectors.T).mean(axis=0))
        # Standardised again, so the fused scale is the one every constant here is set on.
        return zscores(by_words + by_meaning)

    def read(self, text: str, sentences: Sequence[str] = ()) -> TextReading:
        """The occupations ``text`` describes, most likely first, with text-level confidence.

        ``sentences`` are pieces of ``text`` to embed (the skill matcher's, so they are encoded
        once per assessment); without them or an encoder, words alone decide.
        """
        fused = self.fused(text, sentences)
        if fused is None or not fused.any():
            return TextReading([], None, self.rows, self.groups)
        best = np.argsort(-fused)[:CANDIDATES]
        top = float(fused[best[0]])
        weights = np.exp((fused[best] - top) / TEMPERATURE)
        quality = QUALITY_FLOOR + (1 - QUALITY_FLOOR) * np.clip(
            (top - Z_WEAK) / (Z_CLEAR - Z_WEAK), 0.0, 1.0
        )
        confidence = TEXT_CAP * quality * weights / weights.sum()
        matches = [
            OccupationMatch(code=self.codes[i], title=self.names[i], confidence=round(c, 3))
            for rank, (i, c) in enumerate(
                zip(best[:TOP].tolist(), confidence[:TOP].tolist(), strict=True)
            )
            if rank == 0 or c >= MIN_CONFIDENCE
        ]
        return TextReading(matches, fused, self.rows, self.groups)

    @cached_property
    def rows(self) -> dict[str, int]:
        """Occupation code -> row."""
        return {code: row for row, code in enumerate(self.codes)}

    @cached_property
    def groups(self) -> dict[str, Array]:
        """SOC minor group ("17-2") -> the rows of its occupations."""
        found: dict[str, list[int]] = {}
        for row, code in enumerate(self.codes):
            found.setdefault(code[:4], []).append(row)
        return {group: np.asarray(rows) for group, rows in found.items()}


@dataclass(frozen=True)
class TextReading:
    """What text coding found in one text: its best occupations and how each is backed."""

    matches: list[OccupationMatch]
    fused: Array | None
    rows: dict[str, int]
    groups: dict[str, Array]  # SOC minor group ("17-2") -> its occupations' rows

    def support(self, code: str) -> float:
        """How far the whole text backs ``code``'s kind of work, 0-1 (1: the best-backed).

        A title quoted once in passing, or misread from a layout, names an occupation the rest
        of the text may not be about. The kind of work is the SOC minor group ("17-2",
        engineers): the text of a design engineer backs "mechanical engineer" as well.
        """
        if self.fused is None or code not in self.rows:
            return 0.0
        group = self.groups[code[:4]]
        gap = float(self.fused.max() - self.fused[group].max())
        return float(np.exp(-gap / TEMPERATURE))

    def affinity(self, code: str) -> float:
        """How well the text fits ``code``'s broad field (SOC major group, "23" legal), 0-1.

        Used to tell apart the occupations of one shared title ("Advocate": legal support
        workers, 23, or social service assistants, 21): the field decides, not the detail.
        """
        if self.fused is None or code not in self.rows:
            return 0.0
        field = [row for other, row in self.rows.items() if other[:2] == code[:2]]
        gap = float(self.fused.max() - self.fused[field].max())
        return float(np.exp(-gap / TEMPERATURE))
