"""An in-memory word index over O*NET job titles: exact lookup, typo-tolerant IDF overlap."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from .title_words import canonical

# O*NET's own occupation title names the occupation best; reported titles are a sample of what
# incumbents wrote, so a title shared across occupations leans to where it is official.
KIND_WEIGHT = {"title": 1.0, "alternate": 0.98, "short": 0.96, "reported": 0.94}
CANDIDATES = 48  # titles re-scored by characters after the word pass
CHAR_SHARE = 0.15  # weight of the character ratio (word order, near-spellings) in a title score
HEAD_SHARE = 0.15  # weight of sharing the headword: a "marketing manager" is a manager first
SUPPORT_BONUS = 0.01  # per further well-matching title of the same occupation, at most 3
OFFICIAL_BONUS = 0.02  # times the overlap with the occupation's own title: breaks O*NET's ties

Array = np.ndarray[Any, Any]


def _max_typos(token: str) -> int:
    return 0 if len(token) < 4 else 1 if len(token) < 8 else 2


@dataclass
class TitleIndex:
    """Canonical titles (documents), their occupations and an inverted word index."""

    docs: list[str]
    exact: dict[str, int]
    doc_occ: list[list[tuple[int, float]]]  # per document: (occupation row, kind weight)
    vocab: dict[str, int]
    by_length: dict[int, list[str]]  # vocabulary by length, most frequent first (typo ties)
    postings: list[Array]
    idf: Array
    doc_norm: Array
    official: dict[int, int]  # occupation row -> document row of its official O*NET title

    @classmethod
    def build(cls, texts: Sequence[str], occupations: Array, kinds: Sequence[str]) -> TitleIndex:
        """Index ``texts[i]`` as a title of occupation row ``occupations[i]``."""
        exact: dict[str, int] = {}
        links: list[dict[int, float]] = []
        seen: dict[str, str] = {}  # raw title -> canonical: O*NET repeats titles across jobs
        for text, occ, kind in zip(texts, occupations.tolist(), kinds, strict=True):
            doc = seen.get(text)
            if doc is None:
                doc = seen[text] = canonical(text)
            if not doc:
                continue
            row = exact.setdefault(doc, len(exact))
            if row == len(links):
                links.append({})
            weight = KIND_WEIGHT.get(kind, 0.9)
            if links[row].get(occ, 0.0) < weight:
                links[row][occ] = weight
        docs = list(exact)
        official = {
            occ: exact[seen[text]]
            for text, occ, kind in zip(texts, occupations.tolist(), kinds, strict=True)
            if kind == "title" and seen.get(text)
        }
        vocab: dict[str, int] = {}
        posting_lists: defaultdict[int, list[int]] = defaultdict(list)
        for row, doc in enumerate(docs):
            for token in dict.fromkeys(doc.split()):
                posting_lists[vocab.setdefault(token, len(vocab))].append(row)
        postings = [np.asarray(posting_lists[t], dtype=np.int32) for t in range(len(vocab))]
        df = np.asarray([len(p) for p in postings], dtype=np.float64)
        idf = np.log((len(docs) + 1) / (df + 0.5))
        rows = np.concatenate(postings)
        squares = np.repeat(idf**2, df.astype(np.int64))
        norms = np.sqrt(np.bincount(rows, weights=squares, minlength=len(docs)))
        by_length: defaultdict[int, list[str]] = defaultdict(list)
        for token in sorted(vocab, key=lambda t: (-df[vocab[t]], t)):
            by_length[len(token)].append(token)
        return cls(
            docs=docs,
            exact=exact,
            doc_occ=[list(link.items()) for link in links],
            vocab=vocab,
            by_length=dict(by_length),
            postings=postings,
            idf=idf,
            doc_norm=norms,
            official=official,
        )

    def correct(self, token: str) -> tuple[int | None, float]:
        """The vocabulary word ``token`` most likely means, with how sure (1.0 when known)."""
        if token in self.vocab:
            return self.vocab[token], 1.0
        limit = _max_typos(token)
        if not limit:
            return None, 0.0
        found: list[tuple[int, int, str]] = []
        for length in range(len(token) - limit, len(token) + limit + 1):
            words = self.by_length.get(length, [])
            hit = process.extractOne(token, words, scorer=Levenshtein.distance, score_cutoff=limit)
            if hit is not None:  # the first best in frequency order: common words win ties
                found.append((int(hit[1]), -len(self.postings[self.vocab[hit[0]]]), hit[0]))
        if not found:
            return None, 0.0
        distance, _, word = min(found)
        return self.vocab[word], 1.0 - distance / (len(token) + 1)

    def score(self, query: str) -> dict[int, float]:
        """Occupation row -> best title score (about 0..1, bonuses may pass 1) for a query."""
        tokens = list(dict.fromkeys(query.split()))
        unknown = float(self.idf.max())  # a word no title uses counts as a rare one
        acc = np.zeros(len(self.docs))
        q_norm = 0.0
        for token in tokens:
            tid, sure = self.correct(token)
            weight = unknown if tid is None else float(self.idf[tid])
            q_norm += weight**2
            if tid is not None:
                acc[self.postings[tid]] += sure * weight**2
        if not acc.any():
            return {}
        cos = acc / (math.sqrt(q_norm) * self.doc_norm)
        top = np.argpartition(-cos, min(CANDIDATES, len(cos) - 1))[:CANDIDATES]
        return self._by_occupation(query, top[cos[top] > 0], cos)

    def _by_occupation(self, query: str, rows: Array, cos: Array) -> dict[int, float]:
        best: dict[int, float] = {}
        support: defaultdict[int, int] = defaultdict(int)
        head = query.rsplit(" ", 1)[-1]
        for row in rows:
            doc = self.docs[row]
            chars = fuzz.ratio(query, doc) / 100.0
            same_head = doc.endswith(head) and (len(doc) == len(head) or doc[-len(head) - 1] == " ")
            score = (
                (1 - CHAR_SHARE - HEAD_SHARE) * float(cos[row])
                + CHAR_SHARE * chars
                + HEAD_SHARE * same_head
            )
            for occ, weight in self.doc_occ[row]:
                best[occ] = max(best.get(occ, 0.0), score * weight)
                support[occ] += score >= 0.6
        for occ, score in best.items():
            extra = SUPPORT_BONUS * min(max(support[occ] - 1, 0), 3)
            own = self.official.get(occ)
            extra += 0.0 if own is None else OFFICIAL_BONUS * float(cos[own])
            best[occ] = score + extra  # may pass 1.0 a little: ties need breaking
        return best
