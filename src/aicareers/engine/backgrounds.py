"""Recognise prior-career backgrounds (the guide's Step 1 and the ones careers imply).

Two signals: typical job titles quoted in the person's text, and the O*NET occupations their
titles were coded to (each background lists the SOC code prefixes that count for it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ..knowledge.models import Background
from .evidence import BackgroundMatch, OccupationMatch, Span

# A title quoted in the text is strong evidence; an occupation code alone depends on how sure
# title coding was. Both together are stronger than either.
TEXT_CONFIDENCE = 0.8
CODE_FACTOR = 0.9
MAX_SPANS = 3


@lru_cache(maxsize=256)
def _title_pattern(title: str) -> re.Pattern[str]:
    """Whole-word pattern; short all-caps titles (RN, SRE) must match in capitals."""
    escaped = re.escape(title).replace(r"\ ", r"[\s-]+")
    flags = 0 if (title.isupper() and len(title) <= 4) else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){escaped}s?(?![\w-])", flags)


def _title_spans(text: str, titles: Iterable[str]) -> list[Span]:
    spans: list[Span] = []
    for title in titles:
        for match in _title_pattern(title).finditer(text):
            spans.append(Span(start=match.start(), end=match.end(), text=match.group()))
    spans.sort(key=lambda s: s.start)
    return spans[:MAX_SPANS]


def _code_confidence(background: Background, occupations: Sequence[OccupationMatch]) -> float:
    hits = [o.confidence for o in occupations if o.code.startswith(background.soc)]
    return max(hits, default=0.0) * CODE_FACTOR if background.soc else 0.0


def detect_backgrounds(
    text: str, occupations: Sequence[OccupationMatch], backgrounds: Sequence[Background]
) -> list[BackgroundMatch]:
    """Backgrounds found in ``text`` or implied by ``occupations``, most certain first."""
    found: list[BackgroundMatch] = []
    for background in backgrounds:
        spans = _title_spans(text, background.titles)
        by_code = _code_confidence(background, occupations)
        by_text = TEXT_CONFIDENCE if spans else 0.0
        # Independent signals combine like probabilities: 1 - (1-a)(1-b).
        confidence = 1 - (1 - by_text) * (1 - by_code)
        if confidence <= 0.05:
            continue
        how = "title and occupation" if spans and by_code else ("title" if spans else "occupation")
        found.append(
            BackgroundMatch(
                background=background.id,
                name=background.name,
                confidence=round(confidence, 3),
                evidence=tuple(spans),
                how=how,
            )
        )
    found.sort(key=lambda m: (-m.confidence, m.background))
    return found
