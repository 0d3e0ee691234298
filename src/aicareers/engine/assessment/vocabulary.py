"""The project's skills as a phrase index: names and aliases mapped to skill ids."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...knowledge.models import Skill
from ..phrases import PhraseHit, PhraseIndex, phrase_key

# Words too generic to stand for a skill on their own, even though they appear as aliases.
GENERIC = frozenset(
    [
        "research", "communication", "writing", "documentation", "statistics", "compliance",
        "design", "analytics", "ethics", "law", "legal", "marketing", "regulations", "metrics",
        "branding", "collaboration", "teamwork",
    ]
)  # fmt: skip

TermHit = PhraseHit


def _terms(skills: Sequence[Skill]) -> Iterator[tuple[str, str]]:
    for skill in skills:
        for term in (skill.name, *skill.aliases):
            if " ".join(phrase_key(term)) not in GENERIC:
                yield term, skill.id


class Vocabulary(PhraseIndex):
    """Skill names and aliases; ``find`` returns hits whose ``ids`` are skill ids."""

    def __init__(self, skills: Sequence[Skill]) -> None:
        super().__init__(_terms(skills))
        self.names = {s.id: s.name for s in skills}
