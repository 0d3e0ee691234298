"""Find skills by meaning: sentences of the person's text against descriptions of our skills.

"Automated releases of our ranking models" names no skill, yet it is CI/CD and
recommendation work. Each sentence is embedded with the local MiniLM encoder and compared with
every skill's name and description. Name and alias matches (engine.vocabulary) stay the main
signal; a match by meaning gets a lower confidence and quotes the whole sentence.

The threshold was set by reading matches on sample sentences written for the purpose, not
fitted to any labelled benchmark.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from ...knowledge.models import Catalog, Skill
from ..evidence import SkillEvidence, Span

THRESHOLD = 0.42
# Cosine THRESHOLD maps to FLOOR and TOP_COSINE to CEILING, below a named match (0.85+).
# On real resumes (bench/evidence_audit.py) a higher bar did not help: right and wrong matches
# mix at every cosine from 0.42 to 0.6; what separates them is the kind of sentence (below).
FLOOR, CEILING, TOP_COSINE = 0.5, 0.8, 0.6
# Each sentence costs about 7 ms to embed on one core; four keep a warm assessment near 40 ms.
MAX_SENTENCES = 4
MIN_WORDS = 4
# Long sentences in postings are mostly lists; their first words carry the meaning, and
# embedding cost grows with every token.
MAX_WORDS = 40
# The runner-up skill of a sentence was usually its neighbour, not a second skill shown.
MAX_PER_SENTENCE = 1
# Pieces that are not a statement of the person's own work: a description of a product or
# employer (a copula early on, or a pronoun subject: "The system is...", "In addition, it
# provides..."), an education line, a heading or a run-on list of items (no function word,
# or several bullets inside). Resumes leave the person, the subject, unsaid.
ABOUT_SOMETHING_ELSE = re.compile(
    r"^(?:\S+\s+){0,11}?(?:is|are|was|were|has|they|provides|include|includes)\b"
    r"|^(?:\S+\s+){0,2}?(?:it|they|this|these)\b",
    re.IGNORECASE,
)
EDUCATION = re.compile(r"\b(?:university|college|institute|school|bachelor|master of)\b", re.I)
FUNCTION_WORD = re.compile(r"\b(?:the|a|an|to|and|of|for|with|in|on|by|from|as)\b", re.I)
INNER_BULLETS = re.compile("[\u2022\u25aa\u25b6\u2756\u27a2\u2713\u00b7\u00b6\u00a2]")
# Sentences end at . ! ? ; or a line break; bullets and numbering are not part of a sentence.
SENTENCE = re.compile(r"[^\n.!?;]+")
BULLET = re.compile("^[\\s\\-*\u2022\u00b7\u2013\u2014\\d.)(]+")


class TextEncoder(Protocol):
    """What the matcher needs from aicareers.semantic.Encoder."""

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> NDArray[np.float32]: ...


def sentences(text: str, covered: Sequence[Span] = ()) -> list[Span]:
    """Sentence-like pieces of ``text`` worth embedding, in text order.

    A piece needs MIN_WORDS words and no skill already found by name inside it (``covered``):
    embedding costs milliseconds a sentence, so it is spent where names found nothing.
    """
    starts = sorted(span.start for span in covered)
    found = []
    for match in SENTENCE.finditer(text):
        piece = match.group()
        bullet = BULLET.match(piece)
        lead = len(bullet.group()) if bullet else 0
        body = _first_words(piece[lead:].rstrip(), MAX_WORDS)
        start = match.start() + lead
        end = start + len(body)
        if len(body.split()) >= MIN_WORDS and not _holds_any(starts, start, end):
            found.append(Span(start=start, end=end, text=body))
    # A long resume is cut to its most informative (longest) sentences to bound the cost.
    found.sort(key=lambda s: -len(s.text))
    return sorted(found[:MAX_SENTENCES], key=lambda s: s.start)


def _first_words(text: str, limit: int) -> str:
    """``text`` cut after its ``limit``-th word (offsets unchanged: it is a prefix)."""
    words = list(re.finditer(r"\S+", text))
    return text if len(words) <= limit else text[: words[limit - 1].end()]


def _holds_any(starts: list[int], start: int, end: int) -> bool:
    index = bisect.bisect_left(starts, start)
    return index < len(starts) and starts[index] < end


def statement(piece: str) -> bool:
    """Whether ``piece`` reads as something the person did or knows (see ABOUT_SOMETHING_ELSE)."""
    return not (
        ABOUT_SOMETHING_ELSE.search(piece)
        or EDUCATION.search(piece)
        or not FUNCTION_WORD.search(piece)
        or len(INNER_BULLETS.findall(piece)) >= 2
    )


def skill_texts(skill: Skill) -> tuple[str, str]:
    """What a skill is compared with: its name, and its name with our description."""
    return skill.name, f"{skill.name}: {skill.description}"


def confidence(cosine: float) -> float:
    """Map a cosine above the threshold linearly onto FLOOR..CEILING."""
    share = (min(cosine, TOP_COSINE) - THRESHOLD) / (TOP_COSINE - THRESHOLD)
    return round(FLOOR + share * (CEILING - FLOOR), 3)


@dataclass(frozen=True)
class SemanticSkillMatcher:
    """Skill vectors prepared once; ``find`` embeds the sentences of one text."""

    encoder: TextEncoder
    skills: tuple[Skill, ...]
    vectors: NDArray[np.float32]

    @classmethod
    def build(cls, encoder: Any, catalog: Catalog) -> SemanticSkillMatcher:
        """Embed every catalog skill's name and description with ``encoder``."""
        skills = tuple(catalog.skills)
        names = encoder.encode([skill_texts(s)[0] for s in skills])
        described = encoder.encode([skill_texts(s)[1] for s in skills])
        # The mean vector scores the mean of both cosines: the name alone is too terse, the
        # description alone drifts to related skills; together they agree more often.
        return cls(encoder, skills, (names + described) / 2)

    def find(self, text: str, covered: Sequence[Span] = ()) -> dict[str, SkillEvidence]:
        """Skills whose description is close in meaning to a sentence of ``text``."""
        pieces = sentences(text, covered)
        if not pieces:
            return {}
        cosines = self.encoder.encode([p.text for p in pieces]) @ self.vectors.T
        found: dict[str, SkillEvidence] = {}
        for row, piece in zip(cosines, pieces, strict=True):
            if not statement(piece.text):
                continue
            for index in np.argsort(-row)[:MAX_PER_SENTENCE]:
                if row[index] < THRESHOLD:
                    break
                skill = self.skills[int(index)]
                score = confidence(float(row[index]))
                if skill.id not in found or found[skill.id].confidence < score:
                    found[skill.id] = SkillEvidence(
                        skill=skill.id, name=skill.name, confidence=score,
                        evidence=(piece,), how="meaning",
                    )  # fmt: skip
        return found
