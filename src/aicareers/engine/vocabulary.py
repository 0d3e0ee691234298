"""Find the project's skills in text by their names and aliases, with character offsets.

Text and terms are cut into the same word tokens ("CI/CD", "A/B" and "R&D" stay whole), and
each position is looked up as the longest run of tokens that forms a known term: one pass of
dictionary look-ups, several times faster than a regular expression over hundreds of terms.
Two-letter acronyms ("UX", "R") only count in capitals, and single letters only inside a list
("Python, R and SQL").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import msgspec

from ..knowledge.models import Skill
from .evidence import Span

# Words too generic to stand for a skill on their own, even though they appear as aliases.
GENERIC = frozenset(
    [
        "research", "communication", "writing", "documentation", "statistics", "compliance",
        "design", "analytics", "ethics", "law", "legal", "marketing", "regulations", "metrics",
        "branding", "collaboration", "teamwork",
    ]
)  # fmt: skip
TOKEN = re.compile(r"[A-Za-z0-9+#]+(?:[./&'][A-Za-z0-9+#]+)*")
JOINER = re.compile(r"[\s\-]+")
LIST_CONTEXT = re.compile(r"(?:^|[,/(;:&+]|\band\b|\bor\b)\s*$")
LIST_AFTER = re.compile(r"^\s*(?:$|[,/);:&+]|and\b|or\b)")
MAX_TERM_TOKENS = 8


class TermHit(msgspec.Struct, frozen=True):
    """A vocabulary term found in text, with the skills it stands for."""

    skills: tuple[str, ...]
    span: Span


def term_key(term: str) -> tuple[str, ...]:
    """The lower-case token sequence a term is looked up by."""
    return tuple(t.lower() for t in TOKEN.findall(term))


def _is_acronym(term: str) -> bool:
    # Two capitals ("UX", "RN") are easily a word or a typo in lower case; "sql" is not.
    return len(term) <= 2 and term.isupper()


class Vocabulary:
    """An index of skill terms: token sequences mapped to skill ids."""

    def __init__(self, skills: Sequence[Skill]) -> None:
        loose: dict[tuple[str, ...], set[str]] = defaultdict(set)
        exact: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for skill in skills:
            for term in (skill.name, *skill.aliases):
                key = term_key(term)
                if not key or " ".join(key) in GENERIC:
                    continue
                if _is_acronym(term):
                    exact[tuple(TOKEN.findall(term))].add(skill.id)
                else:
                    loose[key].add(skill.id)
        self.names = {s.id: s.name for s in skills}
        self._loose = {k: tuple(sorted(v)) for k, v in loose.items()}
        self._exact = {k: tuple(sorted(v)) for k, v in exact.items()}
        self._longest = max(map(len, [*self._loose, *self._exact]), default=1)

    def find(self, text: str) -> list[TermHit]:
        """Every term occurrence in ``text``, in order of position, longest match first."""
        tokens = list(TOKEN.finditer(text))
        hits: list[TermHit] = []
        i = 0
        while i < len(tokens):
            found = self._longest_at(text, tokens, i)
            if found is None:
                hits.extend(self._slash_parts(text, tokens[i]))
                i += 1
                continue
            length, skills = found
            start, end = tokens[i].start(), tokens[i + length - 1].end()
            hits.append(TermHit(skills, Span(start=start, end=end, text=text[start:end])))
            i += length
        return hits

    def _longest_at(
        self, text: str, tokens: list[re.Match[str]], i: int
    ) -> tuple[int, tuple[str, ...]] | None:
        limit = min(self._longest, MAX_TERM_TOKENS, len(tokens) - i)
        # Terms span only tokens separated by spaces or hyphens, never by punctuation.
        n = 1
        while n < limit and JOINER.fullmatch(text[tokens[i + n - 1].end() : tokens[i + n].start()]):
            n += 1
        for length in range(n, 0, -1):
            words = tuple(t.group() for t in tokens[i : i + length])
            skills = self._loose.get(tuple(w.lower() for w in words)) or self._exact.get(words)
            if skills and (len(words) > 1 or len(words[0]) > 1 or self._listed(text, tokens[i])):
                return length, skills
        return None

    def _slash_parts(self, text: str, token: re.Match[str]) -> list[TermHit]:
        """Split an unknown "Docker/Kubernetes" into its parts; a slash list is a list."""
        hits = []
        offset = token.start()
        for part in token.group().split("/"):
            skills = self._loose.get(term_key(part)) or self._exact.get((part,))
            if skills and "/" in token.group():
                span = Span(start=offset, end=offset + len(part), text=part)
                hits.append(TermHit(skills, span))
            offset += len(part) + 1
        return hits

    @staticmethod
    def _listed(text: str, token: re.Match[str]) -> bool:
        """A single letter counts as a skill only between list separators ("Python, R, SQL")."""
        before = text[max(0, token.start() - 12) : token.start()]
        after = text[token.end() : token.end() + 6]
        return bool(LIST_CONTEXT.search(before)) and bool(LIST_AFTER.match(after))
