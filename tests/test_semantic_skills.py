"""Skills found by meaning: which sentences are embedded, and what they match."""

from __future__ import annotations

import pytest

from aicareers.engine.assessment.semantic_skills import SemanticSkillMatcher, confidence, sentences
from aicareers.engine.evidence import Span
from aicareers.knowledge import default_catalog
from aicareers.semantic import Encoder


def test_sentences_strip_bullets_and_skip_short_or_covered_ones() -> None:
    text = "- Interviewed customers about their needs.\n• Too short.\nUsed SQL for every report."
    found = sentences(text, covered=[Span(start=text.index("SQL"), end=text.index("SQL") + 3,
                                          text="SQL")])  # fmt: skip
    assert [s.text for s in found] == ["Interviewed customers about their needs"]
    assert text[found[0].start : found[0].end] == found[0].text


def test_confidence_stays_below_a_named_match() -> None:
    assert confidence(0.42) == 0.5
    assert confidence(0.6) == 0.8
    assert confidence(0.95) == 0.8


@pytest.fixture(scope="module")
def matcher() -> SemanticSkillMatcher:
    return SemanticSkillMatcher.build(Encoder.load(), default_catalog())


def test_meaning_finds_skills_that_no_word_names(matcher: SemanticSkillMatcher) -> None:
    text = (
        "Interviewed customers and turned their feedback into clickable mock-ups. "
        "Reviewed vendor contracts for exposure under European data protection law. "
        "I enjoy hiking and baking bread on weekends with my family."
    )
    found = matcher.find(text)
    assert {"user-research", "data-privacy-regulation"} <= set(found)
    research = found["user-research"]
    assert research.how == "meaning"
    assert research.evidence[0].text.startswith("Interviewed customers")
    assert all(e.confidence < 0.85 for e in found.values())
    # The hobby sentence matches nothing.
    quoted = {e.evidence[0].text for e in found.values()}
    assert not any("hiking" in q for q in quoted)


def test_long_sentences_are_cut_to_their_first_words() -> None:
    text = "- " + " ".join(f"word{i}" for i in range(60)) + "."
    (only,) = sentences(text)
    assert len(only.text.split()) == 40
    assert text[only.start : only.end] == only.text
