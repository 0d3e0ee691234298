"""Per-facet representations of occupations and their cosine similarity matrices (pure numpy).

A facet is one kind of content (task text, work activities, skills, technology, titles, an
embedding, ...). Each facet gives an (n, n) cosine matrix plus a mask of the occupations it
describes, so occupations without, say, skill ratings are compared on the facets they do have.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np

Array = np.ndarray[Any, Any]

# Function words carry no meaning about what a job is; everything else is kept.
_FUNCTION_WORDS = (
    "a an and are as at be by for from has have in into is it its of on or such that the their "
    "them these this those to was were which will with within other others all may use using "
    "used including include includes etc"
)
STOPWORDS = frozenset(_FUNCTION_WORDS.split(" "))
WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")


@dataclass(frozen=True)
class OccupationContent:
    """What occupations are, as plain values; row ``i`` of every field is occupation ``i``."""

    codes: list[str]
    texts: dict[str, list[str]] = field(default_factory=dict)  # "" where a facet is missing
    bags: dict[str, list[list[str]]] = field(default_factory=dict)  # ids (DWAs, commodities)
    ratings: dict[str, Array] = field(default_factory=dict)  # (n, m), NaN where not rated
    vectors: dict[str, Array] = field(default_factory=dict)  # (n, d) embeddings, 0 = missing
    titles: list[str] = field(default_factory=list)  # official titles ("All Other" marks)
    job_zones: Array | None = None  # (n,) O*NET job zone 1-5, 0 = unknown


@dataclass(frozen=True)
class Facet:
    """One facet's cosine similarities and which occupations it describes."""

    sim: Array  # float32 (n, n)
    present: Array  # bool (n,)


def stem(word: str) -> str:
    """A light plural/verb-suffix stem, so "analyzes"/"analyze" and "systems"/"system" meet."""
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("es", "e"), ("s", "")):
        if len(word) > 4 and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word


def tokens(text: str) -> list[str]:
    """Lower-cased, stemmed content words of ``text``."""
    return [stem(w) for w in WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 1]


# A title's role is the head noun before its qualifiers: "First-Line Supervisors of Retail
# Sales Workers" -> supervisor, "Mathematical Science Teachers, Postsecondary" -> teacher and
# postsecondary, "Setters, Operators, and Tenders" -> setter, operator, tender.
_QUALIFIER = re.compile(r"\s(?:of|for|in|at|to|with|except|including)\s.*$", re.IGNORECASE)
_SEGMENT = re.compile(r",|\band\b|\bor\b|/|&")


def role_heads(title: str) -> list[str]:
    """The stemmed head word of each listed role in a job title (what kind of worker it is)."""
    title = _QUALIFIER.sub("", re.sub(r"\(.*?\)", " ", title))
    heads = []
    for segment in _SEGMENT.split(title):
        words = re.findall(r"[a-z][a-z\-]*", segment.lower())
        if words:
            heads.append(stem(words[-1]))
    return heads


def tfidf(bags: list[list[str]], min_df: int = 2) -> Array:
    """Sublinear TF-IDF rows, L2-normalised; terms in fewer than ``min_df`` rows are dropped."""
    counts = [Counter(bag) for bag in bags]
    df: Counter[str] = Counter()
    for row in counts:
        df.update(row.keys())
    vocab = {term: j for j, term in enumerate(sorted(t for t, d in df.items() if d >= min_df))}
    matrix = np.zeros((len(bags), len(vocab)), dtype=np.float32)
    for i, row in enumerate(counts):
        for term, count in row.items():
            j = vocab.get(term)
            if j is not None:
                matrix[i, j] = 1.0 + np.log(count)
    idf = np.log((1 + len(bags)) / (1 + np.array([df[t] for t in vocab], dtype=np.float32))) + 1
    return unit_rows(matrix * idf.astype(np.float32))


def standardised(ratings: Array) -> Array:
    """Ratings z-scored per element across occupations, rows L2-normalised; unrated rows -> 0."""
    values = np.asarray(ratings, dtype=np.float64)
    rated = ~np.isnan(values).all(axis=1)
    mean = np.nanmean(values[rated], axis=0)
    std = np.nanstd(values[rated], axis=0)
    z = (values - mean) / np.where(std > 0, std, 1.0)
    return unit_rows(np.nan_to_num(z, nan=0.0).astype(np.float32))


def unit_rows(matrix: Array) -> Array:
    """Rows scaled to unit length; all-zero rows stay zero (they mark a missing facet)."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    result: Array = (matrix / np.where(norms > 0, norms, 1.0)).astype(np.float32)
    return result


def cosine_facet(rows: Array) -> Facet:
    """The cosine matrix of unit (or zero) rows, with presence = non-zero row."""
    unit = unit_rows(np.asarray(rows, dtype=np.float32))
    return Facet(sim=unit @ unit.T, present=np.linalg.norm(unit, axis=1) > 0)


def soc_facet(codes: list[str]) -> Facet:
    """Closeness in the SOC code tree (O*NET's classification of what jobs are, not relatedness).

    Levels of "15-1252.01": major "15", minor "15-12", broad "15-125", detailed "15-1252";
    each level shared adds 0.25.
    """
    prefixes = [(c[:2], c[:5], c[:6], c[:7]) for c in codes]
    n = len(codes)
    sim = np.zeros((n, n), dtype=np.float32)
    for level in range(4):
        keys = [p[level] for p in prefixes]
        index = {key: k for k, key in enumerate(dict.fromkeys(keys))}
        labels = np.array([index[key] for key in keys])
        sim += 0.25 * (labels[:, None] == labels[None, :])
    return Facet(sim=sim, present=np.ones(n, dtype=bool))


def facets(content: OccupationContent, use_soc: bool = True) -> dict[str, Facet]:
    """Every facet the content supports, by name (text, bag, rating, vector, then ``soc``)."""
    found: dict[str, Facet] = {}
    for name, texts in content.texts.items():
        found[name] = cosine_facet(tfidf([tokens(text) for text in texts]))
    for name, bags in content.bags.items():
        found[name] = cosine_facet(tfidf(bags))
    for name, ratings in content.ratings.items():
        found[name] = cosine_facet(standardised(ratings))
    for name, vectors in content.vectors.items():
        found[name] = cosine_facet(vectors)
    if use_soc:
        found["soc"] = soc_facet(content.codes)
    return found
