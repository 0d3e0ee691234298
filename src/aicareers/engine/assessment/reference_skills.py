"""Skills named in text from the reference vocabularies: O*NET technology and ESCO.

The project's 85 skills drive scoring; these two vocabularies tell a person (and a coach)
which recognised technologies and ESCO skills their words already contain, with quotes. Both
are matched by name through the same phrase index as our own skills.

ESCO's labels include everyday words ("sales", "design"); a one-word label counts only when
the word is written with a capital or a digit (a product or acronym such as "Python", "SQL",
"C++"), and one-word O*NET examples likewise, so that plain prose does not light up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import msgspec

from ..evidence import Span
from ..phrases import PhraseIndex, phrase_key

MAX_QUOTES = 3
ESCO = "esco"
ONET_TECHNOLOGY = "onet-technology"


class ReferenceSkill(msgspec.Struct, frozen=True, kw_only=True):
    """A recognised skill or technology from ESCO or O*NET, with its quotes."""

    source: str
    id: str
    name: str
    evidence: tuple[Span, ...]
    hot: bool = False


class EscoLike(msgspec.Struct, frozen=True):
    """The parts of an ESCO skill the index needs."""

    uri: str
    label: str
    alt_labels: tuple[str, ...]


def _distinctive(phrase: str) -> bool:
    """Multi-word phrases, or single words that look like names (capital, digit, symbol)."""
    words = phrase_key(phrase)
    if len(words) != 1:
        return len(words) > 1
    word = phrase.strip()
    return len(word) > 1 and (any(c.isupper() or c.isdigit() for c in word) or "+" in word)


def _phrases(esco: Sequence[EscoLike], technology: Sequence[str]) -> Iterator[tuple[str, str]]:
    for skill in esco:
        for label in (skill.label, *skill.alt_labels):
            if _distinctive(label):
                yield label, f"{ESCO}|{skill.uri}"
    for example in technology:
        if _distinctive(example):
            yield example, f"{ONET_TECHNOLOGY}|{example}"


@dataclass(frozen=True)
class ReferenceVocabulary:
    """ESCO skills and O*NET technology examples, indexed by name."""

    index: PhraseIndex
    names: dict[str, str]
    hot: frozenset[str]

    @classmethod
    def build(
        cls, esco: Sequence[EscoLike], technology: Sequence[str], hot: Sequence[str] = ()
    ) -> ReferenceVocabulary:
        """Index ESCO labels and O*NET technology examples; ``hot`` marks O*NET hot ones."""
        names = {f"{ESCO}|{s.uri}": s.label for s in esco}
        names.update({f"{ONET_TECHNOLOGY}|{t}": t for t in technology})
        return cls(PhraseIndex(_phrases(esco, technology)), names, frozenset(hot))

    def find(self, text: str) -> list[ReferenceSkill]:
        """Every reference skill named in ``text``, ESCO first, then by first mention."""
        quotes: dict[str, list[Span]] = defaultdict(list)
        for hit in self.index.find(text):
            for ident in hit.ids:
                quotes[ident].append(hit.span)
        found = []
        for ident, spans in quotes.items():
            source, _, key = ident.partition("|")
            found.append(
                ReferenceSkill(
                    source=source,
                    id=key,
                    name=self.names[ident],
                    evidence=tuple(spans[:MAX_QUOTES]),
                    hot=source == ONET_TECHNOLOGY and key in self.hot,
                )
            )
        found.sort(key=lambda s: (s.source != ESCO, s.evidence[0].start, s.name))
        return found
