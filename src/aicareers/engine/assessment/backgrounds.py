"""Recognise prior-career backgrounds (the guide's Step 1 and the ones careers imply).

Two signals: typical job titles quoted in the person's text, and the O*NET occupations their
titles were coded to (each background lists the SOC code prefixes that count for it).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

from ...knowledge.models import Background
from ..claims import said_of_others
from ..evidence import BackgroundMatch, OccupationMatch, Span
from ..phrases import PhraseIndex

# A title quoted in the text is strong evidence when it is one of the person's job titles, is
# repeated, or the text is short enough that every word was chosen (a typed profile, a pasted
# paragraph); a single passing mention in a long resume ("assisted the research team") is weak.
# An occupation code alone depends on how sure coding was. Both together beat either.
TEXT_CONFIDENCE = 0.8
PASSING_MENTION = 0.45
SHORT_TEXT_WORDS = 150
CODE_FACTOR = 0.9
MAX_SPANS = 3
# A title right after one of these words is someone else's role, not the person's.
OTHERS_BEFORE = frozenset([
    "the", "with", "to", "our", "of", "by", "from", "for", "his", "her", "their", "assist",
    "assisted", "assisting", "support", "supported", "supporting", "or", "other",
])  # fmt: skip


def _title_phrases(backgrounds: Sequence[Background]) -> Iterator[tuple[str, str]]:
    for background in backgrounds:
        for title in background.titles:
            yield title, background.id
            yield title + "s", background.id  # "nurses", "paralegals"


@lru_cache(maxsize=4)
def _index(backgrounds: tuple[Background, ...]) -> PhraseIndex:
    return PhraseIndex(_title_phrases(backgrounds))


def _title_spans(text: str, backgrounds: tuple[Background, ...]) -> dict[str, list[Span]]:
    spans: dict[str, list[Span]] = {}
    for hit in _index(backgrounds).find(text):
        if said_of_others(text, hit.span, OTHERS_BEFORE):
            continue
        for ident in hit.ids:
            spans.setdefault(ident, []).append(hit.span)
    return spans


def _code_confidence(background: Background, occupations: Sequence[OccupationMatch]) -> float:
    # The coded occupations are rival readings of one person's work, so the chance that it
    # falls in this background is their sum: five engineering occupations at 8 % each make a
    # clearer engineering background than any one of them.
    hits = [o.confidence for o in occupations if o.code.startswith(background.soc)]
    return min(1.0, sum(hits)) * CODE_FACTOR if background.soc else 0.0


def _text_confidence(spans: Sequence[Span], short: bool, titles: Sequence[str]) -> float:
    if not spans:
        return 0.0
    in_title = any(span.text.lower() in title.lower() for span in spans for title in titles)
    strong = short or in_title or len({span.start for span in spans}) > 1
    return TEXT_CONFIDENCE if strong else PASSING_MENTION


def detect_backgrounds(
    text: str,
    occupations: Sequence[OccupationMatch],
    backgrounds: Sequence[Background],
    titles: Sequence[str] = (),
) -> list[BackgroundMatch]:
    """Backgrounds found in ``text`` or implied by ``occupations``, most certain first.

    ``titles`` are the person's job titles as read; a background title inside one of them
    counts in full even in a long resume.
    """
    found: list[BackgroundMatch] = []
    quoted = _title_spans(text, tuple(backgrounds))
    short = len(text.split()) < SHORT_TEXT_WORDS
    for background in backgrounds:
        spans = quoted.get(background.id, [])[:MAX_SPANS]
        by_code = _code_confidence(background, occupations)
        by_text = _text_confidence(spans, short, titles)
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
