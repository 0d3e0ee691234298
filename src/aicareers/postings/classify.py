"""One posting -> a career (or "other") with a confidence, its skills and its O*NET occupation.

The title decides first, because a posting names its role there; the description confirms
or, for a generic technical title, decides when it keeps naming one career:

==========================  =====  ==========================================================
basis                       base   when
==========================  =====  ==========================================================
title                       0.90   the title names the career (``own`` phrase, or a
                                   ``with_ai`` phrase beside an AI term in the title)
title and description       0.70   a ``with_ai`` phrase in the title, AI named twice or more
                                   in the description
description                 0.50+  a technical title, one career's ``text`` phrases three or
                                   more times in the description (+0.05 a mention, to 0.65)
                                   and at least a quarter of its skills (by importance)
none ("other")              0.95-  none of the above; 0.1 less for each ``text`` mention of
                                   the closest career, down to 0.65
==========================  =====  ==========================================================

A career's confidence is ``base * (0.85 + 0.15 * coverage)``, coverage being the share of the
career's skills (weighted by importance, from the career space) that the posting names, so a
posting whose requirements match the career's skills is surer. Ties go to the better covered
career, then the longer phrase, then the guide's order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

import msgspec

from .salary_text import Salary
from .signatures import AI_TEXT_TERMS, AI_TITLE_TERMS, SIGNATURES, TECH_TITLE_WORDS

if TYPE_CHECKING:
    from ..engine.assessment.assess import Assessor, SemanticSkills, TitleCoder
    from ..engine.assessment.vocabulary import Vocabulary
    from ..engine.evidence import OccupationMatch

OTHER = "other"
TITLE, TITLE_AND_TEXT = 0.90, 0.70
TEXT_BASE, TEXT_STEP, TEXT_CAP, TEXT_MIN_MENTIONS, TEXT_MIN_COVERAGE = 0.5, 0.05, 0.65, 3, 0.25
TEXT_MIN_AI_MENTIONS = 2
OTHER_BASE, OTHER_STEP = 0.95, 0.1
TITLE_CACHE = 16_384  # distinct titles remembered per process (a few MB; titles repeat)
# Skill aliases that in a posting are boilerplate, not a skill asked for: "delivery",
# "flexibility" among the benefits, "privacy" in the privacy notice. (Bare "requirements", the
# heading of half the development postings, is no longer an alias of product management.)
BOILERPLATE = frozenset({"delivery", "flexibility", "privacy"})

WORD = re.compile(r"[a-z0-9+#]+")
DOTTED_AI = re.compile(r"\ba\.i\.?")


def words(text: str) -> list[str]:
    """Lower-case word tokens; "A.I." becomes "ai" and "&" "and"."""
    lowered = DOTTED_AI.sub(" ai ", text.casefold()).replace("&", " and ")
    return WORD.findall(lowered)


class PhraseCounter:
    """Counts occurrences of known phrases (token sequences) in a token list, by label."""

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, label in phrases:
            key = tuple(words(phrase))
            self._by_first.setdefault(key[0], []).append((key, label))

    def find(self, tokens: Sequence[str], overlaps: bool = True) -> list[tuple[str, int]]:
        """(label, phrase length) for each phrase occurrence.

        With ``overlaps`` every phrase at every place counts (a title's "ai product manager"
        also holds "ai" and "product manager"); without, only the longest at a place, and
        the words it covers are passed over, so "generative AI" is one AI mention, not two.
        """
        hits: list[tuple[str, int]] = []
        by_first = self._by_first
        free = 0  # without overlaps, the first position not inside an earlier phrase
        # Most words start no phrase: find the few that do in one pass, then look closer.
        for i in [i for i, token in enumerate(tokens) if token in by_first]:
            if i < free:
                continue
            found = [
                (label, len(key))
                for key, label in by_first[tokens[i]]
                if len(key) == 1 or tuple(tokens[i : i + len(key)]) == key
            ]
            if found and not overlaps:
                longest = max(length for _, length in found)
                found = [(label, length) for label, length in found if length == longest]
                free = i + longest
            hits.extend(found)
        return hits


class Facts(NamedTuple):
    """What a title or a description says: career phrases by kind, and AI mentions."""

    own: dict[str, int]  # career -> longest phrase (title) or mentions (description)
    with_ai: dict[str, int]
    ai: int
    technical: bool = False


class Decision(NamedTuple):
    """The career chosen, how sure, and on what it rests."""

    career: str
    confidence: float
    basis: str


class PostingResult(msgspec.Struct, frozen=True, kw_only=True):
    """Everything worked out for one posting."""

    row: int
    title: str
    career: str
    confidence: float
    basis: str
    skills: tuple[str, ...]
    occupation: str | None = None
    occupation_title: str | None = None
    salary: Salary | None = None


def _facts(hits: Iterable[tuple[str, int]], count: bool) -> Facts:
    own: dict[str, int] = {}
    with_ai: dict[str, int] = {}
    ai = 0
    for label, length in hits:
        kind, _, career = label.partition(":")
        if kind == "ai":
            ai += 1
            continue
        target = own if kind in ("own", "text") else with_ai
        target[career] = target.get(career, 0) + 1 if count else max(target.get(career, 0), length)
    return Facts(own, with_ai, ai)


def decide(
    title: Facts, text: Facts, coverage: Callable[[str], float], order: Sequence[str]
) -> Decision:
    """The career for a posting from its title and description facts (see module doc)."""
    candidates: list[tuple[float, str, int, str]] = []  # base, basis, length, career
    for career, length in title.own.items():
        candidates.append((TITLE, "title", length, career))
    for career, length in title.with_ai.items():
        if title.ai:
            candidates.append((TITLE, "title", length, career))
        elif text.ai >= TEXT_MIN_AI_MENTIONS:
            candidates.append((TITLE_AND_TEXT, "title and description", length, career))
    if not candidates and (title.technical or title.ai):
        for career, mentions in text.own.items():
            if mentions >= TEXT_MIN_MENTIONS and coverage(career) >= TEXT_MIN_COVERAGE:
                base = min(TEXT_CAP, TEXT_BASE + TEXT_STEP * (mentions - TEXT_MIN_MENTIONS))
                candidates.append((base, "description", mentions, career))
    if not candidates:
        closest = min(TEXT_MIN_MENTIONS, max(text.own.values(), default=0))
        return Decision(OTHER, round(OTHER_BASE - OTHER_STEP * closest, 3), "none")
    base, basis, _, career = max(
        candidates, key=lambda c: (c[0], coverage(c[3]), c[2], -order.index(c[3]))
    )
    return Decision(career, round(base * (0.85 + 0.15 * coverage(career)), 3), basis)


class PostingClassifier:
    """The engine's vocabulary and title coder, plus the career phrases, for postings."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        weights: dict[str, dict[str, int]],
        coder: TitleCoder | None = None,
        semantic: SemanticSkills | None = None,
    ) -> None:
        self.vocabulary = vocabulary
        self.weights = weights
        self.order = list(weights)
        self.coder = coder
        self.semantic = semantic
        self._title_phrases = PhraseCounter(_title_phrases())
        self._text_phrases = PhraseCounter(_text_phrases())
        # Per instance, bounded: a million postings share a few thousand titles.
        self.title_facts = lru_cache(maxsize=TITLE_CACHE)(self._title_facts)

    @classmethod
    def from_assessor(cls, assessor: Assessor, semantic: bool = False) -> PostingClassifier:
        """Reuse an assessment engine's indexes; ``semantic`` adds matching by meaning."""
        weights = {t.career: {s.skill: s.importance for s in t.skills} for t in assessor.space}
        return cls(
            assessor.vocabulary, weights, assessor.coder, assessor.semantic if semantic else None
        )

    def classify(self, row: int, title: str, text: str, salary: Salary | None) -> PostingResult:
        """The career, skills and occupation of one posting."""
        facts, occupation = self.title_facts(title)
        skills = self.skills(f"{title}\n{text}")
        text_facts = _facts(self._text_phrases.find(words(text), overlaps=False), count=True)
        decision = decide(facts, text_facts, lambda c: self.coverage(c, skills), self.order)
        return PostingResult(
            row=row, title=title, career=decision.career, confidence=decision.confidence,
            basis=decision.basis, skills=tuple(sorted(skills)),
            occupation=occupation.code if occupation else None,
            occupation_title=occupation.title if occupation else None, salary=salary,
        )  # fmt: skip

    def skills(self, text: str) -> set[str]:
        """Project skill ids named in ``text`` (and found by meaning, if enabled)."""
        hits = [h for h in self.vocabulary.find(text) if h.span.text.casefold() not in BOILERPLATE]
        found = {skill for hit in hits for skill in hit.ids}
        if self.semantic is not None:
            found.update(self.semantic.find(text, [hit.span for hit in hits]))
        return found

    def coverage(self, career: str, skills: set[str]) -> float:
        """Share of ``career``'s skills, by importance, among ``skills``."""
        weights = self.weights[career]
        total = sum(weights.values())
        return sum(w for s, w in weights.items() if s in skills) / total if total else 0.0

    def _title_facts(self, title: str) -> tuple[Facts, OccupationMatch | None]:
        tokens = words(title)
        facts = _facts(self._title_phrases.find(tokens), count=False)
        technical = any(t in TECH_TITLE_WORDS for t in tokens)
        return facts._replace(technical=technical), self._occupation(title)

    def _occupation(self, title: str) -> OccupationMatch | None:
        if self.coder is None:
            return None
        try:
            found = self.coder.code_many([title])[0]
        except Exception:  # an odd title costs its occupation, never the posting
            return None
        return found[0] if found else None


def _title_phrases() -> list[tuple[str, str]]:
    phrases = [(term, "ai:") for term in AI_TITLE_TERMS]
    for career, signature in SIGNATURES.items():
        phrases += [(p, f"own:{career}") for p in signature.own]
        phrases += [(p, f"with:{career}") for p in signature.with_ai]
    return phrases


def _text_phrases() -> list[tuple[str, str]]:
    phrases = [(term, "ai:") for term in AI_TEXT_TERMS]
    for career, signature in SIGNATURES.items():
        phrases += [(p, f"text:{career}") for p in signature.text]
    return phrases
