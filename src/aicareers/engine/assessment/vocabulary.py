"""The project's skills as a phrase index: names and aliases mapped to skill ids.

Precision comes first: a word that is also everyday English, a tool named like a person or
thing, or a job title said of someone else must not become a skill that drives the ranking.
The rules below are about kinds of words, never about particular resumes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ...knowledge.models import Skill
from ..claims import claimed, said_of_others
from ..evidence import Span
from ..phrases import PhraseHit, PhraseIndex, phrase_key

# Words too generic to stand for a skill in prose, even though they appear as aliases.
GENERIC = frozenset(
    [
        "research", "communication", "writing", "documentation", "statistics", "compliance",
        "design", "analytics", "ethics", "law", "legal", "marketing", "regulations", "metrics",
        "branding", "collaboration", "teamwork",
    ]
)  # fmt: skip
# Of those, the ones a person may list as a skill ("Skills: compliance, statistics"): as an
# item of a skills list they are a claim. "Marketing", "documentation", "teamwork" and the
# like stay out even there: they name a field or a habit, not one of our skills.
LISTABLE = frozenset(
    ["research", "writing", "statistics", "compliance", "analytics", "ethics", "law", "legal",
     "regulations", "metrics", "branding"]
)  # fmt: skip

# Aliases that are also common words, people's names or other things ("transformers" in a
# substation, "Julia" the person, "containers" in a port, "RAG" status, an "LLM" in law):
# they count only near another technical or design skill named without doubt.
NEEDS_NEIGHBOUR = frozenset(
    [
        "llm", "rag", "transformers", "cnn", "rnn", "ranking", "containers", "accelerators",
        "copilot", "simulation", "quantization", "distillation", "regression", "julia", "kafka",
        "jenkins", "spark", "sketch", "helm", "snowflake", "gan", "jax", "robotics", "drones",
    ]
)  # fmt: skip
NEIGHBOUR_CATEGORIES = frozenset({"technical", "design"})
NEIGHBOUR_WINDOW = 80  # characters either side: the same list or sentence

# Terms that mean something else near certain words: IT service management's "change
# management" (ITIL, change requests, incidents) is controlling releases, not leading people
# through organisational change (found by the evidence audits of issue 12).
OTHER_SENSE_NEAR = {
    "change management": re.compile(
        r"\bITIL\b|\bincident|problem management|release management|change requests?\b|"
        r"\bCAB\b|service ?desk|ServiceNow|\bRemedy\b|\bJira\b|\bdeploy",
        re.IGNORECASE,
    ),
}
# Longer phrases that contain an alias but mean something else; read whole, they stand for
# nothing ("regression testing" is QA, not statistics; "smart contracts" are code, not law).
STOP = (
    "regression testing", "regression test", "regression tests", "regression suite",
    "regression pack", "smart contracts", "smart contract", "power transformers",
    "distribution transformers", "RAG status", "Kendo UI", "bias variance",
    "bias-variance trade-off", "Spark plug", "Spark plugs", "shipping containers",
)  # fmt: skip

# Job titles said of someone else ("coordinated with the project manager", "power of attorney")
# are not the person's own role.
ROLE_WORDS = frozenset(
    ["manager", "owner", "writer", "expert", "attorney", "lawyer", "paralegal", "nurse"]
)
OTHER_PERSON = frozenset(["the", "with", "to", "our", "of", "by", "from", "for", "his", "her"])

TermHit = PhraseHit


def _terms(skills: Sequence[Skill], keep: frozenset[str] | None) -> Iterator[tuple[str, str]]:
    """Names and aliases; ``keep`` None: all but the generic ones, else only those in it."""
    for skill in skills:
        for term in (skill.name, *skill.aliases):
            key = " ".join(phrase_key(term))
            if (key in GENERIC) == (keep is not None) and (keep is None or key in keep):
                yield term, skill.id


class Vocabulary(PhraseIndex):
    """Skill names and aliases; ``find`` returns hits whose ``ids`` are skill ids."""

    def __init__(self, skills: Sequence[Skill]) -> None:
        super().__init__(_terms(skills, None), stop=STOP)
        self.names = {s.id: s.name for s in skills}
        self._anchor_skills = {s.id for s in skills if s.category in NEIGHBOUR_CATEGORIES}
        self._listable = PhraseIndex(_terms(skills, LISTABLE), listed=LISTABLE)

    def find(self, text: str) -> list[PhraseHit]:
        """Every skill term in ``text`` that its context confirms, in order."""
        hits = super().find(text)
        keys = [phrase_key(hit.span.text) for hit in hits]
        anchors = [
            hit.span.start
            for hit, key in zip(hits, keys, strict=True)
            if " ".join(key) not in NEEDS_NEIGHBOUR and self._anchor_skills.intersection(hit.ids)
        ]
        return [
            hit
            for hit, key in zip(hits, keys, strict=True)
            if (" ".join(key) not in NEEDS_NEIGHBOUR or _near(hit.span, anchors))
            and not (key[-1] in ROLE_WORDS and said_of_others(text, hit.span, OTHER_PERSON))
            and not _other_sense(text, hit.span, " ".join(key))
            and claimed(text, hit.span)
        ]

    def find_listed(self, text: str, ranges: Sequence[tuple[int, int]]) -> list[PhraseHit]:
        """Generic skill words ("compliance") written as items of a skills list in ``ranges``."""
        found = []
        for start, end in ranges:
            for hit in self._listable.find(text[start:end]):
                span = hit.span
                moved = Span(start=span.start + start, end=span.end + start, text=span.text)
                found.append(PhraseHit(hit.ids, moved))
        return found


def _other_sense(text: str, span: Span, key: str) -> bool:
    sign = OTHER_SENSE_NEAR.get(key)
    if sign is None:
        return False
    around = text[max(0, span.start - NEIGHBOUR_WINDOW) : span.end + NEIGHBOUR_WINDOW]
    return sign.search(around) is not None


def _near(span: Span, anchors: Sequence[int]) -> bool:
    return any(abs(start - span.start) <= NEIGHBOUR_WINDOW for start in anchors)
